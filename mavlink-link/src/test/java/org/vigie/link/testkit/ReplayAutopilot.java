package org.vigie.link.testkit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.vigie.link.codec.MavlinkFrame;

/**
 * Plays the autopilot's side of a recorded conversation: each time our side sends a frame of the conversation's
 * message ids, it is compared with the next frame the recorded ground station sent (payload byte for byte), and the
 * frames the real autopilot sent next are replayed exactly as recorded.
 */
public final class ReplayAutopilot {

    private final TestPort ap;
    private final List<Tlog.Record> script;
    private final int gcsSysId;
    private final Set<Integer> msgIds;
    private final List<String> mismatches = new ArrayList<>();
    private int pos;

    /**
     * Creates and attaches the replay; frames the autopilot sent before the first ground frame are sent at once.
     *
     * @param ap the autopilot-side port
     * @param script the recorded frames of the conversation, both directions, in order
     * @param gcsSysId system id of the recorded ground station
     * @param msgIds the message ids of the conversation on our side
     */
    public ReplayAutopilot(TestPort ap, List<Tlog.Record> script, int gcsSysId, Set<Integer> msgIds) {
        this.ap = ap;
        this.script = List.copyOf(script);
        this.gcsSysId = gcsSysId;
        this.msgIds = Set.copyOf(msgIds);
        ap.subscribeFrames(this::onFrame);
    }

    /**
     * Cuts a conversation out of a capture: from the first ground frame matching {@code startMsgId} (and payload
     * prefix) to the first frame matching {@code endMsgId} from {@code endSysId} after it, keeping only the given
     * message ids.
     *
     * @param records the capture
     * @param startMsgId first ground message id
     * @param startPayloadHex prefix the first ground payload must have ("" for any)
     * @param endMsgId last message id
     * @param endSysId sender of the last message
     * @param msgIds message ids to keep
     * @return the conversation
     */
    public static List<Tlog.Record> cut(List<Tlog.Record> records, int startMsgId, String startPayloadHex,
                                        int endMsgId, int endSysId, Set<Integer> msgIds) {
        List<Tlog.Record> out = new ArrayList<>();
        boolean in = false;
        for (Tlog.Record r : records) {
            MavlinkFrame f = r.frame();
            if (!in && f.msgId() == startMsgId && HexFormat.of().formatHex(f.payload()).startsWith(startPayloadHex)) {
                in = true;
            }
            if (in && msgIds.contains(f.msgId())) {
                out.add(r);
                if (f.msgId() == endMsgId && f.sysId() == endSysId && out.size() > 1) {
                    return out;
                }
            }
        }
        throw new IllegalArgumentException("conversation not found");
    }

    private void onFrame(MavlinkFrame f) {
        if (!msgIds.contains(f.msgId())) {
            return;
        }
        if (pos >= script.size()) {
            mismatches.add("unexpected extra frame " + f.msgId() + " " + HexFormat.of().formatHex(f.payload()));
            return;
        }
        MavlinkFrame expected = script.get(pos).frame();
        if (expected.sysId() != gcsSysId || expected.msgId() != f.msgId()
                || !HexFormat.of().formatHex(expected.payload()).equals(HexFormat.of().formatHex(f.payload()))) {
            mismatches.add("at " + pos + " expected msg " + expected.msgId() + " "
                    + HexFormat.of().formatHex(expected.payload()) + " got msg " + f.msgId() + " "
                    + HexFormat.of().formatHex(f.payload()));
        }
        pos++;
        while (pos < script.size() && script.get(pos).frame().sysId() != gcsSysId) {
            ap.sendRaw(script.get(pos).frame());
            pos++;
        }
    }

    /** @return differences between our frames and the recorded ground station's */
    public List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    /** @return true when the whole conversation was played */
    public boolean finished() {
        return pos >= script.size();
    }
}

package org.vigie.sim;

import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.sim.link.SimLink;

/**
 * Everything the simulated autopilot sends goes through here: typed messages or ready payloads, to every channel or
 * to one, and STATUSTEXT (also handed to the registered listeners). Nothing is sent while the vehicle reboots or
 * after it is closed.
 *
 * <p>Threading: event thread only; listeners may be added from any thread.
 */
final class Outbox {

    /** The codec every part of the simulator encodes and decodes with. */
    static final MessageCodec CODEC = new MessageCodec();
    private static final ClassValue<Integer> IDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return MessageTable.idOf(type);
        }
    };

    private final List<SimLink> links;
    private final SimState state;
    private final int sysId;
    private final int compId;
    private final List<Consumer<String>> statustextListeners = new CopyOnWriteArrayList<>();

    Outbox(List<SimLink> links, SimState state, int sysId, int compId) {
        this.links = links;
        this.state = state;
        this.sysId = sysId;
        this.compId = compId;
    }

    /** Sends a typed message on every channel. */
    void send(Object message) {
        if (message == null || state.silent || state.closed) {
            return;
        }
        byte[] payload = CODEC.encodePayload(message);
        int id = IDS.get(message.getClass());
        for (SimLink l : links) {
            l.send(sysId, compId, id, payload);
        }
    }

    /** Sends a ready payload on one channel, or on every channel if {@code channel} is -1. */
    void sendPayload(int channel, int msgId, byte[] payload) {
        if (payload == null || state.silent || state.closed) {
            return;
        }
        if (channel < 0 || channel >= links.size()) {
            for (SimLink l : links) {
                l.send(sysId, compId, msgId, payload);
            }
        } else {
            links.get(channel).send(sysId, compId, msgId, payload);
        }
    }

    /** Sends a typed message on one channel, or on every channel if {@code channel} is out of range. */
    void reply(int channel, Object message) {
        if (message == null || state.silent || state.closed) {
            return;
        }
        if (channel < 0 || channel >= links.size()) {
            send(message);
            return;
        }
        byte[] payload = CODEC.encodePayload(message);
        links.get(channel).send(sysId, compId, IDS.get(message.getClass()), payload);
    }

    /** Sends a STATUSTEXT (cut to 50 characters) and hands it to the listeners. */
    void statustext(int severity, String text) {
        String t = text.length() > 50 ? text.substring(0, 50) : text;
        send(Statustext.builder().severity(EnumValue.create(severity)).text(t).id(0).chunkSeq(0).build());
        for (Consumer<String> l : statustextListeners) {
            l.accept(t);
        }
    }

    /** Registers a listener for every STATUSTEXT (called on the event thread). */
    void onStatustext(Consumer<String> listener) {
        statustextListeners.add(Objects.requireNonNull(listener));
    }
}

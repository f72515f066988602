package org.vigie.mission.minimisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vigie.misb.St0601Packet;
import org.vigie.misb.St0601Value;

/**
 * Which MISB ST 0601 tags leave the drone: every packet the streamer builds is cut down to these tags before it is
 * encoded. Tags 2 (Precision Time Stamp) and 65 (UAS Datalink LS Version Number), which ST 0601 requires in every
 * packet, are always kept; tag 1 (checksum) is not an item. Immutable and thread-safe.
 *
 * @param tags the tags sent (besides 2 and 65), each in 2..142
 */
public record KlvTagSelection(Set<Integer> tags) {

    /** Highest ST 0601 tag number. */
    public static final int MAX_TAG = 142;
    /** Tags ST 0601 requires in every packet. */
    public static final Set<Integer> MANDATORY = Set.of(2, 65);

    /** Copies and checks the tags. */
    public KlvTagSelection {
        Set<Integer> t = new TreeSet<>(MANDATORY);
        for (Integer tag : tags) {
            if (tag == null || tag < 2 || tag > MAX_TAG) {
                throw new IllegalArgumentException("ST 0601 tag " + tag + " is not an item tag (2.." + MAX_TAG + ")");
            }
            t.add(tag);
        }
        tags = Set.copyOf(t);
    }

    /** @return every tag: the packets as the factory builds them */
    public static KlvTagSelection all() {
        Set<Integer> t = new TreeSet<>();
        for (int i = 2; i <= MAX_TAG; i++) {
            t.add(i);
        }
        return new KlvTagSelection(t);
    }

    /**
     * The default of a city service: what a video analyst needs to place the image (time, platform attitude and
     * position, field of view, sensor angles, slant range, frame centre and corners, ground speed), but not tag 3,
     * Mission ID, which carries the alert id and would tie every frame of the stream to the incident.
     *
     * @return the selection
     */
    public static KlvTagSelection cityService() {
        return new KlvTagSelection(Set.of(5, 6, 7, 10, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32, 33, 56, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91));
    }

    /**
     * @param tag an ST 0601 tag
     * @return whether it leaves the drone
     */
    public boolean allows(int tag) {
        return tags.contains(tag);
    }

    /**
     * @param packet a packet as built
     * @return the packet with only the selected items, in the same order
     */
    public St0601Packet apply(St0601Packet packet) {
        List<St0601Value> kept = new ArrayList<>(packet.items().size());
        for (St0601Value v : packet.items()) {
            if (tags.contains(v.tag())) {
                kept.add(v);
            }
        }
        return kept.size() == packet.items().size() ? packet : new St0601Packet(kept);
    }
}

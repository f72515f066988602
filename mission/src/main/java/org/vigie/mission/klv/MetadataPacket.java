package org.vigie.mission.klv;

import java.util.Arrays;
import java.util.Objects;

import org.vigie.mission.camera.Footprint;
import org.vigie.mission.klv.privacy.PrivacyStatus;

/**
 * One emitted metadata packet with what it was computed from, as given to {@link MetadataSink}s.
 *
 * <p>The {@code klv} array is shared by every sink of the same packet: sinks must not modify it. Immutable otherwise.
 *
 * @param timeUtcMicros packet time (ST 0601 precision time stamp), microseconds since 1970 UTC
 * @param klv the encoded ST 0601 packet (key to checksum)
 * @param footprint the camera footprint
 * @param privacy the privacy verdict: a video pipeline masks or stops recording while {@code overPrivacyZone()}
 */
// shared by every sink, not copied, 10 times a second; equals, hashCode and toString below are defined over the bytes
@SuppressWarnings("ArrayRecordComponent")
public record MetadataPacket(long timeUtcMicros, byte[] klv, Footprint footprint, PrivacyStatus privacy) {

    /** @return true for the same time, footprint, privacy verdict and KLV bytes */
    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataPacket p && timeUtcMicros == p.timeUtcMicros && Arrays.equals(klv, p.klv)
                && footprint.equals(p.footprint) && privacy.equals(p.privacy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeUtcMicros, Arrays.hashCode(klv), footprint, privacy);
    }

    @Override
    public String toString() {
        return "MetadataPacket[" + timeUtcMicros + " us, " + klv.length + " bytes KLV, " + privacy + "]";
    }
}

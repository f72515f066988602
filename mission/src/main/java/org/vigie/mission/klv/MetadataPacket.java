package org.vigie.mission.klv;

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
public record MetadataPacket(long timeUtcMicros, byte[] klv, Footprint footprint, PrivacyStatus privacy) {
}

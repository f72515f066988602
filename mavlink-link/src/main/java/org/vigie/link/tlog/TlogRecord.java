package org.vigie.link.tlog;

import java.util.Objects;
import org.vigie.link.codec.MavlinkFrame;

/**
 * One tlog record.
 *
 * @param timestampUs Unix time in microseconds
 * @param frame the frame, bytes exactly as logged
 */
public record TlogRecord(long timestampUs, MavlinkFrame frame) {
    /** Validates. */
    public TlogRecord {
        Objects.requireNonNull(frame, "frame");
    }
}

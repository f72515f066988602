/**
 * MAVLink 1 and 2 framing: the incremental {@link org.vigie.link.codec.FrameParser} (never throws, resynchronises,
 * counts every discarded byte in {@link org.vigie.link.codec.ParserStats}), the {@link org.vigie.link.codec.FrameWriter}
 * (CRC_EXTRA, MAVLink 2 truncation, optional signing through {@link org.vigie.link.codec.FrameSigner}), the dialect
 * {@link org.vigie.link.codec.MessageTable}, typed decoding to dronefleet message classes with
 * {@link org.vigie.link.codec.MessageCodec} (hand-written fast paths for the telemetry decoded every frame), and
 * per-peer loss accounting in {@link org.vigie.link.codec.SequenceTracker}.
 *
 * <p>No I/O and no threads here: the link feeds bytes and consumes frames.
 */
package org.vigie.link.codec;

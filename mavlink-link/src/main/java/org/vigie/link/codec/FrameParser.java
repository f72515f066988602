package org.vigie.link.codec;

import java.util.Objects;

/**
 * Incremental MAVLink 1/2 parser. Feed it byte chunks of any size; it calls the listener once per valid frame with
 * an allocation-free {@link FrameView}, and reports every discarded byte.
 *
 * <p>Guarantees: it never throws on any input, never stalls (a candidate frame is judged as soon as the bytes it
 * declares are in: at most 280, so a start byte in noise may delay the frames behind it until that many more bytes
 * arrive or {@link #flush()} is called, never lose them), and never loses a valid frame behind garbage: a bad checksum drops only the start byte and scanning resumes
 * at the next byte, so a frame hidden inside a corrupted one is still found. Frames of unknown id cannot have their
 * checksum verified: they are delivered (routable, not decodable) only when the next byte is a start byte (or the
 * input ends there, see {@link #flush()}) and no valid known-id frame starts inside them; otherwise they are
 * discarded as noise. So such a frame is delivered when the byte after it arrives; the outcome never depends on how
 * the stream is cut into chunks.
 *
 * <p>Lengths: a MAVLink 1 frame must carry exactly its message's base length; a MAVLink 2 frame at least one byte
 * (truncation keeps the first byte). A MAVLink 2 frame longer than the dialect's full length, with a valid checksum,
 * is accepted: it comes from a newer dialect with more extension fields (typed decoding reads the known prefix), as
 * the reference C parser does.
 *
 * <p>Signatures are not verified here (that needs keys and per-stream state): see the link's signing support.
 *
 * <p>Threading: not thread-safe; one parser per byte stream, fed from one thread. Exceptions thrown by the listener
 * propagate to the caller of {@link #feed}, after the parser state has been made consistent.
 */
public final class FrameParser {

    /** Receives parsed frames and discards. */
    public interface Listener {
        /**
         * One valid frame. The view is valid only during the call.
         *
         * @param frame the frame
         */
        void onFrame(FrameView frame);

        /**
         * Bytes were discarded.
         *
         * @param reason why
         * @param byteCount how many bytes
         */
        default void onDiscard(DiscardReason reason, int byteCount) {}
    }

    private final MessageTable table;
    private final Listener listener;
    private final FrameView view;
    private final ParserStats stats = new ParserStats();
    private byte[] buf = new byte[4096];
    private int start;
    private int end;
    private int pendingGarbage;

    /**
     * Creates a parser for the ardupilotmega dialect.
     *
     * @param listener receives frames and discards
     */
    public FrameParser(Listener listener) {
        this(MessageTable.ardupilotmega(), listener);
    }

    /**
     * Creates a parser.
     *
     * @param table dialect knowledge (CRC_EXTRA, lengths)
     * @param listener receives frames and discards
     */
    public FrameParser(MessageTable table, Listener listener) {
        this.table = Objects.requireNonNull(table, "table");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.view = new FrameView(table);
    }

    /** @return this parser's counters */
    public ParserStats stats() {
        return stats;
    }

    /**
     * Bytes buffered waiting for the rest of a frame.
     *
     * @return buffered byte count
     */
    public int buffered() {
        return end - start;
    }

    /**
     * Feeds a chunk of bytes.
     *
     * @param data source array
     * @param offset first byte
     * @param length byte count
     */
    public void feed(byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        stats.add(ParserStats.BYTES_IN, length);
        int pos = offset;
        int remaining = length;
        while (remaining > 0) {
            if (end == buf.length) {
                compact();
            }
            int n = Math.min(remaining, buf.length - end);
            System.arraycopy(data, pos, buf, end, n);
            end += n;
            pos += n;
            remaining -= n;
            scan();
        }
    }

    /**
     * Feeds a whole array.
     *
     * @param data bytes
     */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * Declares the end of the input: a complete frame of unknown id at the very end is delivered, bytes still
     * buffered (an incomplete frame) are counted as garbage and reported. Call it at the end of each datagram for
     * datagram transports (UDP: a frame never spans datagrams), and at the end of a file. Parsing may continue
     * afterwards with new input.
     */
    public void flush() {
        scanFrames(true);
        while (end > start) {
            start++;
            pendingGarbage++;
            scanFrames(true);
        }
        start = end = 0;
        reportGarbage();
    }

    private void compact() {
        int n = end - start;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, n);
        }
        start = 0;
        end = n;
    }

    private void scan() {
        scan(false);
    }

    /**
     * Delivers every frame that can be judged. With {@code atEnd} false, a candidate that needs bytes not yet
     * received (its own tail, the byte after an unknown-id frame, or a known frame hidden inside it) waits for them,
     * so that the outcome never depends on how the stream was chunked.
     */
    private void scan(boolean atEnd) {
        scanFrames(atEnd);
        reportGarbage();
    }

    private void scanFrames(boolean atEnd) {
        final byte[] b = buf;
        while (true) {
            int s = start;
            int e = end;
            while (s < e && b[s] != (byte) MavlinkFrame.STX_V2 && b[s] != (byte) MavlinkFrame.STX_V1) {
                s++;
            }
            if (s > start) {
                pendingGarbage += s - start;
                start = s;
            }
            if (s >= e) {
                reportGarbage();
                return;
            }
            int avail = e - s;
            boolean v2 = b[s] == (byte) MavlinkFrame.STX_V2;
            int headerLen = v2 ? 10 : 6;
            if (avail < headerLen) {
                return;
            }
            int payloadLen = b[s + 1] & 0xFF;
            int incompat = v2 ? b[s + 2] & 0xFF : 0;
            int frameLen = headerLen + payloadLen + 2 + ((incompat & MavlinkFrame.INCOMPAT_SIGNED) != 0 ? 13 : 0);
            if (avail < frameLen) {
                return;
            }
            int msgId = v2 ? (b[s + 7] & 0xFF) | (b[s + 8] & 0xFF) << 8 | (b[s + 9] & 0xFF) << 16 : b[s + 5] & 0xFF;
            int crcExtra = table.crcExtra(msgId);
            DiscardReason reject = null;
            if (crcExtra >= 0) {
                if (!crcValid(b, s, headerLen, payloadLen, crcExtra)) {
                    reject = DiscardReason.BAD_CRC;
                } else if ((incompat & ~MavlinkFrame.INCOMPAT_SIGNED) != 0) {
                    reject = DiscardReason.UNSUPPORTED_INCOMPAT_FLAGS;
                } else if (v2 ? payloadLen == 0 : payloadLen != table.minPayloadLength(msgId)) {
                    reject = DiscardReason.BAD_LENGTH;
                }
            } else {
                int next = s + frameLen;
                if (next >= e && !atEnd) {
                    return;
                }
                boolean framed = next >= e || b[next] == (byte) MavlinkFrame.STX_V2
                        || b[next] == (byte) MavlinkFrame.STX_V1;
                if (!framed) {
                    reject = DiscardReason.UNKNOWN_NOT_FRAMED;
                } else if ((incompat & ~MavlinkFrame.INCOMPAT_SIGNED) != 0) {
                    reject = DiscardReason.UNSUPPORTED_INCOMPAT_FLAGS;
                } else {
                    int hidden = hiddenKnownFrame(b, s + 1, next, e, atEnd);
                    if (hidden < 0) {
                        return;
                    }
                    if (hidden > 0) {
                        reject = DiscardReason.UNKNOWN_NOT_FRAMED;
                    }
                }
            }
            if (reject != null) {
                count(reject);
                start = s + 1;
                reportGarbage();
                listener.onDiscard(reject, 1);
                continue;
            }
            reportGarbage();
            view.buf = b;
            view.off = s;
            view.len = frameLen;
            view.version = v2 ? 2 : 1;
            view.payloadLen = payloadLen;
            view.payloadOff = s + headerLen;
            view.msgId = msgId;
            view.known = crcExtra >= 0;
            stats.add(ParserStats.FRAMES, 1);
            if (crcExtra < 0) {
                stats.add(ParserStats.UNKNOWN_FRAMES, 1);
            }
            start = s + frameLen;
            listener.onFrame(view);
        }
    }

    private boolean crcValid(byte[] b, int s, int headerLen, int payloadLen, int crcExtra) {
        int crc = MavlinkCrc.accumulate(MavlinkCrc.INIT, b, s + 1, headerLen - 1 + payloadLen);
        crc = MavlinkCrc.accumulate(crc, crcExtra);
        int p = s + headerLen + payloadLen;
        return crc == ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8);
    }

    /**
     * Whether a valid known-id frame starts inside [from, to) (an unknown-id candidate must not swallow it).
     *
     * @return 1 if one does, 0 if none, -1 if one cannot be judged until more bytes arrive
     */
    private int hiddenKnownFrame(byte[] b, int from, int to, int e, boolean atEnd) {
        for (int s = from; s < to; s++) {
            if (b[s] != (byte) MavlinkFrame.STX_V2 && b[s] != (byte) MavlinkFrame.STX_V1) {
                continue;
            }
            boolean v2 = b[s] == (byte) MavlinkFrame.STX_V2;
            int headerLen = v2 ? 10 : 6;
            if (e - s < headerLen) {
                if (!atEnd) {
                    return -1;
                }
                continue;
            }
            int msgId = v2 ? (b[s + 7] & 0xFF) | (b[s + 8] & 0xFF) << 8 | (b[s + 9] & 0xFF) << 16 : b[s + 5] & 0xFF;
            int crcExtra = table.crcExtra(msgId);
            if (crcExtra < 0) {
                continue;
            }
            int payloadLen = b[s + 1] & 0xFF;
            int incompat = v2 ? b[s + 2] & 0xFF : 0;
            int frameLen = headerLen + payloadLen + 2 + ((incompat & MavlinkFrame.INCOMPAT_SIGNED) != 0 ? 13 : 0);
            if (e - s < frameLen) {
                if (!atEnd) {
                    return -1;
                }
                continue;
            }
            if (crcValid(b, s, headerLen, payloadLen, crcExtra)) {
                return 1;
            }
        }
        return 0;
    }

    private void count(DiscardReason r) {
        switch (r) {
            case BAD_CRC -> stats.add(ParserStats.CRC, 1);
            case BAD_LENGTH -> stats.add(ParserStats.BAD_LENGTH, 1);
            case UNSUPPORTED_INCOMPAT_FLAGS -> stats.add(ParserStats.FLAGS, 1);
            case UNKNOWN_NOT_FRAMED -> stats.add(ParserStats.UNKNOWN_NOT_FRAMED, 1);
            case GARBAGE -> stats.add(ParserStats.GARBAGE, 1);
        }
    }

    private void reportGarbage() {
        if (pendingGarbage > 0) {
            int n = pendingGarbage;
            pendingGarbage = 0;
            stats.add(ParserStats.GARBAGE, n);
            listener.onDiscard(DiscardReason.GARBAGE, n);
        }
    }
}

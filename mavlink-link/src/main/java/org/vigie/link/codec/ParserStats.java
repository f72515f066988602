package org.vigie.link.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters of one {@link FrameParser}. Written only by the parser's thread; readable from any thread (opaque
 * accesses: a reader on another thread may see slightly stale numbers, never torn ones).
 */
public final class ParserStats {

    private static final VarHandle C = MethodHandles.arrayElementVarHandle(long[].class);
    static final int BYTES_IN = 0;
    static final int FRAMES = 1;
    static final int UNKNOWN_FRAMES = 2;
    static final int GARBAGE = 3;
    static final int CRC = 4;
    static final int BAD_LENGTH = 5;
    static final int FLAGS = 6;
    static final int UNKNOWN_NOT_FRAMED = 7;

    private final long[] c = new long[8];

    /** Adds to a counter: a plain increment published with an opaque store (no fence on the parser's hot path). */
    void add(int counter, long n) {
        C.setOpaque(c, counter, (long) C.getOpaque(c, counter) + n);
    }

    private long get(int counter) {
        return (long) C.getOpaque(c, counter);
    }

    /** @return bytes fed to the parser */
    public long bytesIn() {
        return get(BYTES_IN);
    }

    /** @return frames delivered (known and unknown ids) */
    public long frames() {
        return get(FRAMES);
    }

    /** @return frames delivered whose id the dialect does not know (CRC not checkable) */
    public long unknownFrames() {
        return get(UNKNOWN_FRAMES);
    }

    /** @return bytes skipped while looking for a start byte */
    public long garbageBytes() {
        return get(GARBAGE);
    }

    /** @return frames rejected for a bad checksum */
    public long crcErrors() {
        return get(CRC);
    }

    /** @return frames rejected for an impossible payload length */
    public long badLength() {
        return get(BAD_LENGTH);
    }

    /** @return frames rejected for unknown incompatibility flags */
    public long unsupportedFlags() {
        return get(FLAGS);
    }

    /** @return candidate frames of unknown id rejected as noise */
    public long unknownNotFramed() {
        return get(UNKNOWN_NOT_FRAMED);
    }

    /**
     * Counter for one discard reason.
     *
     * @param reason the reason
     * @return how many events of that reason (bytes for GARBAGE, frames otherwise)
     */
    public long count(DiscardReason reason) {
        return switch (reason) {
            case GARBAGE -> garbageBytes();
            case BAD_CRC -> crcErrors();
            case BAD_LENGTH -> badLength();
            case UNSUPPORTED_INCOMPAT_FLAGS -> unsupportedFlags();
            case UNKNOWN_NOT_FRAMED -> unknownNotFramed();
        };
    }

    @Override
    public String toString() {
        return "ParserStats[bytesIn=" + bytesIn() + " frames=" + frames() + " unknown=" + unknownFrames()
                + " garbage=" + garbageBytes() + " crc=" + crcErrors() + " badLength=" + badLength() + " flags="
                + unsupportedFlags() + " unknownNotFramed=" + unknownNotFramed() + "]";
    }
}

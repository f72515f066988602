package org.vigie.link.codec;

/**
 * Counters of one {@link FrameParser}. Written only by the parser's thread; read from any thread (values are
 * plain longs, so a reader on another thread may see slightly stale numbers, never torn ones on 64-bit JVMs).
 */
public final class ParserStats {
    volatile long bytesIn;
    volatile long frames;
    volatile long unknownFrames;
    volatile long garbageBytes;
    volatile long crcErrors;
    volatile long badLength;
    volatile long unsupportedFlags;
    volatile long unknownNotFramed;

    /** @return bytes fed to the parser */
    public long bytesIn() {
        return bytesIn;
    }

    /** @return frames delivered (known and unknown ids) */
    public long frames() {
        return frames;
    }

    /** @return frames delivered whose id the dialect does not know (CRC not checkable) */
    public long unknownFrames() {
        return unknownFrames;
    }

    /** @return bytes skipped while looking for a start byte */
    public long garbageBytes() {
        return garbageBytes;
    }

    /** @return frames rejected for a bad checksum */
    public long crcErrors() {
        return crcErrors;
    }

    /** @return frames rejected for an impossible payload length */
    public long badLength() {
        return badLength;
    }

    /** @return frames rejected for unknown incompatibility flags */
    public long unsupportedFlags() {
        return unsupportedFlags;
    }

    /** @return candidate frames of unknown id rejected as noise */
    public long unknownNotFramed() {
        return unknownNotFramed;
    }

    /**
     * Counter for one discard reason.
     *
     * @param reason the reason
     * @return how many events of that reason (bytes for GARBAGE, frames otherwise)
     */
    public long count(DiscardReason reason) {
        return switch (reason) {
            case GARBAGE -> garbageBytes;
            case BAD_CRC -> crcErrors;
            case BAD_LENGTH -> badLength;
            case UNSUPPORTED_INCOMPAT_FLAGS -> unsupportedFlags;
            case UNKNOWN_NOT_FRAMED -> unknownNotFramed;
        };
    }

    @Override
    public String toString() {
        return "ParserStats[bytesIn=" + bytesIn + " frames=" + frames + " unknown=" + unknownFrames + " garbage="
                + garbageBytes + " crc=" + crcErrors + " badLength=" + badLength + " flags=" + unsupportedFlags
                + " unknownNotFramed=" + unknownNotFramed + "]";
    }
}

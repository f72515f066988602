package org.vigie.misb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads ST 0601 UAS Datalink Local Set packets: checks the key, the BER length and the checksum, and turns every item
 * this library implements into its value record; unknown tags and wrong lengths are reported, not thrown.
 *
 * <p>Stateless and thread-safe. Never throws on bad bytes; only null arrays or offsets outside the array throw.
 */
public final class St0601Decoder {

    /** Largest set length accepted (ST 0601 packets are far smaller). */
    public static final int MAX_SET_LENGTH = 65_535;

    /** Creates a decoder. */
    public St0601Decoder() {
    }

    /**
     * Decodes one packet starting at {@code offset}.
     *
     * @param src bytes
     * @param offset first byte of the universal key
     * @param length bytes available from offset
     * @return the decoded packet or the reason it was rejected
     * @throws IndexOutOfBoundsException if offset/length lie outside src
     */
    public DecodeResult decode(byte[] src, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, src.length);
        if (length < St0601Encoder.KEY_LENGTH + 1) {
            return new DecodeResult.Rejected(DecodeResult.Reason.TRUNCATED, length + " bytes cannot hold a packet",
                    length);
        }
        if (!St0601Encoder.isKeyAt(src, offset)) {
            return new DecodeResult.Rejected(DecodeResult.Reason.BAD_KEY, "no UAS Datalink LS key at offset " + offset,
                    1);
        }
        int p = offset + St0601Encoder.KEY_LENGTH;
        int end = offset + length;
        long[] lenOut = new long[1];
        int afterLen = readBerLength(src, p, end, lenOut);
        if (afterLen < 0 || lenOut[0] > MAX_SET_LENGTH) {
            return new DecodeResult.Rejected(DecodeResult.Reason.BAD_LENGTH, "malformed or oversized BER length", 1);
        }
        int setLength = (int) lenOut[0];
        if (end - afterLen < setLength) {
            return new DecodeResult.Rejected(DecodeResult.Reason.TRUNCATED,
                    "set announces " + setLength + " bytes, " + (end - afterLen) + " available", 1);
        }
        int setEnd = afterLen + setLength;
        List<St0601Value> items = new ArrayList<>();
        List<UndecodedTag> undecoded = new ArrayList<>();
        boolean checksumOk = false;
        p = afterLen;
        while (p < setEnd) {
            int tag = 0;
            int tagStart = p;
            int b;
            do {
                if (p >= setEnd || p - tagStart >= 4) {
                    return new DecodeResult.Rejected(DecodeResult.Reason.MALFORMED, "tag overruns the set", 1);
                }
                b = src[p++] & 0xFF;
                tag = (tag << 7) | (b & 0x7F);
            } while ((b & 0x80) != 0);
            int valueStart = readBerLength(src, p, setEnd, lenOut);
            if (valueStart < 0 || lenOut[0] > setEnd - valueStart) {
                return new DecodeResult.Rejected(DecodeResult.Reason.MALFORMED,
                        "value of tag " + tag + " overruns the set", 1);
            }
            int valueLength = (int) lenOut[0];
            p = valueStart + valueLength;
            if (tag == 1) {
                if (p != setEnd || valueLength != 2) {
                    return new DecodeResult.Rejected(DecodeResult.Reason.MISSING_CHECKSUM,
                            "checksum is not a 2-byte last item", 1);
                }
                int expected = Klv.checksum(src, offset, valueStart - offset);
                int actual = ((src[valueStart] & 0xFF) << 8) | (src[valueStart + 1] & 0xFF);
                if (expected != actual) {
                    return new DecodeResult.Rejected(DecodeResult.Reason.BAD_CHECKSUM, String.format(
                            "checksum 0x%04X, computed 0x%04X", actual, expected), 1);
                }
                checksumOk = true;
                continue;
            }
            St0601Value value = decodeValue(tag, src, valueStart, valueLength);
            if (value != null) {
                items.add(value);
            } else {
                undecoded.add(new UndecodedTag(tag, Arrays.copyOfRange(src, valueStart, valueStart + valueLength),
                        expectedLength(tag) == 0 ? UndecodedTag.Reason.UNKNOWN_TAG
                                : UndecodedTag.Reason.BAD_VALUE_LENGTH));
            }
        }
        if (!checksumOk) {
            return new DecodeResult.Rejected(DecodeResult.Reason.MISSING_CHECKSUM, "no checksum item", 1);
        }
        return new DecodeResult.Decoded(new St0601Packet(items), undecoded, setEnd - offset);
    }

    /**
     * Decodes a stream of concatenated packets (a .klv file). After a rejection the reader moves to the next
     * occurrence of the universal key.
     *
     * @param src the bytes
     * @return one result per packet or per stretch of bad bytes, in order
     */
    public List<DecodeResult> decodeAll(byte[] src) {
        List<DecodeResult> out = new ArrayList<>();
        int p = 0;
        while (p < src.length) {
            DecodeResult r = decode(src, p, src.length - p);
            if (r instanceof DecodeResult.Rejected rej) {
                int next = p + Math.max(1, rej.consumedBytes());
                while (next + St0601Encoder.KEY_LENGTH <= src.length && !St0601Encoder.isKeyAt(src, next)) {
                    next++;
                }
                if (next + St0601Encoder.KEY_LENGTH > src.length) {
                    next = src.length;
                }
                out.add(new DecodeResult.Rejected(rej.reason(), rej.detail(), next - p));
                p = next;
            } else {
                out.add(r);
                p += r.consumedBytes();
            }
        }
        return out;
    }

    /** Returns the index after the length, or -1 if malformed; the value goes to out[0]. */
    private static int readBerLength(byte[] src, int p, int end, long[] out) {
        if (p >= end) {
            return -1;
        }
        int first = src[p] & 0xFF;
        if (first < 0x80) {
            out[0] = first;
            return p + 1;
        }
        int n = first & 0x7F;
        if (n == 0 || n > 4 || p + 1 + n > end) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (src[p + 1 + i] & 0xFF);
        }
        out[0] = v;
        return p + 1 + n;
    }

    /** Fixed value length of a known tag, -1 for variable-length text, 0 for unknown. */
    static int expectedLength(int tag) {
        if (tag >= 26 && tag <= 33) {
            return 2;
        }
        if (tag >= 82 && tag <= 89) {
            return 4;
        }
        return switch (tag) {
            case 2 -> 8;
            case 3, 10 -> -1;
            case 5, 6, 7, 15, 16, 17, 25 -> 2;
            case 13, 14, 18, 19, 20, 21, 23, 24, 90, 91 -> 4;
            case 56, 65 -> 1;
            default -> 0;
        };
    }

    private static @Nullable St0601Value decodeValue(int tag, byte[] src, int off, int len) {
        int expected = expectedLength(tag);
        if (expected == 0 || (expected > 0 && len != expected) || (expected < 0 && (len < 1 || len > 127))) {
            return null;
        }
        if (tag >= 26 && tag <= 33) {
            return (tag % 2 == 0) ? OffsetCornerLatitude.decode(tag, src, off)
                    : OffsetCornerLongitude.decode(tag, src, off);
        }
        if (tag >= 82 && tag <= 89) {
            return (tag % 2 == 0) ? FullCornerLatitude.decode(tag, src, off) : FullCornerLongitude.decode(tag, src, off);
        }
        return switch (tag) {
            case 2 -> PrecisionTimeStamp.decode(src, off);
            case 3 -> MissionId.decode(src, off, len);
            case 5 -> PlatformHeading.decode(src, off);
            case 6 -> PlatformPitch.decode(src, off);
            case 7 -> PlatformRoll.decode(src, off);
            case 10 -> PlatformDesignation.decode(src, off, len);
            case 13 -> SensorLatitude.decode(src, off);
            case 14 -> SensorLongitude.decode(src, off);
            case 15 -> SensorTrueAltitude.decode(src, off);
            case 16 -> HorizontalFov.decode(src, off);
            case 17 -> VerticalFov.decode(src, off);
            case 18 -> SensorRelativeAzimuth.decode(src, off);
            case 19 -> SensorRelativeElevation.decode(src, off);
            case 20 -> SensorRelativeRoll.decode(src, off);
            case 21 -> SlantRange.decode(src, off);
            case 23 -> FrameCenterLatitude.decode(src, off);
            case 24 -> FrameCenterLongitude.decode(src, off);
            case 25 -> FrameCenterElevation.decode(src, off);
            case 56 -> PlatformGroundSpeed.decode(src, off);
            case 65 -> UasLsVersion.decode(src, off);
            case 90 -> PlatformPitchFull.decode(src, off);
            case 91 -> PlatformRollFull.decode(src, off);
            default -> null;
        };
    }
}

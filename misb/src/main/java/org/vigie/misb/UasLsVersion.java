package org.vigie.misb;

/**
 * UAS Datalink LS version number (tag 65): the minor version of ST 0601 the packet follows (e.g. 17 for ST 0601.17),
 * one unsigned byte. Values outside 0..255 cannot be encoded: the item is omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param version the ST 0601 version number
 */
public record UasLsVersion(int version) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 65;

    /** The version Vigie writes: ST 0601.17, whose items used here the jmisb 1.10 decoder knows. */
    public static final int CURRENT = 17;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return version >= 0 && version <= 255 ? 1 : 0;
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        if (encodedLength() == 0) {
            throw new IllegalStateException("version " + version + " does not fit one byte");
        }
        dst[offset] = (byte) version;
    }

    static UasLsVersion decode(byte[] src, int offset) {
        return new UasLsVersion(src[offset] & 0xFF);
    }
}

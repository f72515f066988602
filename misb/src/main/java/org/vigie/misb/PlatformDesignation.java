package org.vigie.misb;

/**
 * Platform designation (tag 10): the model or designation of the platform, e.g. the airframe name. ISO 646 text of 1 to 127 characters: characters outside printable ASCII are sent as '?', longer text is cut
 * at 127 characters, null or empty text is omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param designation the text, may be null (omitted)
 */
public record PlatformDesignation(String designation) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 10;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return Iso7.length(designation);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        Iso7.write(designation, dst, offset);
    }

    static PlatformDesignation decode(byte[] src, int offset, int length) {
        return new PlatformDesignation(Iso7.read(src, offset, length));
    }
}

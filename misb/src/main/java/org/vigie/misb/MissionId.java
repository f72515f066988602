package org.vigie.misb;

/**
 * Mission ID (tag 3): descriptive mission identifier; Vigie sends the dispatch alert id. ISO 646 text of 1 to 127 characters: characters outside printable ASCII are sent as '?', longer text is cut
 * at 127 characters, null or empty text is omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param missionId the text, may be null (omitted)
 */
public record MissionId(String missionId) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 3;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return Iso7.length(missionId);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        Iso7.write(missionId, dst, offset);
    }

    static MissionId decode(byte[] src, int offset, int length) {
        return new MissionId(Iso7.read(src, offset, length));
    }
}

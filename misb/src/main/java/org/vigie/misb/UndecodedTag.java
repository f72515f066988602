package org.vigie.misb;

/**
 * An item of a received packet that was not turned into a value: a tag this decoder does not know, or a known tag whose
 * value has the wrong length.
 *
 * @param tag the tag number
 * @param value the raw value bytes (a copy)
 * @param reason why it was not decoded
 */
public record UndecodedTag(int tag, byte[] value, Reason reason) {

    /** Why a tag was not decoded. */
    public enum Reason {
        /** The tag is not one of the items this library implements (it may be valid ST 0601). */
        UNKNOWN_TAG,
        /** The tag is known but its value length does not match the standard's. */
        BAD_VALUE_LENGTH
    }
}

package org.vigie.misb;

import java.util.Arrays;
import java.util.Objects;

/**
 * An item of a received packet that was not turned into a value: a tag this decoder does not know, or a known tag whose
 * value has the wrong length.
 *
 * @param tag the tag number
 * @param value the raw value bytes (a copy)
 * @param reason why it was not decoded
 */
// equals, hashCode and toString below are defined over the value's bytes
@SuppressWarnings("ArrayRecordComponent")
public record UndecodedTag(int tag, byte[] value, Reason reason) {

    /** @return true for the same tag, reason and value bytes */
    @Override
    public boolean equals(Object o) {
        return o instanceof UndecodedTag u && tag == u.tag && reason == u.reason && Arrays.equals(value, u.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, reason, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "UndecodedTag[tag " + tag + ", " + value.length + " bytes, " + reason + "]";
    }

    /** Why a tag was not decoded. */
    public enum Reason {
        /** The tag is not one of the items this library implements (it may be valid ST 0601). */
        UNKNOWN_TAG,
        /** The tag is known but its value length does not match the standard's. */
        BAD_VALUE_LENGTH
    }
}

package org.vigie.centre.alert;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why an alert was not taken in, with the field at fault. Immutable.
 *
 * @param code    the kind of refusal
 * @param field   the field at fault (e.g. {@code "buttonId"}, {@code "lat"}), or null when none
 * @param message a sentence naming the value and the limit
 */
public record Refusal(Code code, @Nullable String field, String message) {

    /** The kinds of intake refusals. */
    public enum Code {
        /** A field is missing, of the wrong type or out of range. */
        INVALID,
        /** The button id is not registered. */
        UNKNOWN_BUTTON,
        /** The position is outside every district. */
        OUTSIDE_DISTRICTS,
        /** The same source pressed more often than the flood limit allows. */
        FLOOD
    }

    /** Rejects nulls. */
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}

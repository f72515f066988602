package org.vigie.geofence.io;

/** Malformed JSON or a JSON document that does not have the expected shape; the message says where. */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public JsonException(String message) {
        super(message);
    }
}

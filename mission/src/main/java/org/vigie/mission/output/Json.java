package org.vigie.mission.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A fluent JSON document on Jackson's streaming generator, with Vigie's number policy: numbers are written with a
 * fixed count of decimals or, without one, integral values as integers and others with 7 significant digits;
 * NaN and infinities are written as null. Escaping and structure are Jackson's. Not thread-safe; one instance per
 * document.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter out = new StringWriter(512);
    private final JsonGenerator g;

    /** Creates an empty document. */
    public Json() {
        try {
            g = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return this, after opening an object */
    public Json beginObject() {
        try {
            g.writeStartObject();
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @return this, after closing the current object */
    public Json endObject() {
        try {
            g.writeEndObject();
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @return this, after opening an array */
    public Json beginArray() {
        try {
            g.writeStartArray();
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @return this, after closing the current array */
    public Json endArray() {
        try {
            g.writeEndArray();
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @param name member name @return this, ready for the member's value */
    public Json key(String name) {
        try {
            g.writeFieldName(name);
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @param v a string or null @return this */
    public Json value(String v) {
        try {
            g.writeString(v);
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @return this, after a null value */
    public Json nullValue() {
        try {
            g.writeNull();
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @param v a number; NaN and infinities are written as null @return this */
    public Json value(double v) {
        if (!Double.isFinite(v)) {
            return nullValue();
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return value((long) v);
        }
        return number(String.format(Locale.ROOT, "%.7g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replace(".e", "e").replaceAll("\\.$", ""));
    }

    /**
     * @param v      a number; NaN and infinities are written as null
     * @param digits digits after the decimal point
     * @return this
     */
    public Json value(double v, int digits) {
        if (!Double.isFinite(v)) {
            return nullValue();
        }
        return number(String.format(Locale.ROOT, "%." + digits + "f", v));
    }

    /** @param v an integer @return this */
    public Json value(long v) {
        try {
            g.writeNumber(v);
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @param v a boolean @return this */
    public Json value(boolean v) {
        try {
            g.writeBoolean(v);
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** @return the document so far */
    @Override
    public String toString() {
        try {
            g.flush();
        } catch (IOException e) {
            throw structureError(e);
        }
        return out.toString();
    }

    private Json number(String text) {
        try {
            g.writeNumber(text);
        } catch (IOException e) {
            throw structureError(e);
        }
        return this;
    }

    /** A value where a key is due, an unbalanced end: a bug of the caller (the target, a StringWriter, never fails). */
    private static IllegalStateException structureError(IOException e) {
        return new IllegalStateException("JSON structure error: " + e.getMessage(), e);
    }
}

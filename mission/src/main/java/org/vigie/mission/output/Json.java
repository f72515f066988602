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
        return write(JsonGenerator::writeStartObject);
    }

    /** @return this, after closing the current object */
    public Json endObject() {
        return write(JsonGenerator::writeEndObject);
    }

    /** @return this, after opening an array */
    public Json beginArray() {
        return write(JsonGenerator::writeStartArray);
    }

    /** @return this, after closing the current array */
    public Json endArray() {
        return write(JsonGenerator::writeEndArray);
    }

    /** @param name member name @return this, ready for the member's value */
    public Json key(String name) {
        return write(gen -> gen.writeFieldName(name));
    }

    /** @param v a string or null @return this */
    public Json value(String v) {
        return write(gen -> gen.writeString(v));
    }

    /** @return this, after a null value */
    public Json nullValue() {
        return write(JsonGenerator::writeNull);
    }

    /** @param v a number; NaN and infinities are written as null @return this */
    public Json value(double v) {
        if (!Double.isFinite(v)) {
            return write(JsonGenerator::writeNull);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return value((long) v);
        }
        String text = String.format(Locale.ROOT, "%.7g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replace(".e", "e").replaceAll("\\.$", "");
        return write(gen -> gen.writeNumber(text));
    }

    /**
     * @param v      a number; NaN and infinities are written as null
     * @param digits digits after the decimal point
     * @return this
     */
    public Json value(double v, int digits) {
        if (!Double.isFinite(v)) {
            return write(JsonGenerator::writeNull);
        }
        String text = String.format(Locale.ROOT, "%." + digits + "f", v);
        return write(gen -> gen.writeNumber(text));
    }

    /** @param v an integer @return this */
    public Json value(long v) {
        return write(gen -> gen.writeNumber(v));
    }

    /** @param v a boolean @return this */
    public Json value(boolean v) {
        return write(gen -> gen.writeBoolean(v));
    }

    /** @return the document so far */
    @Override
    public String toString() {
        write(JsonGenerator::flush);
        return out.toString();
    }

    private interface Step {
        void on(JsonGenerator g) throws IOException;
    }

    private Json write(Step step) {
        try {
            step.on(g);
        } catch (IOException e) {
            throw new IllegalStateException("JSON structure error: " + e.getMessage(), e);
        }
        return this;
    }
}

package org.vigie.geofence.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Strict JSON (RFC 8259) reading on Jackson's streaming parser. Values map to {@code Map<String,Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} and {@code null}. Duplicate keys,
 * trailing commas, comments, leading zeros, NaN, nesting deeper than {@value #MAX_DEPTH} and trailing garbage are
 * rejected with a {@link JsonException} giving line and column (1-based).
 *
 * <p>Limits (Jackson's {@link StreamReadConstraints}, and a size check before any parsing), each refusal a
 * {@link JsonException} naming the limit: a document of at most {@value #MAX_DOCUMENT_CHARS} characters (files:
 * {@link #readFile}, at most as many bytes), nesting depth {@value #MAX_DEPTH}, strings of at most
 * {@value #MAX_STRING_CHARS} characters, property names of at most {@value #MAX_NAME_CHARS}, numbers of at most
 * {@value #MAX_NUMBER_CHARS} characters. Stateless and thread-safe.
 */
public final class Json {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 256;
    /** The longest document accepted, characters (and bytes for a file): 16 Mi. */
    public static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;
    /** The longest string value accepted, characters: 1 Mi. */
    public static final int MAX_STRING_CHARS = 1024 * 1024;
    /** The longest property name accepted, characters. */
    public static final int MAX_NAME_CHARS = 1024;
    /** The longest number accepted, characters. */
    public static final int MAX_NUMBER_CHARS = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS).maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_NAME_CHARS).maxNumberLength(MAX_NUMBER_CHARS).build())
            .build();

    private Json() {
    }

    /**
     * Parses a complete JSON text.
     *
     * @param text the JSON text
     * @return the value, null for the JSON text {@code null}
     * @throws JsonException on any syntax error, with line and column, or a limit exceeded, naming it
     */
    public static @Nullable Object parse(String text) {
        if (text == null) {
            throw new JsonException("JSON text is null");
        }
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new JsonException("JSON document is " + text.length() + " characters, more than the limit of "
                    + MAX_DOCUMENT_CHARS);
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            try {
                Object v = value(p, next(p));
                trailing(p);
                return v;
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw error(at, jacksonMessage(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON file as UTF-8 text for {@link #parse}, refusing a file larger than the document limit before
     * reading it.
     *
     * @param file the file
     * @return its text
     * @throws IOException if it cannot be read
     * @throws JsonException if it is larger than {@value #MAX_DOCUMENT_CHARS} bytes (the message names the limit)
     */
    public static String readFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_CHARS) {
            throw new JsonException("JSON file " + file + " is " + size + " bytes, more than the limit of "
                    + MAX_DOCUMENT_CHARS);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void trailing(JsonParser p) throws IOException {
        JsonLocation end = p.currentLocation();
        JsonToken after;
        try {
            after = p.nextToken();
        } catch (JsonProcessingException e) {
            throw error(e.getLocation() != null ? e.getLocation() : end, "unexpected trailing characters");
        }
        if (after != null) {
            throw error(p.currentTokenLocation(), "unexpected trailing characters");
        }
    }

    private static @Nullable Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (next(p) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    Object v = value(p, next(p));
                    if (m.containsKey(key)) {
                        throw error(at, "duplicate key \"" + key + "\"");
                    }
                    m.put(key, v);
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = next(p); e != JsonToken.END_ARRAY; e = next(p)) {
                    l.add(value(p, e));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Double.valueOf(p.getText());
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw error(p.currentTokenLocation(), "unexpected " + t);
        };
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw error(p.currentLocation(), "unexpected end of input");
        }
        return t;
    }

    /** Jackson's message without its location suffix nor the nested "(start marker at [Source ...])". */
    private static String jacksonMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        int marker = m.indexOf(" (start marker at");
        return marker >= 0 ? m.substring(0, marker) : m;
    }

    private static JsonException error(JsonLocation at, String what) {
        return new JsonException("JSON syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": " + what);
    }

    /**
     * A generator writing compact JSON to {@code out}, for this package's writers. Not thread-safe.
     *
     * @param out where the text goes; not closed with the generator
     * @return the generator
     */
    static JsonGenerator generator(Writer out) {
        try {
            return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(@Nullable Object o, String where) {
        if (o instanceof Map) {
            return (Map<String, Object>) o;
        }
        throw new JsonException(where + ": expected an object");
    }

    @SuppressWarnings("unchecked")
    static List<Object> arr(@Nullable Object o, String where) {
        if (o instanceof List) {
            return (List<Object>) o;
        }
        throw new JsonException(where + ": expected an array");
    }

    static double num(@Nullable Object o, String where) {
        if (o instanceof Double d) {
            return d;
        }
        throw new JsonException(where + ": expected a number");
    }

    static List<Object> emptyIfNull(@Nullable Object o, String where) {
        return o == null ? Collections.emptyList() : arr(o, where);
    }
}

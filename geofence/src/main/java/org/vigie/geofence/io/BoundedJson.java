package org.vigie.geofence.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.zone.DistrictLimits;
import org.vigie.geofence.zone.InvalidDistrictException;

/**
 * Reads a district file's JSON into the tree {@link Json#parse} gives, on Jackson's streaming parser, stopping as
 * soon as the text goes beyond a district's limits, before the rest is read or allocated: more positions (arrays of
 * 2 or 3 numbers) than {@link DistrictLimits#maxVerticesTotal()}, more JSON values than a district of that size
 * needs, a string longer than {@link DistrictLimits#maxTextLength()} (Jackson stops reading it there). Each refusal is
 * an {@link InvalidDistrictException} naming the limit, the value reached and where (line, column); syntax errors are
 * {@link JsonException}s as from {@link Json#parse}. Stateless and thread-safe.
 */
final class BoundedJson {

    /** JSON values allowed per allowed vertex (a position is 3 values; features and properties add a few). */
    static final int VALUES_PER_VERTEX = 8;
    /** JSON values allowed on top of that (settings, roles, names, a few hundred other features). */
    static final int VALUES_SLACK = 100_000;

    private final DistrictLimits limits;
    private final JsonFactory factory;
    private final long maxValues;
    private long values;
    private long positions;

    private BoundedJson(DistrictLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Json.MAX_DEPTH).maxStringLength(limits.maxTextLength())
                .maxNameLength(limits.maxTextLength()).build()).build();
        this.maxValues = (long) VALUES_PER_VERTEX * limits.maxVerticesTotal() + VALUES_SLACK;
    }

    /**
     * Parses a district file within the limits.
     *
     * @param in     the text (closed by the caller)
     * @param limits the limits
     * @return the tree: maps, lists, strings, doubles, booleans, null
     * @throws JsonException            on a syntax error
     * @throws InvalidDistrictException when the text goes beyond a limit
     */
    static @Nullable Object parse(Reader in, DistrictLimits limits) {
        return new BoundedJson(limits).run(in);
    }

    private @Nullable Object run(Reader in) {
        try (JsonParser p = factory.createParser(in)) {
            try {
                Object v = value(p, next(p));
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
                return v;
            } catch (StreamConstraintsException e) {
                throw tooLong(p);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                String m = e.getOriginalMessage();
                int marker = m.indexOf(" (start marker at");
                throw error(at, marker >= 0 ? m.substring(0, marker) : m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InvalidDistrictException tooLong(JsonParser p) throws IOException {
        JsonLocation at = p.currentLocation();
        String field = p.currentName();
        boolean isName = "name".equals(field);
        String which = field == null ? "a text" : "property '" + (field.length() <= 40 ? field : field.substring(0, 40) + "...") + "'";
        return new InvalidDistrictException("document", -1, String.format(Locale.ROOT,
                "%s at line %d, column %d is longer than %,d characters: over the limit of %,d characters (%s)",
                which, at.getLineNr(), at.getColumnNr(), limits.maxTextLength(),
                isName ? limits.maxNameLength() : limits.maxTextLength(),
                isName ? "DistrictLimits.maxNameLength" : "DistrictLimits.maxTextLength"));
    }

    private @Nullable Object value(JsonParser p, JsonToken t) throws IOException {
        if (++values > maxValues) {
            JsonLocation at = p.currentTokenLocation();
            throw new InvalidDistrictException("document", -1, String.format(Locale.ROOT, "more than %,d JSON values"
                    + " by line %d, column %d: over what a district of %,d vertices in all needs"
                    + " (DistrictLimits.maxVerticesTotal)", maxValues, at.getLineNr(), at.getColumnNr(),
                    limits.maxVerticesTotal()));
        }
        switch (t) {
            case START_OBJECT:
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
                return m;
            case START_ARRAY:
                List<Object> l = new ArrayList<>();
                boolean numbers = true;
                for (JsonToken e = next(p); e != JsonToken.END_ARRAY; e = next(p)) {
                    Object v = value(p, e);
                    numbers &= v instanceof Double;
                    l.add(v);
                }
                if (numbers && (l.size() == 2 || l.size() == 3) && ++positions > limits.maxVerticesTotal()) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new InvalidDistrictException("document", -1, String.format(Locale.ROOT, "more than %,d"
                            + " positions by line %d, column %d: over the limit of %,d vertices in all"
                            + " (DistrictLimits.maxVerticesTotal)", limits.maxVerticesTotal(), at.getLineNr(),
                            at.getColumnNr(), limits.maxVerticesTotal()));
                }
                return l;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Double.valueOf(p.getText());
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case VALUE_NULL:
                return null;
            default:
                throw error(p.currentTokenLocation(), "unexpected " + t);
        }
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw error(p.currentLocation(), "unexpected end of input");
        }
        return t;
    }

    private static JsonException error(JsonLocation at, String what) {
        return new JsonException("JSON syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": " + what);
    }
}

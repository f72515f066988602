package org.vigie.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a caller asks the trail to record: when, what kind of fact, and its flat fields (strings, whole numbers,
 * finite decimals, booleans), in the order given. The trail adds the sequence number and the previous record's hash.
 * Immutable; build one with {@link #of(Instant, String)} and the {@code with} methods, each returning a copy.
 *
 * @param at     when the fact happened (the caller's clock, UTC)
 * @param type   the kind of fact: 1 to 64 characters of {@code a-z 0-9 . _ -}, e.g. {@code dispatch.received}
 * @param fields the facts, in order; keys are 1 to 64 characters of {@code A-Z a-z 0-9 _}; values are
 *               {@link String}, {@link Long}, {@link Double} (finite) or {@link Boolean}
 */
public record AuditEntry(Instant at, String type, Map<String, Object> fields) {

    /** The most fields one entry may carry. */
    public static final int MAX_FIELDS = 256;

    private static final Pattern TYPE = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /**
     * Validates and freezes the fields.
     *
     * @throws IllegalArgumentException naming the bad type, key or value
     */
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fields, "fields");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("audit entry type must be 1..64 characters of a-z 0-9 . _ -, was '"
                    + abbreviate(type) + "'");
        }
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("audit entry '" + type + "' has " + fields.size()
                    + " fields; the limit is " + MAX_FIELDS);
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String k = Objects.requireNonNull(e.getKey(), "field key");
            if (!KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("audit field key must be 1..64 characters of A-Z a-z 0-9 _, was '"
                        + abbreviate(k) + "'");
            }
            copy.put(k, checkedValue(k, e.getValue()));
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /**
     * An entry without fields yet.
     *
     * @param at   when
     * @param type the kind of fact
     * @return the entry
     */
    public static AuditEntry of(Instant at, String type) {
        return new AuditEntry(at, type, Map.of());
    }

    /**
     * @param key   field name
     * @param value its text
     * @return a copy with the field added (or replaced, keeping its place)
     */
    public AuditEntry with(String key, String value) {
        return withValue(key, value);
    }

    /**
     * @param key   field name
     * @param value a whole number
     * @return a copy with the field added
     */
    public AuditEntry with(String key, long value) {
        return withValue(key, value);
    }

    /**
     * @param key   field name
     * @param value a finite number
     * @return a copy with the field added
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public AuditEntry with(String key, double value) {
        return withValue(key, value);
    }

    /**
     * @param key   field name
     * @param value a flag
     * @return a copy with the field added
     */
    public AuditEntry with(String key, boolean value) {
        return withValue(key, value);
    }

    private AuditEntry withValue(String key, Object value) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>(fields);
        m.put(key, value);
        return new AuditEntry(at, type, m);
    }

    private static Object checkedValue(String key, Object v) {
        Objects.requireNonNull(v, () -> "value of audit field " + key);
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float) {
            v = ((Float) v).doubleValue();
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("audit field " + key + " must be a finite number, was " + d);
            }
            return v;
        }
        if (v instanceof String || v instanceof Long || v instanceof Boolean) {
            return v;
        }
        throw new IllegalArgumentException("audit field " + key + " must be a String, whole number, finite number "
                + "or boolean, was " + v.getClass().getName());
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "... (" + s.length() + " characters)";
    }
}

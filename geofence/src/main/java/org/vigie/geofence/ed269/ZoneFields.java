package org.vigie.geofence.ed269;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON fields of one zone being read, and its errors: every {@link Ed269Exception} names the zone (position, then
 * identifier once read) and the field. Not thread-safe: one per zone read.
 */
final class ZoneFields {

    private String label;

    ZoneFields(int index) {
        this.label = "#" + index;
    }

    /** Names the zone by its identifier from now on. */
    void identified(int index, String identifier) {
        this.label = "#" + index + " '" + identifier + "'";
    }

    Ed269Exception fail(String field, String problem) {
        return new Ed269Exception(label, field, problem);
    }

    String text(Map<String, Object> m, String key, boolean required, int max, String path) {
        String field = path.isEmpty() ? key : path + "." + key;
        Object o = m.get(key);
        if (o == null) {
            if (required) {
                throw fail(field, "missing");
            }
            return "";
        }
        if (!(o instanceof String s)) {
            throw fail(field, "expected a string, got " + o);
        }
        String v = s.strip();
        if (required && v.isEmpty()) {
            throw fail(field, "is empty");
        }
        if (v.length() > max) {
            throw fail(field, "'" + v + "' is " + v.length() + " characters, more than " + max);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> obj(@Nullable Object o, String path) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw fail(path, "expected an object");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}

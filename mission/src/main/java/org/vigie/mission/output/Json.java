package org.vigie.mission.output;

import java.util.Locale;

/**
 * A minimal streaming JSON writer: objects, arrays, strings, numbers, booleans, null, with correct escaping and
 * non-finite numbers written as null. Not thread-safe; one instance per document.
 */
public final class Json {
    private final StringBuilder sb = new StringBuilder(4096);
    private final boolean[] firstAtDepth = new boolean[64];
    private int depth;
    private boolean afterKey;

    /** Creates an empty document. */
    public Json() {
        firstAtDepth[0] = true;
    }

    private void separator() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (!firstAtDepth[depth]) {
            sb.append(',');
        }
        firstAtDepth[depth] = false;
    }

    /** @return this, after opening an object */
    public Json beginObject() {
        separator();
        sb.append('{');
        firstAtDepth[++depth] = true;
        return this;
    }

    /** @return this, after closing the current object */
    public Json endObject() {
        depth--;
        sb.append('}');
        return this;
    }

    /** @return this, after opening an array */
    public Json beginArray() {
        separator();
        sb.append('[');
        firstAtDepth[++depth] = true;
        return this;
    }

    /** @return this, after closing the current array */
    public Json endArray() {
        depth--;
        sb.append(']');
        return this;
    }

    /** @param name member name @return this, ready for the member's value */
    public Json key(String name) {
        separator();
        string(name);
        sb.append(':');
        afterKey = true;
        return this;
    }

    /** @param v a string or null @return this */
    public Json value(String v) {
        separator();
        if (v == null) {
            sb.append("null");
        } else {
            string(v);
        }
        return this;
    }

    /** @param v a number; NaN and infinities are written as null @return this */
    public Json value(double v) {
        separator();
        if (!Double.isFinite(v)) {
            sb.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(String.format(Locale.ROOT, "%.7g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                    .replace(".e", "e").replaceAll("\\.$", ""));
        }
        return this;
    }

    /**
     * @param v      a number
     * @param digits digits after the decimal point
     * @return this
     */
    public Json value(double v, int digits) {
        separator();
        if (!Double.isFinite(v)) {
            sb.append("null");
        } else {
            sb.append(String.format(Locale.ROOT, "%." + digits + "f", v));
        }
        return this;
    }

    /** @param v an integer @return this */
    public Json value(long v) {
        separator();
        sb.append(v);
        return this;
    }

    /** @param v a boolean @return this */
    public Json value(boolean v) {
        separator();
        sb.append(v);
        return this;
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** @return the document so far */
    @Override
    public String toString() {
        return sb.toString();
    }
}

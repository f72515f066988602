package org.vigie.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trail's file format, version {@value #FORMAT}: JSON Lines, one record per line, UTF-8, each line ending with
 * one {@code \n} byte:
 *
 * <pre>{"seq":N,"prev":"&lt;64 hex&gt;","at":"&lt;ISO-8601 UTC&gt;","type":"&lt;kind&gt;","data":{&lt;flat fields&gt;}}\n</pre>
 *
 * The five keys appear in this order and no others; {@code seq} counts from 0 without gaps; {@code prev} is the
 * lower-case hex SHA-256 of the previous line's exact bytes, its {@code \n} included (64 zeros for the first line);
 * {@code data} holds strings, whole numbers, decimals and booleans. A line is at most {@value #MAX_RECORD_BYTES}
 * bytes. Stateless and thread-safe.
 */
public final class AuditFormat {

    /** The format name, written in the first record. */
    public static final String FORMAT = "vigie-audit/1";
    /** The {@code prev} of the first record: 64 zeros. */
    public static final String GENESIS_PREV = "0".repeat(64);
    /** The longest record, in bytes, line end included (1 MiB). */
    public static final int MAX_RECORD_BYTES = 1 << 20;
    /** Room kept for the header ({@code seq} and {@code prev}) a body is prefixed with. */
    static final int HEADER_MAX_BYTES = 110;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private AuditFormat() {
    }

    /**
     * The entry's part of a line: <code>"at":...,"type":...,"data":{...}}\n</code>, to be prefixed by
     * {@link #header(long, byte[])}.
     *
     * @param e the entry
     * @return its bytes
     * @throws IllegalArgumentException if the record would exceed {@link #MAX_RECORD_BYTES}
     */
    static byte[] body(AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("at", e.at().toString());
            g.writeStringField("type", e.type());
            g.writeObjectFieldStart("data");
            for (Map.Entry<String, Object> f : e.fields().entrySet()) {
                Object v = f.getValue();
                g.writeFieldName(f.getKey());
                if (v instanceof String s) {
                    g.writeString(s);
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Double d) {
                    g.writeNumber(d);
                } else {
                    g.writeBoolean((Boolean) v);
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        out.write('\n');
        byte[] whole = out.toByteArray();
        if (whole.length - 1 + HEADER_MAX_BYTES > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("audit entry '" + e.type() + "' encodes to " + whole.length
                    + " bytes; a record is at most " + MAX_RECORD_BYTES + " bytes");
        }
        byte[] body = new byte[whole.length - 1];
        System.arraycopy(whole, 1, body, 0, body.length);
        return body;
    }

    /**
     * @param seq  the record's sequence number
     * @param prev the previous record's SHA-256
     * @return the header bytes: <code>{"seq":N,"prev":"hex",</code>
     */
    static byte[] header(long seq, byte[] prev) {
        String h = "{\"seq\":" + seq + ",\"prev\":\"" + hex(prev) + "\",";
        return h.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses one line (without its {@code \n}).
     *
     * @param bytes  buffer
     * @param length bytes of the line in the buffer, from 0
     * @param line   1-based line number (for errors)
     * @param offset its byte offset (for errors)
     * @param sha256 the SHA-256 of the line's exact bytes, {@code \n} included
     * @return the record
     * @throws AuditFormatException naming what is wrong
     */
    static AuditRecord parse(byte[] bytes, int length, long line, long offset, byte[] sha256)
            throws AuditFormatException {
        try (JsonParser p = JSON.createParser(bytes, 0, length)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, line, offset, "not a JSON object");
            long seq = longField(p, "seq", line, offset);
            String prev = stringField(p, "prev", line, offset);
            expect(isHex64(prev), line, offset, "prev must be 64 lower-case hex digits, was '" + cut(prev) + "'");
            String atText = stringField(p, "at", line, offset);
            Instant at;
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                throw new AuditFormatException(line, offset, "at is not an ISO-8601 instant: '" + cut(atText) + "'");
            }
            String type = stringField(p, "type", line, offset);
            name(p, "data", line, offset);
            expect(p.nextToken() == JsonToken.START_OBJECT, line, offset, "data must be an object");
            Map<String, Object> fields = new LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                expect(t == JsonToken.FIELD_NAME, line, offset, "bad data object");
                String k = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    fields.put(k, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT) {
                    expect(p.getNumberType() == JsonParser.NumberType.INT
                            || p.getNumberType() == JsonParser.NumberType.LONG, line, offset,
                            "data." + k + " does not fit in 64 bits");
                    fields.put(k, p.getLongValue());
                } else if (v == JsonToken.VALUE_NUMBER_FLOAT) {
                    fields.put(k, p.getDoubleValue());
                } else if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                    fields.put(k, v == JsonToken.VALUE_TRUE);
                } else {
                    throw new AuditFormatException(line, offset, "data." + k + " must be a string, number or boolean");
                }
            }
            expect(p.nextToken() == JsonToken.END_OBJECT, line, offset, "unexpected key after data");
            expect(p.nextToken() == null, line, offset, "bytes after the record's closing brace");
            return new AuditRecord(line, offset, length + 1, seq, prev, hex(sha256), at, type, fields);
        } catch (AuditFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AuditFormatException(line, offset, "not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static long longField(JsonParser p, String key, long line, long offset) throws IOException {
        name(p, key, line, offset);
        expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT, line, offset, key + " must be a whole number");
        return p.getLongValue();
    }

    private static String stringField(JsonParser p, String key, long line, long offset) throws IOException {
        name(p, key, line, offset);
        expect(p.nextToken() == JsonToken.VALUE_STRING, line, offset, key + " must be a string");
        return p.getText();
    }

    private static void name(JsonParser p, String key, long line, long offset) throws IOException {
        JsonToken t = p.nextToken();
        expect(t == JsonToken.FIELD_NAME && key.equals(p.currentName()), line, offset,
                "expected key '" + key + "' here (keys are seq, prev, at, type, data in that order), found "
                        + (t == JsonToken.FIELD_NAME ? "'" + cut(String.valueOf(p.currentName())) + "'" : t));
    }

    private static void expect(boolean ok, long line, long offset, String detail) throws AuditFormatException {
        if (!ok) {
            throw new AuditFormatException(line, offset, detail);
        }
    }

    private static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(@org.jspecify.annotations.Nullable String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String cut(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** @return a new SHA-256 digest */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * @param b bytes
     * @return lower-case hex
     */
    public static String hex(byte[] b) {
        byte[] out = new byte[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * @param hex lower- or upper-case hex, even length
     * @return the bytes
     * @throws IllegalArgumentException if it is not hex
     */
    public static byte[] unhex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex text must have an even length, was " + hex.length());
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not hex at character " + (2 * i) + ": '" + cut(hex) + "'");
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }
}

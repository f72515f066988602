package org.vigie.link.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads src/test/resources/golden/frames.txt (see its header for the columns). */
public final class GoldenFrames {

    /** What the parser must do with a golden frame. */
    public enum Expect { OK, UNKNOWN, BAD_CRC }

    /**
     * One golden row.
     *
     * @param name row name
     * @param expect parser outcome
     * @param version 1 or 2
     * @param seq sequence
     * @param sysId system id
     * @param compId component id
     * @param msgId message id
     * @param linkId signature link id, -1 if unsigned
     * @param timestamp signature timestamp, -1 if unsigned
     * @param keyStart first byte of the key (0 or 32; key = keyStart..keyStart+31), -1 if unsigned
     * @param fields decoded field values by dronefleet accessor name
     * @param bytes the frame
     */
    public record Golden(String name, Expect expect, int version, int seq, int sysId, int compId, int msgId,
                         int linkId, long timestamp, int keyStart, Map<String, String> fields, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }

        /** @return the frame as hex */
        public String hex() {
            return HexFormat.of().formatHex(bytes);
        }

        /** @return the signing key of this row, or null */
        public byte[] key() {
            if (keyStart < 0) {
                return null;
            }
            byte[] k = new byte[32];
            for (int i = 0; i < 32; i++) {
                k[i] = (byte) (keyStart + i);
            }
            return k;
        }
    }

    private static List<Golden> cache;

    private GoldenFrames() {}

    /** @return every row, in file order */
    public static synchronized List<Golden> all() {
        if (cache == null) {
            cache = List.copyOf(load());
        }
        return cache;
    }

    /** @return the rows the parser must deliver (OK and UNKNOWN) */
    public static List<Golden> valid() {
        return all().stream().filter(g -> g.expect() != Expect.BAD_CRC).toList();
    }

    private static List<Golden> load() {
        try (InputStream in = GoldenFrames.class.getResourceAsStream("/golden/frames.txt")) {
            if (in == null) {
                throw new IllegalStateException("golden/frames.txt not on the test class path");
            }
            List<Golden> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split(" \\| ", -1);
                if (c.length != 10) {
                    throw new IllegalStateException("golden row has " + c.length + " columns: " + line);
                }
                int linkId = -1;
                long ts = -1;
                int keyStart = -1;
                String sig = c[7].trim();
                if (!sig.equals("-")) {
                    int at = sig.indexOf('@');
                    int slash = sig.indexOf("/k");
                    linkId = Integer.parseInt(sig.substring(0, at));
                    ts = Long.parseLong(sig.substring(at + 1, slash));
                    keyStart = Integer.parseInt(sig.substring(slash + 2));
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (String kv : c[8].trim().split(";")) {
                    if (!kv.isEmpty()) {
                        int eq = kv.indexOf('=');
                        fields.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
                rows.add(new Golden(c[0].trim(), Expect.valueOf(c[1].trim()), Integer.parseInt(c[2].trim()),
                        Integer.parseInt(c[3].trim()), Integer.parseInt(c[4].trim()), Integer.parseInt(c[5].trim()),
                        Integer.parseInt(c[6].trim()), linkId, ts, keyStart, Map.copyOf(fields),
                        HexFormat.of().parseHex(c[9].trim())));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

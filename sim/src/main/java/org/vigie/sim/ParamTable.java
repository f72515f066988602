package org.vigie.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A parameter table kept as data: a class-path resource with one parameter per line, {@code name<TAB>type<TAB>value}
 * (MAV_PARAM_TYPE, value as ArduPilot sends it), in the autopilot's index order; lines starting with {@code #} are
 * comments. {@link #ARDUCOPTER_4_7} is ArduCopter 4.7's whole table as SITL answered PARAM_REQUEST_LIST in
 * {@code testdata/captures/session6}. Stateless.
 */
final class ParamTable {

    /** ArduCopter V4.7.0-dev's 1,354 parameters (names, types, defaults), in its index order. */
    static final String ARDUCOPTER_4_7 = "arducopter-4.7-params.tsv";

    private ParamTable() {
    }

    /**
     * Defines every parameter of a table resource, in order, into {@code params}.
     *
     * @param params the table to fill (parameters already there keep their index and take the resource's value)
     * @param resource resource name, relative to this package
     * @throws IllegalStateException naming the resource and line if it is missing or malformed
     */
    static void defineAll(SimParams params, String resource) {
        try (InputStream in = ParamTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("parameter table " + resource + " is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(resource + " line " + n + ": expected name<TAB>type<TAB>value, was '"
                            + line + "'");
                }
                try {
                    params.define(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(resource + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parameter table " + resource, e);
        }
    }
}

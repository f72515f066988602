package org.vigie.centre.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * What the centre's JSON answers (the intake's and the console's) write the same way, on Jackson's streaming
 * generator: a document from a body, a position as {@code {"lat","lon"}} to 1e-7 degree, an instant as ISO-8601 text.
 * Stateless, thread-safe.
 */
public final class JsonOut {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOut() {
    }

    /** What writes one document's content. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param g the generator to write to
         * @throws IOException from the generator
         */
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * @param body what writes the document
     * @return the document's text
     */
    public static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Writes {@code name: {"lat": .., "lon": ..}} (degrees, rounded to 1e-7), or {@code name: null}.
     *
     * @param g    the generator
     * @param name the field name
     * @param p    the position, or null
     * @throws IOException from the generator
     */
    public static void point(JsonGenerator g, String name, @Nullable GeoPoint p) throws IOException {
        if (p == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("lat", Math.round(p.latDeg() * 1e7) / 1e7);
        g.writeNumberField("lon", Math.round(p.lonDeg() * 1e7) / 1e7);
        g.writeEndObject();
    }

    /**
     * Writes {@code name: "<ISO-8601>"}, or {@code name: null}.
     *
     * @param g    the generator
     * @param name the field name
     * @param t    the instant, or null
     * @throws IOException from the generator
     */
    public static void time(JsonGenerator g, String name, @Nullable Instant t) throws IOException {
        g.writeStringField(name, t == null ? null : t.toString());
    }
}

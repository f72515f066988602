package org.vigie.geofence.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Compact JSON except that each element of the root object's {@code "features"} array starts on a line of its own,
 * so a written district diffs line by line. One instance per generator; not thread-safe.
 */
final class OneFeaturePerLine extends MinimalPrettyPrinter {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (inFeatures(g)) {
            g.writeRaw('\n');
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        super.writeArrayValueSeparator(g);
        if (inFeatures(g)) {
            g.writeRaw('\n');
        }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        if (nrOfValues > 0 && inFeatures(g)) {
            g.writeRaw('\n');
        }
        super.writeEndArray(g, nrOfValues);
    }

    private static boolean inFeatures(JsonGenerator g) {
        JsonStreamContext array = g.getOutputContext();
        JsonStreamContext owner = array.getParent();
        return array.inArray() && owner != null && owner.getParent() != null && owner.getParent().inRoot()
                && "features".equals(owner.getCurrentName());
    }
}

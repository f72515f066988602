package org.vigie.geofence.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.InvalidDistrictException;

/**
 * GeoJSON (RFC 7946) geometry reading and writing (through Jackson's generator) for polygons and points, with per-vertex validation: positions are
 * {@code [longitude, latitude]} in that order, finite, in range (a latitude beyond 90 whose longitude would be a valid
 * latitude is reported as "latitude/longitude swapped?"), rings closed and with at least 4 positions. Errors are
 * {@link InvalidDistrictException}s naming the feature and vertex. Stateless and thread-safe.
 */
public final class GeoJsonGeometry {

    private GeoJsonGeometry() {
    }

    /**
     * Reads a GeoJSON Polygon geometry object (or a MultiPolygon holding exactly one polygon).
     *
     * @param geometry the parsed geometry object
     * @param feature  feature description for errors, e.g. {@code "feature #3 'Marais'"}
     * @return the polygon
     * @throws InvalidDistrictException on any problem
     */
    public static GeoPolygon polygon(@Nullable Object geometry, String feature) {
        var g = obj(geometry, feature);
        Object type = g.get("type");
        List<Object> coords;
        if ("Polygon".equals(type)) {
            coords = arr(g.get("coordinates"), feature, "coordinates");
        } else if ("MultiPolygon".equals(type)) {
            List<Object> polys = arr(g.get("coordinates"), feature, "coordinates");
            if (polys.size() != 1) {
                throw new InvalidDistrictException(feature, -1, "MultiPolygon with " + polys.size()
                        + " polygons; a district zone must be one polygon");
            }
            coords = arr(polys.get(0), feature, "coordinates[0]");
        } else {
            throw new InvalidDistrictException(feature, -1, "geometry type " + type + " is not a Polygon");
        }
        if (coords.isEmpty()) {
            throw new InvalidDistrictException(feature, -1, "polygon has no rings");
        }
        List<GeoPoint> shell = ring(coords.get(0), feature, "outer ring");
        List<List<GeoPoint>> holes = new ArrayList<>();
        for (int i = 1; i < coords.size(); i++) {
            holes.add(ring(coords.get(i), feature, "hole " + (i - 1)));
        }
        try {
            return new GeoPolygon(shell, holes);
        } catch (IllegalArgumentException e) {
            throw new InvalidDistrictException(feature, -1, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Reads a GeoJSON Point geometry object.
     *
     * @param geometry the parsed geometry object
     * @param feature  feature description for errors
     * @return the point (altitude 0)
     * @throws InvalidDistrictException on any problem
     */
    public static GeoPoint point(@Nullable Object geometry, String feature) {
        var g = obj(geometry, feature);
        if (!"Point".equals(g.get("type"))) {
            throw new InvalidDistrictException(feature, -1, "geometry type " + g.get("type") + " is not a Point");
        }
        return position(g.get("coordinates"), feature, -1, "point");
    }

    private static List<GeoPoint> ring(@Nullable Object o, String feature, String which) {
        List<Object> ps = arr(o, feature, which);
        List<GeoPoint> out = new ArrayList<>(ps.size());
        for (int i = 0; i < ps.size(); i++) {
            out.add(position(ps.get(i), feature, i, which));
        }
        if (out.size() < 4) {
            throw new InvalidDistrictException(feature, -1, which + " has " + out.size()
                    + " positions; a closed ring needs at least 4");
        }
        GeoPoint first = out.get(0);
        GeoPoint last = out.get(out.size() - 1);
        if (first.latDeg() != last.latDeg() || first.lonDeg() != last.lonDeg()) {
            throw new InvalidDistrictException(feature, out.size() - 1, which
                    + " is not closed: last vertex " + (out.size() - 1) + " differs from the first");
        }
        return out;
    }

    private static GeoPoint position(@Nullable Object o, String feature, int index, String which) {
        String where = index >= 0 ? which + " vertex " + index : which;
        if (!(o instanceof List<?> l) || l.size() < 2 || l.size() > 3) {
            throw new InvalidDistrictException(feature, index, where + " is not a [longitude, latitude] position");
        }
        if (!(l.get(0) instanceof Double lon) || !(l.get(1) instanceof Double lat)) {
            throw new InvalidDistrictException(feature, index, where + " has a non-numeric coordinate");
        }
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new InvalidDistrictException(feature, index, where + " has a non-finite coordinate");
        }
        if (lat < -90 || lat > 90) {
            String hint = Math.abs(lon) <= 90 ? " (latitude/longitude swapped? GeoJSON is [longitude, latitude])" : "";
            throw new InvalidDistrictException(feature, index, String.format(Locale.ROOT,
                    "%s latitude %s is out of range%s", where, lat, hint));
        }
        if (lon < -180 || lon > 180) {
            throw new InvalidDistrictException(feature, index, where + " longitude " + lon + " is out of range");
        }
        return GeoPoint.of(lat, lon);
    }

    /**
     * Writes a polygon geometry object: rings closed, shell counter-clockwise as given, positions
     * {@code [longitude, latitude]} with 9 decimals.
     *
     * @param g where to write, positioned where a value may go
     * @param p the polygon
     * @throws IOException from the generator's target
     */
    static void writePolygon(JsonGenerator g, GeoPolygon p) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Polygon");
        g.writeArrayFieldStart("coordinates");
        writeRing(g, p.shell());
        for (List<GeoPoint> h : p.holes()) {
            writeRing(g, h);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Writes a point geometry object.
     *
     * @param g where to write, positioned where a value may go
     * @param p the point
     * @throws IOException from the generator's target
     */
    static void writePoint(JsonGenerator g, GeoPoint p) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Point");
        g.writeFieldName("coordinates");
        writePosition(g, p);
        g.writeEndObject();
    }

    private static void writeRing(JsonGenerator g, List<GeoPoint> ring) throws IOException {
        g.writeStartArray();
        for (GeoPoint p : ring) {
            writePosition(g, p);
        }
        writePosition(g, ring.get(0));
        g.writeEndArray();
    }

    private static void writePosition(JsonGenerator g, GeoPoint p) throws IOException {
        g.writeStartArray();
        g.writeNumber(String.format(Locale.ROOT, "%.9f", p.lonDeg()));
        g.writeNumber(String.format(Locale.ROOT, "%.9f", p.latDeg()));
        g.writeEndArray();
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> obj(@Nullable Object o, String feature) {
        if (o instanceof java.util.Map) {
            return (java.util.Map<String, Object>) o;
        }
        throw new InvalidDistrictException(feature, -1, "geometry is missing or not an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> arr(@Nullable Object o, String feature, String what) {
        if (o instanceof List) {
            return (List<Object>) o;
        }
        throw new InvalidDistrictException(feature, -1, what + " is not an array");
    }
}

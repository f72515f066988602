package org.vigie.geofence.io;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * Well-known text for tests and debugging, in {@code x = longitude, y = latitude} order (as GeoJSON). Thread-safe
 * (a reader per call).
 */
public final class Wkt {

    private Wkt() {
    }

    /**
     * Parses a WKT POLYGON in longitude/latitude degrees.
     *
     * @param wkt e.g. {@code "POLYGON ((2.35 48.85, 2.36 48.85, 2.36 48.86, 2.35 48.85))"}
     * @return the polygon
     * @throws IllegalArgumentException if the text is not a valid WKT polygon or a coordinate is out of range
     */
    public static GeoPolygon polygon(String wkt) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad WKT: " + e.getMessage(), e);
        }
        if (!(g instanceof Polygon p)) {
            throw new IllegalArgumentException("WKT is a " + g.getGeometryType() + ", expected POLYGON");
        }
        List<List<GeoPoint>> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            holes.add(ring(p.getInteriorRingN(i)));
        }
        return new GeoPolygon(ring(p.getExteriorRing()), holes);
    }

    private static List<GeoPoint> ring(LinearRing r) {
        List<GeoPoint> out = new ArrayList<>();
        for (Coordinate c : r.getCoordinates()) {
            out.add(GeoPoint.of(c.y, c.x));
        }
        return out;
    }

    /**
     * Writes a polygon as WKT in longitude/latitude degrees.
     *
     * @param p the polygon
     * @return the WKT text
     */
    public static String write(GeoPolygon p) {
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        LinearRing shell = gf.createLinearRing(coords(p.shell()));
        LinearRing[] holes = new LinearRing[p.holes().size()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = gf.createLinearRing(coords(p.holes().get(i)));
        }
        return new WKTWriter().write(gf.createPolygon(shell, holes));
    }

    private static Coordinate[] coords(List<GeoPoint> ring) {
        Coordinate[] cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            cs[i] = new Coordinate(ring.get(i).lonDeg(), ring.get(i).latDeg());
        }
        cs[ring.size()] = new Coordinate(cs[0]);
        return cs;
    }
}

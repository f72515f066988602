package org.vigie.geofence.zone;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;

/**
 * Conversions from WGS84 rings to JTS geometries in a {@link LocalFrame} (x = east metres, y = north metres), and the
 * polygon that encloses a circle. Stateless and thread-safe.
 */
public final class EnuGeometry {

    /** The factory used for every ENU geometry (floating precision, SRID 0). */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel());

    /** Vertices used for a circle's enclosing polygon. */
    public static final int CIRCLE_SEGMENTS = 32;

    private EnuGeometry() {
    }

    /**
     * Converts a polygon.
     *
     * @param frame the local frame
     * @param p     the polygon
     * @return the ENU polygon (rings closed, orientation as given)
     */
    public static Polygon polygon(LocalFrame frame, GeoPolygon p) {
        LinearRing shell = ring(frame, p.shell());
        LinearRing[] holes = new LinearRing[p.holes().size()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(frame, p.holes().get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    /**
     * Converts an open ring of WGS84 points.
     *
     * @param frame the local frame
     * @param ring  the vertices, open
     * @return a closed JTS ring in ENU metres
     */
    public static LinearRing ring(LocalFrame frame, List<GeoPoint> ring) {
        Coordinate[] cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            EnuPoint e = frame.toLocal(ring.get(i).withAltitudeRelM(0.0));
            cs[i] = new Coordinate(e.eastM(), e.northM());
        }
        cs[ring.size()] = new Coordinate(cs[0]);
        return FACTORY.createLinearRing(cs);
    }

    /**
     * A regular polygon that contains the circle: its vertices lie at {@code radiusM / cos(pi / segments)}, so every
     * edge is tangent to the circle from outside.
     *
     * @param eastM    centre east, metres
     * @param northM   centre north, metres
     * @param radiusM  circle radius, metres, &gt; 0
     * @param segments number of vertices, &ge; 3
     * @return the enclosing polygon, counter-clockwise
     */
    public static Polygon enclosingPolygon(double eastM, double northM, double radiusM, int segments) {
        if (segments < 3 || !(radiusM > 0)) {
            throw new IllegalArgumentException("need segments >= 3 and radius > 0, got " + segments + ", " + radiusM);
        }
        double r = radiusM / Math.cos(Math.PI / segments) * (1 + 1e-9);
        Coordinate[] cs = new Coordinate[segments + 1];
        for (int i = 0; i < segments; i++) {
            double a = 2 * Math.PI * i / segments;
            cs[i] = new Coordinate(eastM + r * Math.cos(a), northM + r * Math.sin(a));
        }
        cs[segments] = new Coordinate(cs[0]);
        return FACTORY.createPolygon(cs);
    }
}

package org.vigie.geofence.ed269;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;

/**
 * Reads the airspace volumes of one ED-269 zone: limits in metres from {@code M} or {@code FT}, their references, and
 * the polygon or circle, checked (limits against each other and the sanity limits, positions in range, rings that do
 * not cross themselves). Not thread-safe: one per zone read.
 */
final class Ed269Geometry {

    private static final double FEET_M = 0.3048;

    private final ZoneFields fields;

    Ed269Geometry(ZoneFields fields) {
        this.fields = fields;
    }

    AirspaceVolume volume(@Nullable Object o, String path) {
        Map<String, Object> v = obj(o, path);
        String uom = text(v, "uomDimensions", true, 40, path);
        double unit;
        if (uom.equals("M")) {
            unit = 1.0;
        } else if (uom.equals("FT")) {
            unit = FEET_M;
        } else {
            throw fail(path + ".uomDimensions", "'" + uom + "' is not M or FT");
        }
        VerticalReference lowerRef = reference(v, "lowerVerticalReference", path);
        VerticalReference upperRef = reference(v, "upperVerticalReference", path);
        double lower = limit(v, "lowerLimit", path, unit, 0.0);
        double upper = limit(v, "upperLimit", path, unit, Double.POSITIVE_INFINITY);
        if (lowerRef == VerticalReference.AGL && lower < 0) {
            throw fail(path + ".lowerLimit", String.format(Locale.ROOT, "%.1f m below ground level", lower));
        }
        if (upperRef == VerticalReference.AGL && upper <= 0) {
            throw fail(path + ".upperLimit", String.format(Locale.ROOT,
                    "%.1f m AGL: a zone must reach above the ground", upper));
        }
        if (lowerRef == upperRef && upper <= lower) {
            throw fail(path + ".upperLimit", String.format(Locale.ROOT,
                    "%.1f m %s is not above the lower limit %.1f m %s", upper, upperRef, lower, lowerRef));
        }
        HorizontalProjection p = projection(v.get("horizontalProjection"), path + ".horizontalProjection", unit);
        return new AirspaceVolume(lower, lowerRef, upper, upperRef, p);
    }

    private VerticalReference reference(Map<String, Object> v, String key, String path) {
        String s = text(v, key, true, 40, path);
        try {
            return VerticalReference.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw fail(path + "." + key, "'" + s + "' is not AGL or AMSL");
        }
    }

    private double limit(Map<String, Object> v, String key, String path, double unit, double absent) {
        Object o = v.get(key);
        if (o == null) {
            return absent;
        }
        if (!(o instanceof Double d) || !Double.isFinite(d)) {
            throw fail(path + "." + key, "expected a number, got " + o);
        }
        double m = d * unit;
        if (Math.abs(m) > Ed269Reader.MAX_LIMIT_M) {
            throw fail(path + "." + key, String.format(Locale.ROOT, "%.0f m is beyond the %.0f m sanity limit",
                    m, Ed269Reader.MAX_LIMIT_M));
        }
        return m;
    }

    private HorizontalProjection projection(@Nullable Object o, String path, double unit) {
        Map<String, Object> p = obj(o, path);
        String type = text(p, "type", true, 40, path);
        if (type.equals("Circle")) {
            GeoPoint c = position(p.get("center"), path + ".center");
            Object r = p.get("radius");
            if (!(r instanceof Double d) || !Double.isFinite(d) || d <= 0) {
                throw fail(path + ".radius", "expected a number > 0, got " + r);
            }
            double m = d * unit;
            if (m > Ed269Reader.MAX_RADIUS_M) {
                throw fail(path + ".radius", String.format(Locale.ROOT, "%.0f m is beyond the %.0f m sanity limit",
                        m, Ed269Reader.MAX_RADIUS_M));
            }
            return new HorizontalProjection.Circle(c, m);
        }
        if (!type.equals("Polygon")) {
            throw fail(path + ".type", "'" + type + "' is not Polygon or Circle");
        }
        Object c = p.get("coordinates");
        if (!(c instanceof List<?> rings) || rings.isEmpty() || !(rings.get(0) instanceof List<?>)) {
            throw fail(path + ".coordinates", "expected [[[lon, lat], ...]] (a GeoJSON polygon)");
        }
        List<Object> shell = ZoneFields.list(rings.get(0));
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < shell.size(); i++) {
            GeoPoint q = position(shell.get(i), path + ".coordinates[0][" + i + "]");
            if (ring.isEmpty() || !same(ring.get(ring.size() - 1), q)) {
                ring.add(q);
            }
        }
        while (ring.size() > 1 && same(ring.get(0), ring.get(ring.size() - 1))) {
            ring.remove(ring.size() - 1);
        }
        if (ring.size() < 3) {
            throw fail(path + ".coordinates[0]", "has " + ring.size()
                    + " distinct positions; a polygon needs at least 3");
        }
        checkSimple(ring, path + ".coordinates[0]");
        return new HorizontalProjection.Polygon(ring);
    }

    private void checkSimple(List<GeoPoint> ring, String path) {
        LocalFrame frame = new LocalFrame(ring.get(0));
        Coordinate[] cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            EnuPoint e = frame.toLocal(ring.get(i));
            cs[i] = new Coordinate(e.eastM(), e.northM());
        }
        cs[ring.size()] = cs[0];
        IsSimpleOp op = new IsSimpleOp(new GeometryFactory().createLinearRing(cs));
        if (!op.isSimple()) {
            Coordinate at = op.getNonSimpleLocation();
            throw fail(path, "the ring crosses itself" + (at == null ? "" : String.format(Locale.ROOT,
                    " near %s", frame.toGeo(at.x, at.y, 0).latLonText())));
        }
    }

    private GeoPoint position(@Nullable Object o, String path) {
        if (!(o instanceof List<?> l) || l.size() < 2 || l.size() > 3 || !(l.get(0) instanceof Double lon)
                || !(l.get(1) instanceof Double lat)) {
            throw fail(path, "expected a position [lon, lat], got " + o);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw fail(path, "longitude " + lon + " is outside [-180, 180]");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw fail(path, "latitude " + lat + " is outside [-90, 90] (positions are [lon, lat])");
        }
        return GeoPoint.of(lat, lon);
    }

    private Ed269Exception fail(String field, String problem) {
        return fields.fail(field, problem);
    }

    private String text(Map<String, Object> m, String key, boolean required, int max, String path) {
        return fields.text(m, key, required, max, path);
    }

    private Map<String, Object> obj(@Nullable Object o, String path) {
        return fields.obj(o, path);
    }

    private static boolean same(GeoPoint a, GeoPoint b) {
        return a.latDeg() == b.latDeg() && a.lonDeg() == b.lonDeg();
    }
}

package org.vigie.geofence;

import java.util.ArrayList;
import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.GeoPolygon;

/** Helpers that build test geometry from ENU metres around a fixed home in Paris. */
public final class TestDistricts {

    public static final GeoPoint HOME = GeoPoint.of(48.8566, 2.3522);
    public static final LocalFrame FRAME = new LocalFrame(HOME);

    private TestDistricts() {
    }

    public static GeoPoint enu(double e, double n) {
        return FRAME.toGeo(e, n, 0);
    }

    /** A ring from alternating east, north coordinates. */
    public static List<GeoPoint> ring(double... en) {
        List<GeoPoint> out = new ArrayList<>();
        for (int i = 0; i < en.length; i += 2) {
            out.add(enu(en[i], en[i + 1]));
        }
        return out;
    }

    public static GeoPolygon square(double half) {
        return GeoPolygon.of(ring(-half, -half, half, -half, half, half, -half, half));
    }
}

package org.vigie.bench.mission;

import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.GeoPolygon;

/** Small synthetic districts for benchmarks (no data file needed). */
final class BenchDistricts {

    private BenchDistricts() {
    }

    /** A 600 m x 600 m square centred on 48.8566, 2.3522 (Paris, Hôtel de Ville), home at its centre. */
    static District square() {
        GeoPoint home = new GeoPoint(48.8566, 2.3522, 0);
        LocalFrame f = new LocalFrame(home);
        List<GeoPoint> ring = List.of(f.toGeo(-300, -300, 0), f.toGeo(300, -300, 0), f.toGeo(300, 300, 0),
                f.toGeo(-300, 300, 0));
        return District.builder("bench square").home(home).inclusion(GeoPolygon.of(ring)).build();
    }
}

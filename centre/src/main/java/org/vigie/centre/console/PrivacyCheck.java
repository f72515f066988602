package org.vigie.centre.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PrivacyZone;

/**
 * Whether a camera footprint covers a privacy zone of its drone's district (planar test on longitude/latitude, which
 * is exact enough at a district's scale for "do they overlap"). Immutable after construction, thread-safe.
 */
final class PrivacyCheck {

    private record Zone(String name, Polygon shape) {
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final Map<String, List<Zone>> byDistrict = new HashMap<>();

    PrivacyCheck(List<District> districts) {
        for (District d : districts) {
            List<Zone> zones = new ArrayList<>();
            for (PrivacyZone z : d.privacyZones()) {
                zones.add(new Zone(z.name(), polygon(z.ring())));
            }
            byDistrict.put(d.name(), List.copyOf(zones));
        }
    }

    /**
     * @param district the drone's district
     * @param f        its footprint
     * @return the name of a privacy zone the footprint overlaps, or empty
     */
    Optional<String> flagged(String district, CameraFootprint f) {
        Polygon p = polygon(f.corners());
        for (Zone z : byDistrict.getOrDefault(district, List.of())) {
            if (z.shape().intersects(p)) {
                return Optional.of(z.name());
            }
        }
        return Optional.empty();
    }

    private static Polygon polygon(List<GeoPoint> ring) {
        Coordinate[] c = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            c[i] = new Coordinate(ring.get(i).lonDeg(), ring.get(i).latDeg());
        }
        c[ring.size()] = c[0];
        if (ring.get(0).equals(ring.get(ring.size() - 1))) {
            c = java.util.Arrays.copyOf(c, ring.size());
        }
        return GEOMETRY.createPolygon(c);
    }
}

package org.vigie.examples;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;

/**
 * Recognises latitude and longitude given the wrong way round, the commonest newcomer's mistake with coordinates:
 * a target written {@code lon,lat}, or a district file whose positions are {@code [lat, lon]} instead of GeoJSON's
 * {@code [lon, lat]} (the district then lies thousands of kilometres away and every target is "outside" it).
 * Stateless.
 */
final class SwapHint {

    private SwapHint() {
    }

    /**
     * @param d      the district
     * @param latDeg the target's latitude as given
     * @param lonDeg the target's longitude as given
     * @return a sentence when the target is outside the district but swapping its coordinates (or, which is the same
     *     test, the district's) puts it inside; empty otherwise (the flight's own refusal then says how far outside it is)
     */
    static Optional<String> of(District d, double latDeg, double lonDeg) {
        List<GeoPoint> shell = d.inclusion().shell();
        if (inside(shell, latDeg, lonDeg)) {
            return Optional.empty();
        }
        // swapping the target or swapping the whole district are the same test: say both
        if (Math.abs(lonDeg) <= 90 && inside(shell, lonDeg, latDeg)) {
            GeoPoint first = shell.get(0);
            return Optional.of(String.format(Locale.ROOT, "it lies outside district '%s' (whose boundary starts at"
                    + " latitude %s, longitude %s), but read the other way round it is inside: latitude and longitude"
                    + " are swapped either in the target (give latitude first: %s,%s) or in the district file"
                    + " (GeoJSON positions are [longitude, latitude], e.g. [2.3654, 48.8556] in Paris)", d.name(),
                    first.latDeg(), first.lonDeg(), lonDeg, latDeg));
        }
        return Optional.empty();
    }

    /** Ray casting in degrees (fine at district scale). */
    private static boolean inside(List<GeoPoint> ring, double lat, double lon) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double yi = ring.get(i).latDeg();
            double xi = ring.get(i).lonDeg();
            double yj = ring.get(j).latDeg();
            double xj = ring.get(j).lonDeg();
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}

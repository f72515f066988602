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
     * @return a sentence when the target is outside the district but one of the two swaps puts it inside; empty
     *     otherwise (the flight's own refusal then says how far outside it is)
     */
    static Optional<String> of(District d, double latDeg, double lonDeg) {
        List<GeoPoint> shell = d.inclusion().shell();
        if (inside(shell, latDeg, lonDeg, false)) {
            return Optional.empty();
        }
        if (Math.abs(lonDeg) <= 90 && inside(shell, lonDeg, latDeg, false)) {
            return Optional.of(String.format(Locale.ROOT, "it lies outside district '%s', but %s,%s would be inside:"
                    + " latitude and longitude look swapped (give latitude first: %s,%s)", d.name(), lonDeg, latDeg,
                    lonDeg, latDeg));
        }
        if (inside(shell, latDeg, lonDeg, true)) {
            GeoPoint first = shell.get(0);
            return Optional.of(String.format(Locale.ROOT, "it lies outside district '%s', whose boundary starts at"
                    + " latitude %s, longitude %s; read the other way round, the district holds the target: the"
                    + " district file has latitude and longitude swapped (GeoJSON positions are [longitude, latitude],"
                    + " e.g. [2.3654, 48.8556] for Paris)", d.name(), first.latDeg(), first.lonDeg()));
        }
        return Optional.empty();
    }

    /** Ray casting in degrees (fine at district scale); {@code swapped} reads each vertex as (lon, lat). */
    private static boolean inside(List<GeoPoint> ring, double lat, double lon, boolean swapped) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double yi = swapped ? ring.get(i).lonDeg() : ring.get(i).latDeg();
            double xi = swapped ? ring.get(i).latDeg() : ring.get(i).lonDeg();
            double yj = swapped ? ring.get(j).lonDeg() : ring.get(j).latDeg();
            double xj = swapped ? ring.get(j).latDeg() : ring.get(j).lonDeg();
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}

package org.vigie.geofence.zone;

import java.util.ArrayList;
import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * A polygon in WGS84: an outer ring (shell) and zero or more holes. Rings are stored open (the first vertex is not
 * repeated at the end); a closed ring passed in is opened, and consecutive duplicate vertices are dropped. Altitudes
 * of the vertices are ignored.
 *
 * <p>Immutable. Only the vertex count is checked here (at least 3 distinct vertices per ring); simplicity and the other
 * geometric rules are checked by {@link District.Builder#build()}, which names the offending vertex.
 *
 * @param shell the outer ring
 * @param holes the holes, each an open ring
 */
public record GeoPolygon(List<GeoPoint> shell, List<List<GeoPoint>> holes) {

    /** Normalises the rings; throws {@link IllegalArgumentException} for a ring with fewer than 3 distinct vertices. */
    public GeoPolygon {
        shell = openRing(shell, "shell");
        List<List<GeoPoint>> hs = new ArrayList<>();
        if (holes != null) {
            for (int i = 0; i < holes.size(); i++) {
                hs.add(openRing(holes.get(i), "hole " + i));
            }
        }
        holes = List.copyOf(hs);
    }

    /**
     * A polygon without holes.
     *
     * @param shell the outer ring, open or closed
     * @return the polygon
     */
    public static GeoPolygon of(List<GeoPoint> shell) {
        return new GeoPolygon(shell, List.of());
    }

    /** @return number of vertices of all rings (open) */
    public int vertexCount() {
        int n = shell.size();
        for (List<GeoPoint> h : holes) {
            n += h.size();
        }
        return n;
    }

    static List<GeoPoint> openRing(List<GeoPoint> ring, String what) {
        if (ring == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        List<GeoPoint> out = new ArrayList<>(ring.size());
        for (GeoPoint p : ring) {
            if (p == null) {
                throw new IllegalArgumentException(what + " has a null vertex");
            }
            if (out.isEmpty() || !sameLatLon(out.get(out.size() - 1), p)) {
                out.add(p);
            }
        }
        while (out.size() > 1 && sameLatLon(out.get(0), out.get(out.size() - 1))) {
            out.remove(out.size() - 1);
        }
        if (out.size() < 3) {
            throw new IllegalArgumentException(what + " has " + out.size() + " distinct vertices; a ring needs at least 3");
        }
        return List.copyOf(out);
    }

    private static boolean sameLatLon(GeoPoint a, GeoPoint b) {
        return a.latDeg() == b.latDeg() && a.lonDeg() == b.lonDeg();
    }
}

package org.vigie.mission.klv.privacy;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PrivacyZone;

/**
 * A named privacy zone: a polygon in WGS84 longitude/latitude degrees (JTS x = longitude, y = latitude). Immutable
 * (the polygon must not be modified after construction).
 *
 * @param name zone name, shown to the dispatcher and in events
 * @param lonLat the polygon, x longitude and y latitude in degrees, valid and non-empty
 */
public record PrivacyPolygon(String name, Polygon lonLat) {

    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * Validates the zone.
     *
     * @throws IllegalArgumentException if the name is blank or the polygon is null, empty or invalid
     */
    public PrivacyPolygon {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("privacy zone name is blank");
        }
        if (lonLat == null || lonLat.isEmpty() || !lonLat.isValid()) {
            throw new IllegalArgumentException("privacy zone '" + name + "' polygon is missing, empty or invalid");
        }
    }

    /**
     * From a ring of {latitude, longitude} pairs in degrees (closed or open).
     *
     * @param name zone name
     * @param latLon vertices as {latDeg, lonDeg}, at least 3
     * @return the zone
     * @throws IllegalArgumentException if fewer than 3 vertices or the ring is invalid
     */
    public static PrivacyPolygon ofLatLon(String name, List<double[]> latLon) {
        if (latLon == null || latLon.size() < 3) {
            throw new IllegalArgumentException("privacy zone '" + name + "' needs at least 3 vertices");
        }
        int n = latLon.size();
        boolean closed = latLon.get(0)[0] == latLon.get(n - 1)[0] && latLon.get(0)[1] == latLon.get(n - 1)[1];
        Coordinate[] ring = new Coordinate[closed ? n : n + 1];
        for (int i = 0; i < n; i++) {
            ring[i] = new Coordinate(latLon.get(i)[1], latLon.get(i)[0]);
        }
        if (!closed) {
            ring[n] = ring[0];
        }
        return new PrivacyPolygon(name, GF.createPolygon(ring));
    }

    /**
     * From a district's privacy zone (geofence module).
     *
     * @param zone the zone
     * @return the polygon
     * @throws IllegalArgumentException if the zone's ring is not a valid polygon
     */
    public static PrivacyPolygon of(PrivacyZone zone) {
        List<double[]> ring = new java.util.ArrayList<>(zone.ring().size());
        for (GeoPoint p : zone.ring()) {
            ring.add(new double[] {p.latDeg(), p.lonDeg()});
        }
        return ofLatLon(zone.name(), ring);
    }

    /**
     * Every privacy zone of a district.
     *
     * @param district the district
     * @return its zones as polygons, in the district's order
     */
    public static List<PrivacyPolygon> of(District district) {
        return district.privacyZones().stream().map(PrivacyPolygon::of).toList();
    }

    /**
     * From a polygon in local east/north metres (JTS x = east, y = north) of a frame, e.g. the district's home frame.
     * Only the exterior ring is used.
     *
     * @param name zone name
     * @param enuMetres the polygon in metres
     * @param frame the local frame the metres are relative to
     * @return the zone in longitude/latitude
     * @throws IllegalArgumentException if an argument is null or the result is not a valid polygon
     */
    public static PrivacyPolygon ofLocal(String name, Polygon enuMetres, LocalFrame frame) {
        if (enuMetres == null || frame == null) {
            throw new IllegalArgumentException("privacy zone '" + name + "' needs a polygon and a frame");
        }
        Coordinate[] src = enuMetres.getExteriorRing().getCoordinates();
        Coordinate[] dst = new Coordinate[src.length];
        for (int i = 0; i < src.length; i++) {
            GeoPoint g = frame.toGeo(src[i].x, src[i].y, 0);
            dst[i] = new Coordinate(g.lonDeg(), g.latDeg());
        }
        if (dst.length < 4) {
            throw new IllegalArgumentException("privacy zone '" + name + "' needs at least 3 vertices");
        }
        return new PrivacyPolygon(name, GF.createPolygon(dst));
    }
}

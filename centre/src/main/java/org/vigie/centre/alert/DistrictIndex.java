package org.vigie.centre.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * Finds the district that contains a point, over every district of the city: a JTS {@link STRtree} of the districts'
 * envelopes (longitude, latitude degrees) narrows the candidates, a prepared polygon decides. Where districts overlap
 * (they should not), the first registered wins. Immutable after construction and thread-safe.
 */
public final class DistrictIndex {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private record Entry(int order, District district, PreparedGeometry area) {
    }

    private final STRtree tree = new STRtree();
    private final Map<String, District> byName = new HashMap<>();
    private final List<District> districts;

    /**
     * Builds the index.
     *
     * @param districts the city's districts, names unique
     * @throws IllegalArgumentException if a name repeats or the list is empty
     */
    public DistrictIndex(List<District> districts) {
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("no districts: the index needs at least one");
        }
        this.districts = List.copyOf(districts);
        int order = 0;
        for (District d : this.districts) {
            if (byName.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("district name '" + d.name() + "' appears twice");
            }
            Polygon p = lonLat(d.inclusion());
            tree.insert(p.getEnvelopeInternal(), new Entry(order++, d, PreparedGeometryFactory.prepare(p)));
        }
        tree.build();
    }

    /**
     * The district containing a point.
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @return the district, or empty when the point is outside every district
     */
    public Optional<District> locate(double latDeg, double lonDeg) {
        Point pt = GEOMETRY.createPoint(new Coordinate(lonDeg, latDeg));
        Entry best = null;
        for (Object o : tree.query(pt.getEnvelopeInternal())) {
            Entry e = (Entry) o;
            if ((best == null || e.order < best.order) && e.area.contains(pt)) {
                best = e;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.district);
    }

    /** @param p a point @return the district containing it, or empty */
    public Optional<District> locate(GeoPoint p) {
        return locate(p.latDeg(), p.lonDeg());
    }

    /** @param name a district name @return the district, or empty */
    public Optional<District> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return every district, in registration order */
    public List<District> districts() {
        return districts;
    }

    private static Polygon lonLat(GeoPolygon g) {
        List<LinearRing> holes = new ArrayList<>();
        for (List<GeoPoint> h : g.holes()) {
            holes.add(ring(h));
        }
        return GEOMETRY.createPolygon(ring(g.shell()), holes.toArray(new LinearRing[0]));
    }

    private static LinearRing ring(List<GeoPoint> pts) {
        List<Coordinate> cs = new ArrayList<>();
        for (GeoPoint p : pts) {
            cs.add(new Coordinate(p.lonDeg(), p.latDeg()));
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return GEOMETRY.createLinearRing(cs.toArray(new Coordinate[0]));
    }
}

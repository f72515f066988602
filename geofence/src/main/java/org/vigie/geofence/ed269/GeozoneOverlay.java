package org.vigie.geofence.ed269;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.InvalidDistrictException;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * Applies ED-269 zones to a district for one flight window. A zone counts when the {@link ZonePolicy} says it
 * restricts the operator, it applies at some instant of the window ({@link Applicability#activeDuring}), one of its
 * volumes overlaps the district's altitude band (floor to ceiling above home) and its horizontal projection meets the
 * district's inclusion polygon. Each such volume becomes:
 * <ul>
 *   <li>a lower ceiling for the whole district when its lower limit leaves room under it for the transit and
 *       on-scene altitudes with the vertical margin (conservative: the district flies under it everywhere);</li>
 *   <li>otherwise an exclusion zone named {@code ED-269 <identifier>}, its reason naming the zone, so the planner's
 *       refusals and routes name it: a circle stays a circle; a polygon (or a circle whose centre is far away) is
 *       clipped to the district's surroundings, which is exact inside the district.</li>
 * </ul>
 * A zone that covers the home, or leaves the district invalid, blocks the flight with a sentence naming it.
 *
 * <p>Immutable and thread-safe; pure (no clock: the window is given).
 */
public final class GeozoneOverlay {

    /** Distance kept around the district when clipping a large zone, metres (beyond every planner margin). */
    static final double CLIP_MARGIN_M = 500.0;
    private static final int CIRCLE_SEGMENTS = 64;

    private final List<UasZone> zones;
    private final ZonePolicy policy;

    /**
     * @param zones  the zones, as {@link Ed269Reader} read them
     * @param policy the operator's policy
     */
    public GeozoneOverlay(List<UasZone> zones, ZonePolicy policy) {
        this.zones = List.copyOf(zones);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the zones, in file order */
    public List<UasZone> zones() {
        return zones;
    }

    /** @return the policy */
    public ZonePolicy policy() {
        return policy;
    }

    /**
     * The district to fly in during {@code [from, to]}.
     *
     * @param district the district
     * @param from     the window start (the dispatch)
     * @param to       the window end (the latest expected landing), not before {@code from}
     * @return the district to fly in, or why no flight is possible, naming the zone
     */
    public ZoneOutcome apply(District district, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window end " + to + " is before its start " + from);
        }
        LocalFrame frame = district.geofence().frame();
        Polygon inclusion = district.geofence().inclusionEnu();
        double floor = district.floorRelM();
        double ceiling = district.ceilingRelM();
        double vm = district.verticalMarginM();
        double needed = Math.max(district.transitAltitudeRelM(), district.onSceneAltitudeRelM()) + vm;
        List<ZoneOutcome.AppliedZone> applied = new ArrayList<>();
        Map<String, UasZone> exclusionOwners = new LinkedHashMap<>();
        List<ExclusionZone> exclusions = new ArrayList<>();
        UasZone ceilingOwner = null;
        for (UasZone z : zones) {
            if (!policy.restricts(z) || !z.applicability().activeDuring(from, to)) {
                continue;
            }
            for (int v = 0; v < z.volumes().size(); v++) {
                AirspaceVolume vol = z.volumes().get(v);
                double lo = vol.lowerRelM(policy.homeAmslM());
                double hi = vol.upperRelM(policy.homeAmslM());
                if (hi <= floor || lo >= ceiling) {
                    continue;
                }
                Polygon enu = enu(frame, vol.projection());
                if (!enu.intersects(inclusion)) {
                    continue;
                }
                if (lo > floor + 2 * vm && lo >= needed) {
                    ceiling = lo;
                    ceilingOwner = z;
                    applied.add(new ZoneOutcome.AppliedZone(z, ZoneOutcome.Effect.CEILING, String.format(Locale.ROOT,
                            "ceiling lowered to %.1f m above home under zone %s (%s from %.1f m)", lo, z.label(),
                            z.restriction(), lo)));
                    continue;
                }
                if (enu.covers(enu.getFactory().createPoint(new Coordinate(0, 0)))) {
                    return new ZoneOutcome.Blocked(z, String.format(Locale.ROOT,
                            "ED-269 zone %s (%s%s) covers the home %s of district '%s' from %.0f m to %s above home",
                            z.label(), z.restriction(), z.message().isEmpty() ? "" : ": " + z.message(),
                            district.home().latLonText(), district.name(), Math.max(lo, 0),
                            Double.isInfinite(hi) ? "unlimited" : String.format(Locale.ROOT, "%.0f m", hi)));
                }
                int before = exclusions.size();
                addExclusions(z, v, vol.projection(), enu, inclusion, frame, district, exclusions);
                for (int k = before; k < exclusions.size(); k++) {
                    exclusionOwners.put(exclusions.get(k).name(), z);
                }
                applied.add(new ZoneOutcome.AppliedZone(z, ZoneOutcome.Effect.EXCLUSION, String.format(Locale.ROOT,
                        "zone %s (%s) excluded from %.0f m to %s above home", z.label(), z.restriction(),
                        Math.max(lo, 0), Double.isInfinite(hi) ? "unlimited" : String.format(Locale.ROOT, "%.0f m",
                                hi))));
            }
        }
        if (applied.isEmpty()) {
            return new ZoneOutcome.Cleared(district, List.of());
        }
        District.Builder b = district.toBuilder().ceilingRelM(ceiling);
        exclusions.forEach(b::exclusion);
        try {
            return new ZoneOutcome.Cleared(b.build(), applied);
        } catch (InvalidDistrictException e) {
            UasZone owner = ceilingOwner;
            for (Map.Entry<String, UasZone> en : exclusionOwners.entrySet()) {
                if (e.feature().contains("'" + en.getKey() + "'")) {
                    owner = en.getValue();
                }
            }
            UasZone blame = owner != null ? owner : applied.get(0).zone();
            return new ZoneOutcome.Blocked(blame, "ED-269 zone " + blame.label() + " leaves district '"
                    + district.name() + "' unflyable: " + e.getMessage());
        }
    }

    private static Polygon enu(LocalFrame frame, HorizontalProjection p) {
        if (p instanceof HorizontalProjection.Circle c) {
            EnuPoint e = frame.toLocal(c.centre());
            return EnuGeometry.enclosingPolygon(e.eastM(), e.northM(), c.radiusM(), CIRCLE_SEGMENTS);
        }
        List<GeoPoint> ring = ((HorizontalProjection.Polygon) p).ring();
        Coordinate[] cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            EnuPoint e = frame.toLocal(ring.get(i));
            cs[i] = new Coordinate(e.eastM(), e.northM());
        }
        cs[ring.size()] = cs[0];
        return EnuGeometry.FACTORY.createPolygon(cs);
    }

    private static void addExclusions(UasZone z, int volume, HorizontalProjection p, Polygon enu, Polygon inclusion,
                                      LocalFrame frame, District district, List<ExclusionZone> out) {
        String base = "ED-269 " + z.identifier() + (volume == 0 ? "" : " v" + volume);
        String reason = z.restriction() + (z.name().isEmpty() ? "" : " " + z.name())
                + (z.message().isEmpty() ? "" : ": " + z.message());
        if (p instanceof HorizontalProjection.Circle c
                && Geodesy.distanceM(district.home(), c.centre()) <= district.maxExtentM()) {
            out.add(new CircleExclusion(base, reason, c.centre(), c.radiusM()));
            return;
        }
        Envelope box = inclusion.getEnvelopeInternal();
        box.expandBy(CLIP_MARGIN_M + district.horizontalMarginM());
        Geometry clipped = enu.intersection(EnuGeometry.FACTORY.toGeometry(box));
        int k = 0;
        for (int i = 0; i < clipped.getNumGeometries(); i++) {
            if (!(clipped.getGeometryN(i) instanceof Polygon part) || part.isEmpty() || part.getArea() < 1.0) {
                continue;
            }
            LinearRing shell = part.getExteriorRing();
            List<GeoPoint> ring = new ArrayList<>();
            for (int j = 0; j < shell.getNumPoints() - 1; j++) {
                Coordinate c = shell.getCoordinateN(j);
                ring.add(frame.toGeo(c.x, c.y, 0).withAltitudeRelM(0));
            }
            out.add(new PolygonExclusion(k == 0 ? base : base + " part " + (k + 1), reason, ring));
            k++;
        }
    }
}

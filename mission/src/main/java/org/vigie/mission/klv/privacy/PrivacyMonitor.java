package org.vigie.mission.klv.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.mission.camera.CameraGeometry;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.Footprint;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.GroundPoint;
import org.vigie.mission.camera.VehiclePose;

/**
 * Decides, for each footprint, whether the camera can see a privacy zone, and tracks entered/left transitions.
 *
 * <p>Conservative by construction: the tested region is the convex hull of the footprint's outline (image-border rays
 * on the ground, rays that miss pushed beyond the geometry's maximum range), and zones are enlarged by the policy
 * margin, in local metres around the zones' centre. A footprint with any doubt is flagged.
 *
 * <p>Threading: {@link #overlappingZones(Footprint)} is thread-safe; {@link #update} keeps the entered/left state and
 * must be called from one thread (the metadata streamer's event thread).
 */
public final class PrivacyMonitor {

    private static final GeometryFactory GF = new GeometryFactory();

    private final List<String> names = new ArrayList<>();
    private final List<PreparedGeometry> zonesLocal = new ArrayList<>();
    private final @Nullable LocalFrame tangent;
    private final PrivacyPolicy policy;
    private final Set<String> inside = new LinkedHashSet<>();

    /**
     * Creates a monitor.
     *
     * @param zones the privacy zones (may be empty: nothing is ever flagged)
     * @param policy margin and steering policy
     * @throws IllegalArgumentException if zones or policy is null, or names repeat
     */
    public PrivacyMonitor(List<PrivacyPolygon> zones, PrivacyPolicy policy) {
        if (zones == null || policy == null) {
            throw new IllegalArgumentException("zones and policy are required");
        }
        this.policy = policy;
        if (zones.isEmpty()) {
            tangent = null;
            return;
        }
        Coordinate c = GF.buildGeometry(zones.stream().map(PrivacyPolygon::lonLat).toList()).getCentroid()
                .getCoordinate();
        tangent = new LocalFrame(GeoPoint.of(c.y, c.x));
        for (PrivacyPolygon z : zones) {
            if (names.contains(z.name())) {
                throw new IllegalArgumentException("privacy zone name '" + z.name() + "' is used twice");
            }
            Coordinate[] src = z.lonLat().getExteriorRing().getCoordinates();
            Coordinate[] local = new Coordinate[src.length];
            for (int i = 0; i < src.length; i++) {
                EnuPoint e = tangent.toLocal(GeoPoint.of(src[i].y, src[i].x));
                local[i] = new Coordinate(e.eastM(), e.northM());
            }
            Geometry g = GF.createPolygon(local);
            if (policy.marginM() > 0) {
                g = g.buffer(policy.marginM(), 8);
            }
            names.add(z.name());
            zonesLocal.add(PreparedGeometryFactory.prepare(g));
        }
    }

    /** @return the policy */
    public PrivacyPolicy policy() {
        return policy;
    }

    /**
     * Names of the zones the footprint may show.
     *
     * @param footprint the footprint
     * @return zone names, empty if none
     */
    public List<String> overlappingZones(Footprint footprint) {
        if (zonesLocal.isEmpty() || footprint.outline().isEmpty()) {
            return List.of();
        }
        Geometry region = region(footprint);
        List<String> hit = new ArrayList<>(2);
        for (int i = 0; i < zonesLocal.size(); i++) {
            if (zonesLocal.get(i).intersects(region)) {
                hit.add(names.get(i));
            }
        }
        return hit;
    }

    /**
     * Evaluates a footprint, reports transitions, and (if the policy asks) searches a clear gimbal attitude.
     *
     * @param footprint the footprint of the packet about to be sent
     * @param timeUtcMicros time of the packet
     * @param gimbal the current gimbal attitude (for the suggestion)
     * @param camera the camera (for the suggestion)
     * @param geometry geometry used to evaluate candidate attitudes (for the suggestion)
     * @param events receives entered/left events, in zone order, before this method returns
     * @return the status to publish with the packet
     */
    public PrivacyStatus update(Footprint footprint, long timeUtcMicros, GimbalAttitude gimbal, CameraModel camera,
            CameraGeometry geometry, Consumer<PrivacyEvent> events) {
        List<String> now = overlappingZones(footprint);
        for (String name : new ArrayList<>(inside)) {
            if (!now.contains(name)) {
                inside.remove(name);
                events.accept(new PrivacyEvent.Left(name, timeUtcMicros));
            }
        }
        for (String name : now) {
            if (inside.add(name)) {
                events.accept(new PrivacyEvent.Entered(name, timeUtcMicros));
            }
        }
        if (now.isEmpty()) {
            return PrivacyStatus.CLEAR;
        }
        GimbalAttitude suggestion = policy.suggestGimbal()
                ? suggestGimbal(footprint.pose(), gimbal, camera, geometry) : null;
        return new PrivacyStatus(true, now, suggestion);
    }

    /** Most candidate attitudes evaluated per suggestion (each costs one footprint), bounding the work per packet. */
    public static final int MAX_SUGGESTION_CANDIDATES = 48;

    /**
     * Searches a gimbal attitude close to the current one whose footprint overlaps no zone. Candidates are pitch steps
     * of 5 degrees down to nadir combined with yaw steps of 15 degrees both ways, tried in order of angular change
     * (yaw change + pitch change); at most {@link #MAX_SUGGESTION_CANDIDATES} are evaluated.
     *
     * @param pose vehicle pose
     * @param current current gimbal attitude
     * @param camera camera model
     * @param geometry geometry to evaluate candidates
     * @return a clear attitude in the same frame as current, or null if none was found (stop recording instead)
     */
    public @Nullable GimbalAttitude suggestGimbal(VehiclePose pose, GimbalAttitude current, CameraModel camera,
            CameraGeometry geometry) {
        List<double[]> candidates = new ArrayList<>();
        for (int dy = -180; dy <= 180; dy += 15) {
            if (dy == -180) {
                continue;
            }
            for (double pitch = current.pitchDeg(); pitch >= -90.0001; pitch -= 5) {
                double dp = current.pitchDeg() - pitch;
                if (dy == 0 && dp == 0) {
                    continue;
                }
                candidates.add(new double[] {Math.abs(dy) + dp, dy, pitch});
            }
            if (current.pitchDeg() > -90 && (current.pitchDeg() + 90) % 5 != 0) {
                candidates.add(new double[] {Math.abs(dy) + current.pitchDeg() + 90, dy, -90});
            }
        }
        candidates.sort((a, b) -> Double.compare(a[0], b[0]));
        int n = Math.min(candidates.size(), MAX_SUGGESTION_CANDIDATES);
        for (int i = 0; i < n; i++) {
            double[] c = candidates.get(i);
            GimbalAttitude g = new GimbalAttitude(current.rollDeg(), c[2], current.yawDeg() + c[1], current.frame());
            if (overlappingZones(geometry.footprint(pose, g, camera)).isEmpty()) {
                return g;
            }
        }
        return null;
    }

    private Geometry region(Footprint f) {
        List<GroundPoint> pts = f.outline();
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            GroundPoint p = pts.get(i);
            EnuPoint e = Objects.requireNonNull(tangent, "zones exist")
                    .toLocal(GeoPoint.of(p.latitudeDeg(), p.longitudeDeg()));
            cs[i] = new Coordinate(e.eastM(), e.northM());
        }
        return GF.createMultiPointFromCoords(cs).convexHull();
    }
}

package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.plan.Route;
import org.vigie.geofence.plan.Waypoint;
import org.vigie.geofence.plan.WaypointKind;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.Geofence;

/**
 * The on-scene orbit: points on a circle around the target at the configured radius and height, flown in order
 * (counter-clockwise from the point nearest the vantage point) with the camera's region of interest on the target.
 * An orbit is flown only where the whole circle, and the way onto it from the vantage point, keeps the district's
 * horizontal margin inside the district (out of every exclusion zone) and half of it inside the fence the autopilot
 * enforces; otherwise the flight holds the vantage point. Pure function; immutable results.
 */
public final class OrbitPlan {

    /** Spacing of the samples along the circle and the entry checked against the fence, metres. */
    private static final double SAMPLE_M = 2.0;

    private OrbitPlan() {
    }

    /** An orbit that fits, or why not. */
    public sealed interface Result {
        /** @param points the orbit's points in flying order, at the orbit height (the first is the entry) */
        record Orbit(List<GeoPoint> points) implements Result {
        }

        /** @param reason why the flight holds the vantage point instead */
        record Hold(String reason) implements Result {
        }
    }

    /**
     * @param district   the district
     * @param radiusM    the orbit radius, metres (&gt; 0)
     * @return the largest orbit radius that fits anywhere in the district's inclusion area with its margin, metres
     */
    public static double largestRadiusM(District district, double radiusM) {
        Geofence g = district.geofence();
        MaximumInscribedCircle mic = new MaximumInscribedCircle(g.inclusionEnu(), 1.0);
        return mic.getRadiusLine().getLength() - district.horizontalMarginM();
    }

    /**
     * Checks a configured orbit against a district.
     *
     * @param district the district
     * @param onScene  the on-scene configuration
     * @throws IllegalArgumentException naming the radius and the limit when no orbit of that radius fits anywhere in
     *                                  the district
     */
    public static void requireFits(District district, FlightConfig.OnScene onScene) {
        if (!onScene.orbits()) {
            return;
        }
        double max = largestRadiusM(district, onScene.orbitRadiusM());
        if (onScene.orbitRadiusM() > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "orbitRadiusM %.0f does not fit district '%s': the largest orbit inside its %.0f m margin has a "
                            + "radius of %.0f m", onScene.orbitRadiusM(), district.name(),
                    district.horizontalMarginM(), Math.max(0, max)));
        }
    }

    /**
     * @param district  the district (heights, margins, exclusion zones)
     * @param fence     the fence the autopilot enforces, with its check (null: not exported)
     * @param target    the target
     * @param vantage   where the drone holds now (the end of the outbound route)
     * @param onScene   the configuration (radius, height, points)
     * @param heightRelM the on-scene altitude the dispatch asked for (NaN: the district's)
     * @param stopM     clearance added to the district's margin: what the aircraft needs to stop from the orbit
     *                  speed (so the predicted-breach failsafe never fires on the orbit), metres
     * @return the orbit, or the sentence saying why the flight holds the vantage point
     */
    public static Result plan(District district, @Nullable AutopilotFence fence, GeoPoint target, GeoPoint vantage,
                              FlightConfig.OnScene onScene, double heightRelM, double stopM) {
        Objects.requireNonNull(district, "district");
        if (!onScene.orbits()) {
            return new Result.Hold("no orbit configured");
        }
        Geofence g = district.geofence();
        LocalFrame frame = g.frame();
        double lo = district.floorRelM() + district.verticalMarginM();
        double hi = district.ceilingRelM() - district.verticalMarginM();
        double h = !Double.isNaN(onScene.orbitHeightRelM()) ? onScene.orbitHeightRelM()
                : !Double.isNaN(heightRelM) ? heightRelM : district.onSceneAltitudeRelM();
        h = Math.max(lo, Math.min(hi, h));
        EnuPoint c = frame.toLocal(target.withAltitudeRelM(0));
        EnuPoint v = frame.toLocal(vantage.withAltitudeRelM(0));
        double r = onScene.orbitRadiusM();
        int n = onScene.orbitPoints();
        double start = Math.atan2(v.northM() - c.northM(), v.eastM() - c.eastM());
        if (Math.hypot(v.northM() - c.northM(), v.eastM() - c.eastM()) < 1e-3) {
            start = 0;
        }
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = start + 2 * Math.PI * i / n;
            pts[i] = new double[] {c.eastM() + r * Math.cos(a), c.northM() + r * Math.sin(a)};
        }
        double margin = district.horizontalMarginM() + Math.max(0, stopM);
        String bad = clearance(g, v.eastM(), v.northM(), pts[0][0], pts[0][1], margin);
        for (int i = 0; bad == null && i < n; i++) {
            double[] a = pts[i];
            double[] b = pts[(i + 1) % n];
            bad = clearance(g, a[0], a[1], b[0], b[1], margin);
        }
        if (bad != null) {
            return new Result.Hold(String.format(Locale.ROOT, "an orbit of %.0f m around the target does not keep "
                    + "the %.0f m margin (%s): holding the vantage point", r, margin, bad));
        }
        List<GeoPoint> out = new ArrayList<>();
        for (double[] p : pts) {
            out.add(frame.toGeo(p[0], p[1], 0).withAltitudeRelM(h));
        }
        if (fence != null && fence.check() != null) {
            List<Waypoint> ws = new ArrayList<>();
            ws.add(new Waypoint(vantage.withAltitudeRelM(h), WaypointKind.START));
            for (GeoPoint p : out) {
                ws.add(new Waypoint(p, WaypointKind.TURN));
            }
            ws.add(new Waypoint(out.get(0), WaypointKind.ARRIVAL));
            Route loop = new Route(ws, target.withAltitudeRelM(0), vantage.withAltitudeRelM(0), 2 * Math.PI * r, 0, 0);
            String p = fence.check().problem(loop, "orbit");
            if (p != null) {
                return new Result.Hold(p + ": holding the vantage point");
            }
        }
        return new Result.Orbit(List.copyOf(out));
    }

    private static @Nullable String clearance(Geofence g, double ax, double ay, double bx, double by, double margin) {
        double len = Math.hypot(bx - ax, by - ay);
        int k = Math.max(1, (int) Math.ceil(len / SAMPLE_M));
        for (int i = 0; i <= k; i++) {
            double x = ax + (bx - ax) * i / k;
            double y = ay + (by - ay) * i / k;
            double d = g.signedDistanceEnu(x, y);
            if (d < margin) {
                return String.format(Locale.ROOT, "%.0f m from the fence at %.0f m E %.0f m N of home", d, x, y);
            }
        }
        return null;
    }
}

package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.export.EnforcedDistrict;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.plan.PlanOptions;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.geofence.plan.Route;
import org.vigie.geofence.plan.RoutePlanner;
import org.vigie.geofence.plan.StandOff;
import org.vigie.geofence.plan.Waypoint;
import org.vigie.geofence.plan.WaypointKind;
import org.vigie.geofence.zone.District;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.energy.EnergyBudget;
import org.vigie.mission.flight.step.FenceUploadStep;

/**
 * The plan of one flight: the fence as exported for the autopilot, the outbound route, the return route and the energy
 * budget, with the planning operations the phases need (round trip, return from here, legs of a route). Routes are
 * planned inside the fence the autopilot will enforce ({@link EnforcedDistrict}, once exported) and every route handed
 * out is checked against it.
 *
 * <p>Threading: the flight's event thread only.
 */
public final class FlightPlan {

    /** A round trip planned from somewhere to a scene and back home, or the sentence saying why not. */
    public sealed interface RoundTrip {
        /**
         * @param outbound to the scene (at the dispatch's on-scene altitude)
         * @param inbound  from the scene home
         * @param budget   the energy the whole flight needs
         * @param standOff where the outbound route ends instead of the target and why, null at the target itself
         */
        record Planned(Route outbound, Route inbound, EnergyBudget budget, @Nullable StandOff standOff)
                implements RoundTrip {
        }

        /** @param reason why no round trip can be flown */
        record Refused(String reason) implements RoundTrip {
        }
    }

    private final FlightContext ctx;
    private final FlightRecorder recorder;
    private final PlanOptions options;
    private @Nullable AutopilotFence fence;
    private @Nullable FenceCapacity fenceCapacity;
    /** Plans inside the fence the autopilot holds ({@link EnforcedDistrict}); the district's own until exported. */
    private @Nullable RoutePlanner planner;
    private @Nullable Route outbound;
    private @Nullable Route inbound;
    private @Nullable EnergyBudget budget;

    /**
     * @param ctx      the flight's context (planner, district, energy, config)
     * @param recorder where planned routes are recorded for the report
     */
    public FlightPlan(FlightContext ctx, FlightRecorder recorder) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        FlightConfig c = ctx.config();
        this.options = new PlanOptions(c.cruiseSpeedMps(), c.climbRateMps(), c.descentRateMps(),
                c.legs().planStartOutsideM(), new FlightTimeModel(c.profile(), c.acceptanceRadiusM()).turnCostS());
    }

    /**
     * Exports the district's fence the first time ({@link FenceUploadStep#export}) within what the autopilot stores:
     * the capacity it stated ({@link #useFenceCapacity}), else the strategy's default.
     *
     * @param strategy the autopilot's strategy
     * @return null when exported, else the exporter's refusal
     */
    public @Nullable String exportFence(FlavourStrategy strategy) {
        if (fenceCapacity == null) {
            fenceCapacity = strategy.defaultFenceCapacity();
        }
        if (fence == null) {
            useExport(FenceUploadStep.export(ctx, fenceCapacity));
        }
        return Objects.requireNonNull(fence, "exported above").refusal();
    }

    private void useExport(AutopilotFence f) {
        fence = f;
        if (f.refusal() == null) {
            District enforced = EnforcedDistrict.of(ctx.district(), f.shapes());
            planner = enforced == ctx.district() ? ctx.planner() : new DistrictPlanner(enforced);
        }
    }

    /**
     * Adopts the fence the companion's readiness exported and uploaded on attach, so this flight plans inside it and
     * need not upload it again.
     *
     * @param capacity what the autopilot stores
     * @param ready    the fence on board
     */
    public void adoptReadyFence(FenceCapacity capacity, AutopilotFence ready) {
        if (fence == null) {
            fenceCapacity = Objects.requireNonNull(capacity, "capacity");
            useExport(Objects.requireNonNull(ready, "ready"));
        }
    }

    /** @return the planner in use: inside the fence the autopilot holds once exported, else the district's */
    private RoutePlanner planner() {
        return planner != null ? planner : ctx.planner();
    }

    /** @return what the autopilot stores of a fence, null until stated or defaulted */
    public @Nullable FenceCapacity fenceCapacity() {
        return fenceCapacity;
    }

    /** @param capacity what the autopilot says it stores; the next export fits it */
    public void useFenceCapacity(FenceCapacity capacity) {
        fenceCapacity = Objects.requireNonNull(capacity, "capacity");
    }

    /**
     * After the autopilot refused the fence for space: a smaller conservative fence (strictly below the refused one),
     * and the planned routes checked against it again.
     *
     * @return null when a smaller fence was exported and the routes keep their clearance inside it, else why not
     */
    public @Nullable String shrinkFence() {
        fenceCapacity = Objects.requireNonNull(fenceCapacity, "set by exportFence")
                .below(Objects.requireNonNull(fence, "exported by exportFence").shapes());
        useExport(FenceUploadStep.export(ctx, fenceCapacity));
        AutopilotFence fence = Objects.requireNonNull(this.fence, "exported above");
        if (fence.refusal() != null) {
            return fence.refusal();
        }
        AutopilotFenceCheck check = Objects.requireNonNull(fence.check(), "an export that is not refused is checked");
        String p = outbound == null ? null : check.problem(outbound, "outbound");
        return p != null || inbound == null ? p : check.problem(inbound, "return");
    }

    /** @return the fence as exported for the autopilot, null before {@link #exportFence} */
    public @Nullable AutopilotFence fence() {
        return fence;
    }

    /** @param percent the battery when PREFLIGHT cleared the flight (for the energy used in the report) */
    public void recordStartBattery(int percent) {
        recorder.startBatteryPercent(percent);
    }

    /** @return the outbound route flown (null before PREFLIGHT cleared the flight) */
    public @Nullable Route outbound() {
        return outbound;
    }

    /** @return the return route flown or planned */
    public @Nullable Route inbound() {
        return inbound;
    }

    /** @return the energy budget of the first plan (null before) */
    public @Nullable EnergyBudget budget() {
        return budget;
    }

    /**
     * The planned time from the take-off command to the scene, from the {@link FlightTimeModel}: the vertical
     * take-off to the profile's minimum height, then the legs as {@link #legPoints} flies them.
     *
     * @param out an outbound route starting on the ground at home
     * @return seconds
     */
    public double plannedToSceneS(Route out) {
        FlightConfig c = ctx.config();
        FlightTimeModel m = new FlightTimeModel(c.profile(), c.acceptanceRadiusM());
        double h = c.profile().takeoffHeightM(ctx.district().transitAltitudeRelM());
        GeoPoint start = out.waypoints().get(0).position();
        return m.takeoffS(h) + m.legsS(start.withAltitudeRelM(h), legPoints(out));
    }

    /**
     * Plans from a point to the dispatch's target and back home, checked against the autopilot's fence.
     *
     * @param from      where the flight would start
     * @param request   the dispatch (target, on-scene altitude and time)
     * @param climbM    height to climb first, metres, for the energy budget
     * @param sceneName how the refusal names the scene ("the scene", "the new scene")
     * @return the round trip or the refusal
     */
    public RoundTrip roundTrip(GeoPoint from, DispatchRequest request, double climbM, String sceneName) {
        PlanResult out = planTo(from, new GeoPoint(request.targetLatDeg(), request.targetLonDeg(), 0));
        if (out instanceof PlanResult.Refused r) {
            return new RoundTrip.Refused(r.failure().message());
        }
        PlanResult.Planned planned = (PlanResult.Planned) out;
        Route o = withOnSceneAltitude(planned.route(), request);
        GeoPoint scene = o.waypoints().get(o.waypoints().size() - 1).position();
        PlanResult back = planReturn(scene);
        if (back instanceof PlanResult.Refused r) {
            return new RoundTrip.Refused("no way back from " + sceneName + ": " + r.failure().message());
        }
        Route b = ((PlanResult.Planned) back).route();
        String cut = autopilotFenceProblem(o, b);
        if (cut != null) {
            return new RoundTrip.Refused("no route exists inside the fence the autopilot holds: " + cut);
        }
        FlightConfig c = ctx.config();
        EnergyBudget e = ctx.energy().flight(o.horizontalLengthM(), b.horizontalLengthM(), c.cruiseSpeedMps(), climbM,
                c.climbRateMps(), c.descentRateMps(), request.onSceneTime().toMillis() / 1000.0);
        return new RoundTrip.Planned(o, b, e, planned.standOff());
    }

    /**
     * Adopts the first round trip (from PREFLIGHT): routes, budget, and the planned routes of the report.
     *
     * @param p       the round trip
     * @param request the dispatch
     */
    public void adoptFirst(RoundTrip.Planned p, DispatchRequest request) {
        outbound = p.outbound();
        inbound = p.inbound();
        budget = p.budget();
        recorder.standOff(p.standOff());
        recorder.plannedToSceneS(plannedToSceneS(p.outbound()));
        double onSceneS = request.onSceneTime().toMillis() / 1000.0;
        recorder.clearPlanned();
        recorder.appendPlanned(outbound, 0);
        recorder.appendPlanned(inbound, outbound.expectedDurationS() + onSceneS);
        recorder.lastIsPreplannedReturn();
        recorder.addPlannedDistanceM(outbound.horizontalLengthM() + inbound.horizontalLengthM());
    }

    /**
     * Adopts a retask's round trip (the budget of the first plan stays the report's).
     *
     * @param p        the round trip
     * @param request  the new dispatch
     * @param elapsedS seconds since the flight started
     */
    public void adoptRetask(RoundTrip.Planned p, DispatchRequest request, double elapsedS) {
        outbound = p.outbound();
        inbound = p.inbound();
        recorder.standOff(p.standOff());
        recorder.dropPreplannedReturn();
        recorder.appendPlanned(outbound, elapsedS);
        recorder.appendPlanned(inbound, elapsedS + outbound.expectedDurationS() + request.onSceneTime().toSeconds());
        recorder.lastIsPreplannedReturn();
        recorder.addPlannedDistanceM(outbound.horizontalLengthM());
    }

    /**
     * Plans to the scene again from here (after braking) and makes it the outbound route.
     *
     * @param here     the current position
     * @param request  the dispatch
     * @param elapsedS seconds since the flight started
     * @return null when planned, else the planner's refusal
     */
    public @Nullable String replanOutbound(GeoPoint here, DispatchRequest request, double elapsedS) {
        PlanResult r = planTo(here, new GeoPoint(request.targetLatDeg(), request.targetLonDeg(), 0));
        if (r instanceof PlanResult.Refused ref) {
            return ref.failure().message();
        }
        outbound = withOnSceneAltitude(((PlanResult.Planned) r).route(), request);
        recorder.standOff(((PlanResult.Planned) r).standOff());
        recorder.dropPreplannedReturn();
        recorder.appendPlanned(outbound, elapsedS);
        return null;
    }

    /**
     * Plans the return home from here and makes it the inbound route.
     *
     * @param here     the current position
     * @param elapsedS seconds since the flight started
     * @return null when planned, else the planner's refusal
     */
    public @Nullable String replanReturn(GeoPoint here, double elapsedS) {
        PlanResult r = planReturn(here);
        if (r instanceof PlanResult.Refused ref) {
            return ref.failure().message();
        }
        inbound = ((PlanResult.Planned) r).route();
        recorder.dropPreplannedReturn();
        recorder.appendPlanned(inbound, elapsedS);
        return null;
    }

    /**
     * @param from a point
     * @param to   the target
     * @return the planner's answer with the flight's speeds
     */
    public PlanResult planTo(GeoPoint from, GeoPoint to) {
        return planner().plan(from, to, options);
    }

    /** @param from a point @return the planner's return home from there */
    public PlanResult planReturn(GeoPoint from) {
        return planner().planReturn(from, options);
    }

    /**
     * @param here the current position
     * @param home the autopilot's home
     * @return the length of the return planned from here, or the straight line times {@code returnDistanceFactor}
     */
    public double returnDistanceM(GeoPoint here, GeoPoint home) {
        PlanResult r = planReturn(here);
        if (r instanceof PlanResult.Planned p) {
            return p.route().horizontalLengthM();
        }
        return ctx.config().failsafes().returnDistanceFactor() * recorder.horizontalM(here, home);
    }

    /**
     * @return null when both routes keep half the district's margin inside the fence the autopilot enforces (or that
     *         fence is not exported yet), else the sentence
     */
    @Nullable String autopilotFenceProblem(Route out, Route back) {
        if (fence == null || fence.check() == null) {
            return null;
        }
        String p = fence.check().problem(out, "outbound");
        return p != null ? p : fence.check().problem(back, "return");
    }

    /** The last waypoint of a route at the dispatch's on-scene altitude (clamped inside the district's heights). */
    private Route withOnSceneAltitude(Route r, DispatchRequest request) {
        if (request.altitudeRelM().isEmpty()) {
            return r;
        }
        double lo = ctx.district().floorRelM() + ctx.district().verticalMarginM();
        double hi = ctx.district().ceilingRelM() - ctx.district().verticalMarginM();
        double alt = Math.max(lo, Math.min(hi, request.altitudeRelM().getAsDouble()));
        List<Waypoint> w = new ArrayList<>(r.waypoints());
        int last = w.size() - 1;
        if (w.get(last).kind() == WaypointKind.ON_SCENE) {
            w.set(last, new Waypoint(w.get(last).position().withAltitudeRelM(alt), WaypointKind.ON_SCENE));
        }
        return new Route(w, r.requestedTarget(), r.destination(), r.horizontalLengthM(), r.verticalLengthM(),
                r.expectedDurationS());
    }

    /**
     * The waypoints of a route as the flight flies them, time-optimal: the climb point above the start is skipped (the
     * first leg climbs to the transit altitude while moving), and so is the arrival point above the scene when the
     * on-scene point follows it (the last leg descends to the on-scene altitude on the approach). Horizontally the
     * legs are the planned route; only the altitude along it changes, inside the district's heights. A profile that
     * climbs to the transit altitude before moving ({@link AircraftProfile#legacy()}) also descends vertically above
     * the scene, as before.
     *
     * @param r a route
     * @return its waypoints to fly as legs
     */
    public List<GeoPoint> legPoints(Route r) {
        List<GeoPoint> out = new ArrayList<>();
        List<Waypoint> ws = r.waypoints();
        double transit = ctx.district().transitAltitudeRelM();
        boolean timeOptimal = ctx.config().profile().takeoffHeightM(transit) < transit;
        for (int i = 0; i < ws.size(); i++) {
            Waypoint w = ws.get(i);
            if (w.kind() == WaypointKind.START || w.kind() == WaypointKind.TO_TRANSIT_ALTITUDE) {
                continue;
            }
            boolean arrivalAboveScene = timeOptimal && w.kind() == WaypointKind.ARRIVAL && i + 1 < ws.size()
                    && ws.get(i + 1).kind() == WaypointKind.ON_SCENE;
            if (arrivalAboveScene) {
                continue;
            }
            out.add(w.position());
        }
        if (out.isEmpty()) {
            out.add(r.waypoints().get(r.waypoints().size() - 1).position());
        }
        return out;
    }
}

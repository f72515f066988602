package org.vigie.mission.flight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.plan.Route;
import org.vigie.geofence.plan.StandOff;
import org.vigie.geofence.plan.Waypoint;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.FailsafeKind;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.TrackPoint;
import org.vigie.mission.flight.step.LegStep;

/**
 * What one flight records for its report: time per phase, the planned routes (the return planned in advance is
 * replaced by the one actually flown), the flown track about every {@code trackPeriod}, distances, failsafes,
 * retasks and the battery at the start. Builds the {@link FlightReport}.
 *
 * <p>Threading: written on the flight's event thread; {@link #plannedRoutes()} is an immutable snapshot readable from
 * any thread.
 */
public final class FlightRecorder {

    private final FlightContext ctx;
    private final Map<FlightPhase, Duration> phaseTimes = new EnumMap<>(FlightPhase.class);
    private final List<FlightPhase> phaseOrder = new ArrayList<>();
    private final List<List<TrackPoint>> planned = new ArrayList<>();
    private final List<TrackPoint> flown = new ArrayList<>();
    private final List<FailsafeKind> failsafes = new ArrayList<>();
    private volatile List<List<TrackPoint>> plannedSnapshot = List.of();
    private boolean lastIsPreplannedReturn;
    private double plannedDistanceM;
    private double flownDistanceM;
    private double plannedToSceneS = Double.NaN;
    private int retasks;
    private int startBatteryPercent = -1;
    private long startMs;
    private @Nullable Instant startedAt;
    private @Nullable StandOff standOff;
    private FlightPhase phase = FlightPhase.PREFLIGHT;
    private long phaseEnteredMs;
    private long lastTrackMs = -1_000_000_000L;

    /** @param ctx the flight's context (frame, config, energy model) */
    public FlightRecorder(FlightContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The flight starts (PREFLIGHT).
     *
     * @param at    the scheduler's time
     * @param nowMs the flight's clock, milliseconds
     */
    public void begin(Instant at, long nowMs) {
        startedAt = at;
        startMs = nowMs;
        phaseEnteredMs = nowMs;
        phaseOrder.add(FlightPhase.PREFLIGHT);
    }

    /** @param nowMs the flight's clock @return seconds since the start */
    public double elapsedS(long nowMs) {
        return (nowMs - startMs) / 1000.0;
    }

    /**
     * A phase is entered: the time of the one left is added up.
     *
     * @param to    the new phase
     * @param nowMs the flight's clock, milliseconds
     */
    public void entered(FlightPhase to, long nowMs) {
        closePhase(nowMs);
        phase = to;
        phaseEnteredMs = nowMs;
        if (!phaseOrder.contains(to)) {
            phaseOrder.add(to);
        }
    }

    private void closePhase(long nowMs) {
        phaseTimes.merge(phase, Duration.ofMillis(Math.max(0, nowMs - phaseEnteredMs)), Duration::plus);
    }

    /** @return when the current phase was entered, flight clock milliseconds */
    public long phaseEnteredMs() {
        return phaseEnteredMs;
    }

    /** @param kind a failsafe that fired */
    public void failsafe(FailsafeKind kind) {
        failsafes.add(kind);
    }

    /** @param kind a failsafe @return whether it fired before */
    public boolean fired(FailsafeKind kind) {
        return failsafes.contains(kind);
    }

    /** Counts an accepted retask. */
    public void retasked() {
        retasks++;
    }

    /** @param percent the battery when the flight was cleared to go */
    public void startBatteryPercent(int percent) {
        startBatteryPercent = percent;
    }

    /** @param s where the flight goes on scene instead of its target (null: the target itself), for the report */
    public void standOff(@Nullable StandOff s) {
        standOff = s;
    }

    /** Forgets every planned route (a new round trip replaces them). */
    public void clearPlanned() {
        planned.clear();
        plannedDistanceM = 0;
        publish();
    }

    /** @param m metres added to the planned distance */
    public void addPlannedDistanceM(double m) {
        plannedDistanceM += m;
    }

    /** @param s planned seconds from the take-off command to the scene (the time model's) */
    public void plannedToSceneS(double s) {
        plannedToSceneS = s;
    }

    /** Marks the last planned route as the return planned in advance (replaced by the one actually flown). */
    public void lastIsPreplannedReturn() {
        lastIsPreplannedReturn = true;
    }

    /** The return planned in advance is replaced by the one actually flown (or by a new plan). */
    public void dropPreplannedReturn() {
        if (lastIsPreplannedReturn && !planned.isEmpty()) {
            planned.remove(planned.size() - 1);
            publish();
        }
        lastIsPreplannedReturn = false;
    }

    /**
     * Adds a planned route with its expected times ({@link FlightTimeModel}: acceleration, corners, climb and descent).
     *
     * @param r  the route
     * @param t0 seconds since the start at its first point
     */
    public void appendPlanned(Route r, double t0) {
        FlightConfig cfg = ctx.config();
        FlightTimeModel m = new FlightTimeModel(cfg.profile(), cfg.acceptanceRadiusM());
        List<TrackPoint> route = new ArrayList<>();
        double tS = t0;
        GeoPoint prev = null;
        List<Waypoint> ws = r.waypoints();
        for (int i = 0; i < ws.size(); i++) {
            Waypoint w = ws.get(i);
            if (prev != null) {
                double d = horizontalM(prev, w.position());
                double dz = w.position().altitudeRelM() - prev.altitudeRelM();
                double vIn = i == 1 ? 0 : m.cornerSpeedMps();
                tS += m.legS(d, dz, vIn, i == ws.size() - 1 ? 0 : m.cornerSpeedMps());
            }
            route.add(new TrackPoint(tS, w.position().latDeg(), w.position().lonDeg(), w.position().altitudeRelM()));
            prev = w.position();
        }
        planned.add(route);
        publish();
    }

    private void publish() {
        plannedSnapshot = planned.stream().map(List::copyOf).toList();
    }

    /** @return the planned routes so far, an immutable snapshot (any thread) */
    public List<List<TrackPoint>> plannedRoutes() {
        return plannedSnapshot;
    }

    /**
     * Samples the track (at most every {@code trackPeriod} unless forced; not before the vehicle has a position).
     *
     * @param nowMs the flight's clock
     * @param force sample even if the period has not passed
     * @return whether a point was added
     */
    public boolean sample(long nowMs, boolean force) {
        VehicleTelemetry t = ctx.telemetry();
        if (Double.isNaN(t.latDeg()) || phase == FlightPhase.PREFLIGHT || phase == FlightPhase.UPLOAD) {
            return false;
        }
        if (!force && nowMs - lastTrackMs < ctx.config().steps().trackPeriod().toMillis()) {
            return false;
        }
        lastTrackMs = nowMs;
        TrackPoint p = new TrackPoint((nowMs - startMs) / 1000.0, t.latDeg(), t.lonDeg(), t.altitudeRelM());
        if (!flown.isEmpty()) {
            TrackPoint q = flown.get(flown.size() - 1);
            flownDistanceM += horizontalM(new GeoPoint(q.latDeg(), q.lonDeg(), 0), new GeoPoint(p.latDeg(),
                    p.lonDeg(), 0));
        }
        flown.add(p);
        return true;
    }

    /**
     * A progress event: distance to go along the current route and ETA from the {@link FlightTimeModel} (TRANSIT, RETURN), the time
     * left on scene (ON_SCENE).
     *
     * @param phase          the current phase
     * @param legs           the route being followed (or the last one), may be null
     * @param onSceneUntilMs when the on-scene time ends, flight clock
     * @param here           the current position
     * @param at             the scheduler's time
     * @param nowMs          the flight's clock
     * @return the event
     */
    public FlightEvent.Progress progress(FlightPhase phase, @Nullable LegStep legs, long onSceneUntilMs, GeoPoint here,
                                         Instant at, long nowMs) {
        double toGo = Double.NaN;
        if ((phase == FlightPhase.TRANSIT || phase == FlightPhase.RETURN) && legs != null
                && legs.index() < legs.legs().size()) {
            List<GeoPoint> l = legs.legs();
            toGo = horizontalM(here, l.get(legs.index()));
            for (int i = legs.index(); i + 1 < l.size(); i++) {
                toGo += horizontalM(l.get(i), l.get(i + 1));
            }
        } else if (phase == FlightPhase.ON_SCENE) {
            toGo = 0;
        }
        double eta = Double.NaN;
        if (!Double.isNaN(toGo) && legs != null) {
            FlightConfig c = ctx.config();
            List<GeoPoint> rest = legs.legs().subList(legs.index(), legs.legs().size());
            eta = new FlightTimeModel(c.profile(), c.acceptanceRadiusM()).legsS(here, rest);
        }
        if (phase == FlightPhase.ON_SCENE) {
            eta = Math.max(0, (onSceneUntilMs - nowMs) / 1000.0);
        }
        VehicleTelemetry t = ctx.telemetry();
        return new FlightEvent.Progress(at, phase, t.latDeg(), t.lonDeg(), t.altitudeRelM(), t.groundSpeedMps(), toGo,
                eta, t.batteryPercent());
    }

    /**
     * The report, once the flight has reached its terminal phase.
     *
     * @param request   the dispatch flown last
     * @param terminal  DONE, ABORTED or FAILED
     * @param outcome   how it ended
     * @param reason    why
     * @param end       when
     * @param plannedWh energy the plan predicted (NaN when no plan)
     * @return the report
     */
    public FlightReport report(DispatchRequest request, FlightPhase terminal, FlightOutcome outcome, String reason,
                               Instant end, double plannedWh) {
        Map<FlightPhase, Duration> times = new LinkedHashMap<>();
        for (FlightPhase p : phaseOrder) {
            if (phaseTimes.containsKey(p)) {
                times.put(p, phaseTimes.get(p));
            }
        }
        double usedWh = ctx.energy().usedWh(startBatteryPercent, ctx.telemetry().batteryPercent());
        return FlightReport.builder(request).outcome(outcome, terminal, reason)
                .times(startedAt == null ? end : startedAt, end).phaseTimes(times)
                .tracks(planned, flown, plannedDistanceM, flownDistanceM).energy(plannedWh, usedWh)
                .failsafes(failsafes, retasks).standOff(standOff).plannedToSceneS(plannedToSceneS).build();
    }

    double horizontalM(GeoPoint a, GeoPoint b) {
        var frame = ctx.fence().frame();
        return frame.toLocal(a).horizontalDistanceM(frame.toLocal(b));
    }
}

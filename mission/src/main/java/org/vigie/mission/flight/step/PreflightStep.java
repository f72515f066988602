package org.vigie.mission.flight.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.link.command.Target;
import org.vigie.link.mission.FenceCapacityProbe;
import java.util.Locale;
import java.util.OptionalDouble;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.energy.EnergyBudget;
import org.vigie.mission.flight.FlavourStrategy;
import org.vigie.mission.flight.FlightPlan;
import org.vigie.mission.flight.VehicleTelemetry;

/**
 * PREFLIGHT: waits (up to {@code preflightTimeout}) for HEARTBEAT, a 3-D GPS fix, healthy navigation, home, a
 * position and the battery level; then refuses when the vehicle is already armed, home lies outside the district, the
 * fence cannot be exported within the autopilot's budget, no round trip can be planned inside it, or the battery does
 * not hold the round trip plus reserve. Otherwise it enters UPLOAD. Judged at each tick (telemetry), no command sent.
 */
public final class PreflightStep extends FlightStep {

    /** GPS_FIX_TYPE_3D_FIX. */
    private static final int GPS_FIX_TYPE_3D = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PreflightStep.class);

    private long lastWarnMs = -1_000_000_000L;
    private boolean probing;

    /** @param host the state machine */
    public PreflightStep(StepHost host) {
        super(host);
    }

    @Override
    protected void step(long now) {
        long deadlineMs = startedMs() + host.cfg().preflightTimeout().toMillis();
        VehicleTelemetry t = host.telemetry();
        List<String> waiting = waitingFor(t);
        if (!waiting.isEmpty()) {
            if (now >= deadlineMs) {
                host.fail(FlightOutcome.REFUSED, "autopilot not ready after " + host.cfg().preflightTimeout().toSeconds()
                        + " s: still waiting for " + String.join(", ", waiting));
            } else if (now - lastWarnMs >= host.cfg().steps().warnPeriod().toMillis()) {
                lastWarnMs = now;
                host.warn("preflight: waiting for " + String.join(", ", waiting));
            }
            return;
        }
        if (t.armed()) {
            host.fail(FlightOutcome.REFUSED, "the autopilot is already armed: someone else is flying it");
            return;
        }
        var ctx = host.ctx();
        GeoPoint home = new GeoPoint(t.homeLatDeg(), t.homeLonDeg(), 0);
        if (!ctx.fence().contains(home)) {
            host.fail(FlightOutcome.REFUSED, String.format(Locale.ROOT,
                    "the autopilot's home %s lies %.0f m outside district '%s'", home.latLonText(),
                    Math.abs(ctx.fence().signedDistanceM(home)), ctx.district().name()));
            return;
        }
        FlightPlan plan = host.plan();
        var readiness = host.readiness();
        if (readiness != null && plan.fenceCapacity() == null) {
            var state = readiness.state();
            if (state instanceof org.vigie.mission.flight.Readiness.State.Failed f && f.profileFailed()) {
                host.fail(FlightOutcome.REFUSED, f.reason());
                return;
            }
            if (state instanceof org.vigie.mission.flight.Readiness.State.Ready r) {
                plan.adoptReadyFence(r.capacity(), r.fence());
            }
        }
        if (plan.fenceCapacity() == null) {
            askFenceCapacity(plan, t);
            return;
        }
        String fenceProblem = plan.exportFence(Objects.requireNonNull(host.strategy(), "the autopilot was heard"));
        if (fenceProblem != null) {
            host.fail(FlightOutcome.REFUSED, "the district's fence cannot be given to the autopilot: " + fenceProblem);
            return;
        }
        FlightPlan.RoundTrip trip = plan.roundTrip(home, host.request(), ctx.district().transitAltitudeRelM(),
                "the scene");
        if (trip instanceof FlightPlan.RoundTrip.Refused r) {
            host.fail(FlightOutcome.REFUSED, r.reason());
            return;
        }
        plan.adoptFirst((FlightPlan.RoundTrip.Planned) trip, host.request());
        EnergyBudget budget = Objects.requireNonNull(plan.budget(), "planned before the battery check");
        OptionalDouble available = ctx.energy().availableWh(t.batteryPercent());
        if (available.isEmpty() || available.getAsDouble() < budget.requiredWh()) {
            host.fail(FlightOutcome.REFUSED, String.format(Locale.ROOT,
                    "battery holds %.1f Wh (%d %%) but the flight needs %.1f Wh including a %.1f Wh reserve",
                    available.orElse(0), t.batteryPercent(), budget.requiredWh(), budget.reserveWh()));
            return;
        }
        double enduranceS = host.cfg().profile().enduranceS();
        if (budget.flightTimeS() > enduranceS) {
            host.fail(FlightOutcome.REFUSED, String.format(Locale.ROOT,
                    "the flight needs %.0f s in the air, more than the aircraft's endurance of %.0f s (profile '%s')",
                    budget.flightTimeS(), enduranceS, host.cfg().profile().name()));
            return;
        }
        plan.recordStartBattery(t.batteryPercent());
        host.enter(FlightPhase.UPLOAD, String.format(Locale.ROOT,
                "preflight OK: GPS fix %d, %d satellites, home inside the fence, battery %d %% (%.1f Wh) for %.1f Wh",
                t.gpsFixType(), t.satellites(), t.batteryPercent(), available.getAsDouble(), budget.requiredWh()));
    }

    /**
     * Asks the autopilot once how many fence items it stores ({@link FenceCapacityProbe}); ArduPilot's storage is 8
     * bytes per item it states. Without an answer the strategy's default holds. The step runs again on the answer.
     */
    private void askFenceCapacity(FlightPlan plan, VehicleTelemetry t) {
        if (probing) {
            return;
        }
        probing = true;
        FenceCapacity fallback = Objects.requireNonNull(host.strategy(), "the autopilot was heard")
                .defaultFenceCapacity();
        await(FenceCapacityProbe.probe(host.ctx().port(), new Target(t.targetSysId(), t.targetCompId(), t.flavour()),
                host.cfg().steps().fenceProbeTimeout()), stated -> {
                    FenceCapacity c = stated.isEmpty() ? fallback : fallback.maxStorageBytes() > 0
                            ? FenceCapacity.arduPilot(8 * stated.getAsInt()) : FenceCapacity.items(stated.getAsInt());
                    plan.useFenceCapacity(c);
                    LOG.info("fence capacity: {} ({})", c, stated.isPresent() ? "stated by the autopilot"
                            : "default for " + t.flavour());
                });
    }

    private List<String> waitingFor(VehicleTelemetry t) {
        List<String> waiting = new ArrayList<>();
        if (!t.heard() || t.heartbeatAgeMs() > host.cfg().autopilotLinkTimeout().toMillis()) {
            waiting.add("autopilot HEARTBEAT");
            return waiting;
        }
        var readiness = host.readiness();
        if (readiness != null && readiness.state() instanceof org.vigie.mission.flight.Readiness.State.Preparing p
                && p.sending()) {
            // never two uploads of the fence and the parameters at once: the flight waits for the companion's
            waiting.add("the companion's readiness (" + p.doing() + ")");
        }
        if (t.gpsFixType() < GPS_FIX_TYPE_3D) {
            waiting.add("GPS 3-D fix (fix type " + t.gpsFixType() + ", " + t.satellites() + " satellites)");
        }
        FlavourStrategy strategy = host.strategy();
        if (strategy != null && !strategy.navigationHealthy(t)) {
            String p = strategy.navigationProblem(t);
            if (!p.isEmpty()) {
                waiting.add(p);
            }
        }
        if (!t.homeKnown()) {
            waiting.add("home position");
        }
        if (t.positionAgeMs() > host.cfg().steps().preflightPositionMaxAge().toMillis()) {
            waiting.add("position (GLOBAL_POSITION_INT)");
        }
        if (t.batteryPercent() < 0) {
            waiting.add("battery level");
        }
        return waiting;
    }
}

package org.vigie.mission.flight;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.mission.FailsafeKind;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.failsafe.FailsafeMonitor;
import org.vigie.mission.failsafe.FailsafeSignal;
import org.vigie.mission.flight.step.BrakeStep;
import org.vigie.mission.flight.step.LandStep;
import org.vigie.mission.flight.step.LegStep;

/**
 * The state machine's answer to each {@link FailsafeSignal}: consults the {@link FailsafeMonitor} in the tick's order
 * and decides (fail on the ground, land, return, brake, yield to a pilot, end). Part of {@link FlightController}; event
 * thread only.
 */
final class FailsafeResponse {

    private final FlightController c;

    FailsafeResponse(FlightController c) {
        this.c = c;
    }

    /** The autopilot's HEARTBEAT, then (while it is heard) the dispatch side. */
    void watchLinks() {
        boolean onGround = !c.phase().isAirborne() && !c.t.armed();
        act(c.monitor.watchAutopilotLink(c.phase(), onGround));
        if (!c.finished && !c.monitor.linkSilent()) {
            act(c.monitor.watchDispatchLink(c.phase()));
        }
    }

    /** Mode, navigation, battery reserve, predicted breach (ARM and airborne phases). */
    void watchInFlight() {
        FlightPhase phase = c.phase();
        LegStep legs = c.legs;
        act(c.monitor.watchInFlight(new FailsafeMonitor.Situation(phase, c.expectedMode, c.modeConfirmed, c.yielded,
                c.current instanceof BrakeStep,
                (phase == FlightPhase.TRANSIT && legs != null && legs.outbound()) || phase == FlightPhase.ON_SCENE,
                c.strategy, c.here(),
                () -> legs != null && legs.index() < legs.legs().size()
                        ? c.rec.horizontalM(c.here(), legs.legs().get(legs.index())) : Double.POSITIVE_INFINITY,
                () -> c.plan.returnDistanceM(c.here(), new GeoPoint(c.t.homeLatDeg(), c.t.homeLonDeg(), 0)))));
    }

    /**
     * The autopilot's failsafe text arrived just after a mode change the flight took for a pilot's: the flight keeps
     * out of the way, and the failsafe is recorded as what it was (the outcome follows the cause).
     *
     * @param m the explained change, or null
     */
    void explainedLate(FailsafeSignal.@Nullable UnrequestedModeChange m) {
        if (m == null || c.finished || !c.yielded || c.yieldKind != FailsafeKind.PILOT_TAKEOVER
                || m.kind() == FailsafeKind.PILOT_TAKEOVER) {
            return;
        }
        c.yieldKind = m.kind();
        c.yieldReason = m.reason();
        c.failsafe(m.kind(), m.reason());
    }

    /** While a pilot, the autopilot's failsafe or a lost link has the drone: watch until it is down. */
    void watchWhileNotInCommand() {
        act(c.monitor.watchWhileNotInCommand(c.yielded, c.strategy));
    }

    /** The autopilot rebooted: its fence, mission and mode are gone. */
    void rebooted() {
        if (c.finished) {
            return;
        }
        if (c.phase() == FlightPhase.PREFLIGHT) {
            c.warn("the autopilot rebooted; waiting for it again");
            return;
        }
        c.rec.failsafe(FailsafeKind.AUTOPILOT_REBOOT);
        c.emit(new FlightEvent.FailsafeTriggered(c.scheduler.now(), FailsafeKind.AUTOPILOT_REBOOT,
                "the autopilot rebooted during " + c.phase() + ": its fence, mission and mode are gone; flight ended"));
        c.finish(FlightPhase.FAILED, FlightOutcome.FAILED, "the autopilot rebooted during " + c.phase());
    }

    private void act(@Nullable FailsafeSignal s) {
        FlightPhase phase = c.phase();
        if (s == null) {
            return;
        } else if (s instanceof FailsafeSignal.AutopilotLinkLost l) {
            if (l.onGround()) {
                c.fail(FlightOutcome.FAILED, "autopilot link lost during " + phase);
            } else {
                c.failsafe(FailsafeKind.AUTOPILOT_LINK_LOST, "no HEARTBEAT for " + l.silentMs()
                        + " ms: the autopilot's own failsafe has the drone; we stop commanding and wait");
            }
        } else if (s instanceof FailsafeSignal.AutopilotLinkGivenUp g) {
            c.finish(FlightPhase.FAILED, FlightOutcome.FAILED, "autopilot link lost for " + g.lostS() + " s during "
                    + phase + "; the autopilot's own failsafe has the drone");
        } else if (s instanceof FailsafeSignal.AutopilotLinkBack b) {
            linkBack(b);
        } else if (s instanceof FailsafeSignal.DispatchLinkLost d) {
            c.failsafe(FailsafeKind.DISPATCH_LINK_LOST, phase == FlightPhase.TRANSIT || phase == FlightPhase.ON_SCENE
                    ? "dispatch link silent for " + d.silentS() + " s: finishing the on-scene time, then returning home"
                    : "dispatch link silent; continuing");
        } else if (s instanceof FailsafeSignal.UnrequestedModeChange m) {
            if (c.rec.fired(m.kind())) {
                yieldTo(m.kind(), m.reason());
                c.warn(m.reason());
            } else {
                yieldControl(m.kind(), m.reason());
            }
        } else if (s instanceof FailsafeSignal.NavigationLost n) {
            c.failsafe(FailsafeKind.NAVIGATION_LOST, "GPS/EKF unhealthy (fix " + n.fixType() + ", EKF flags 0x"
                    + Integer.toHexString(n.ekfFlags()) + "): we stop sending positions; the autopilot holds or lands");
        } else if (s instanceof FailsafeSignal.BatteryReserve b) {
            c.failsafe(FailsafeKind.BATTERY_RESERVE, String.format(Locale.ROOT,
                    "battery %.1f Wh is below the %.1f Wh needed to return with reserve: returning now",
                    b.availableWh(), b.neededWh()));
            c.enter(FlightPhase.RETURN, "battery reserve");
        } else if (s instanceof FailsafeSignal.PredictedBreach p) {
            c.failsafe(FailsafeKind.PREDICTED_BREACH, String.format(Locale.ROOT,
                    "fence breach predicted in %.1f s at %.1f m/s: braking, then re-planning", p.inS(), p.speedMps()));
            GeoPoint h = c.here();
            BrakeStep brake = c.steps().brake();
            brake.await(c.ctx.commands().reposition(h.latDeg(), h.lonDeg(), h.altitudeRelM(), true, -1), o -> {
            });
        } else if (s instanceof FailsafeSignal.LandedWithoutUs) {
            landedWithoutUs();
        } else if (s instanceof FailsafeSignal.NavigationRecovered) {
            navigationRecovered();
        }
    }

    private void linkBack(FailsafeSignal.AutopilotLinkBack b) {
        var t = c.t;
        c.warn("autopilot link back after " + b.lostS() + " s, in " + t.modeName()
                + (t.armed() ? ", armed" : ", disarmed"));
        if (!t.armed() && t.altitudeRelM() < c.cfg.steps().airborneAltitudeM()) {
            c.finish(FlightPhase.FAILED, FlightOutcome.FAILED, "while the autopilot link was lost, the "
                    + "autopilot's failsafe landed the drone at " + c.here().latLonText());
            return;
        }
        if (!c.yielded && c.expectedMode != null && !t.modeName().equals(c.expectedMode)) {
            yieldControl(FailsafeKind.PILOT_TAKEOVER, "after the link loss the autopilot is in " + t.modeName()
                    + " (its failsafe or a pilot): we stop commanding");
        } else {
            if (c.legs != null) {
                c.legs.linkBack();
            }
            if (c.phase() == FlightPhase.LAND && c.current != null) {
                c.current.linkBack();
            }
        }
    }

    private void landedWithoutUs() {
        String where = "landed and disarmed at " + c.here().latLonText();
        if (c.yielded) {
            boolean pilot = c.yieldKind == FailsafeKind.PILOT_TAKEOVER;
            c.finish(pilot ? FlightPhase.ABORTED : FlightPhase.FAILED, pilot ? FlightOutcome.ABORTED
                    : FlightOutcome.FAILED, c.yieldReason + "; " + where);
        } else if (c.monitor.navigationLost()) {
            c.finish(FlightPhase.FAILED, FlightOutcome.FAILED, "navigation lost; the autopilot " + where);
        }
    }

    private void navigationRecovered() {
        FlightPhase phase = c.phase();
        if (!c.t.modeName().equals(c.expectedMode)) {
            yieldControl(FailsafeKind.NAVIGATION_LOST, "navigation recovered but the autopilot is in "
                    + c.t.modeName());
            return;
        }
        c.warn("navigation recovered: returning home along a planned route");
        if (phase == FlightPhase.RETURN) {
            c.steps().startReturn();
        } else if (phase == FlightPhase.TRANSIT || phase == FlightPhase.ON_SCENE || phase == FlightPhase.TAKEOFF) {
            c.enter(FlightPhase.RETURN, "navigation recovered after a loss");
        } else if (phase == FlightPhase.LAND && c.current instanceof LandStep l) {
            l.again();
        }
    }

    private void yieldControl(FailsafeKind kind, String reason) {
        if (c.yielded) {
            return;
        }
        yieldTo(kind, reason);
        c.failsafe(kind, reason);
    }

    /** The flight stops commanding for good: the current step is finished, its late results dropped. */
    private void yieldTo(FailsafeKind kind, String reason) {
        c.yielded = true;
        c.yieldKind = kind;
        c.yieldReason = reason;
        if (c.current != null) {
            c.current.finish();
        }
    }
}

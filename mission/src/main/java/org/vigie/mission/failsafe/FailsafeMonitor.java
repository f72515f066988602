package org.vigie.mission.failsafe;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.Geofence;
import org.vigie.mission.FailsafeKind;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.energy.EnergyModel;
import org.vigie.mission.flight.BreachPredictor;
import org.vigie.mission.flight.FlavourStrategy;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.VehicleTelemetry;

/**
 * Watches the autopilot's telemetry and the links of one flight and says which failsafe fires, as a
 * {@link FailsafeSignal}. It keeps what it needs to judge (when the link was lost, when navigation was lost, when it
 * last checked the battery or braked, the last failsafe STATUSTEXT) and never commands anything: the state machine
 * consults it once per decision tick, in the order of the methods below, and decides what to do.
 *
 * <p>Always on: autopilot link lost (and back, and given up), dispatch link lost, unrequested mode change (pilot
 * takeover or the autopilot's own failsafe), GPS/EKF lost (and recovered), battery below the return reserve, predicted
 * fence breach; see {@link FailsafeKind}.
 *
 * <p>Threading: the flight's event thread only.
 */
public final class FailsafeMonitor {

    /** FENCE_STATUS.breach_status: the fence is breached. */
    private static final int FENCE_BREACHED = 1;
    /** MAV_LANDED_STATE_ON_GROUND (UNDEFINED, 0, counts as on the ground too). */
    private static final int MAV_LANDED_STATE_ON_GROUND = 1;

    /**
     * What the flight is doing, as the in-flight checks need it.
     *
     * @param phase            the current phase
     * @param expectedMode     the flight mode we asked for last, null before any
     * @param modeConfirmed    whether HEARTBEAT has shown that mode since we asked
     * @param yielded          whether the flight already gave up command (a pilot or the autopilot has the drone)
     * @param braking          whether the flight is braking for a predicted breach
     * @param watchBattery     whether the battery reserve is checked now (outbound transit, on scene)
     * @param strategy         the autopilot's strategy, null before it is known
     * @param here             the current position
     * @param metresToLegEnd   horizontal distance to the end of the current leg, metres (+infinity when none)
     * @param returnDistanceM  length of the return from here, metres (asked at most once per reserve check)
     */
    public record Situation(FlightPhase phase, @Nullable String expectedMode, boolean modeConfirmed, boolean yielded,
                            boolean braking, boolean watchBattery, @Nullable FlavourStrategy strategy, GeoPoint here,
                            DoubleSupplier metresToLegEnd, DoubleSupplier returnDistanceM) {
    }

    private final FlightConfig cfg;
    private final VehicleTelemetry t;
    private final Geofence fence;
    private final EnergyModel energy;
    private final BreachPredictor breach;
    private final LongSupplier clockMs;

    private boolean autopilotLost;
    private long autopilotLostSinceMs;
    private boolean navLost;
    private long navLostSinceMs;
    private long dispatchLastMs;
    private boolean dispatchLost;
    private boolean batteryReturn;
    private long lastBreachMs = -1_000_000_000L;
    private long lastReserveCheckMs = -1_000_000_000L;
    private long lastFailsafeTextMs = -1_000_000_000L;
    private String lastFailsafeText = "";
    private long unexplainedChangeMs = -1_000_000_000L;

    /**
     * Creates a monitor; nothing is watched until the flight calls it.
     *
     * @param cfg     the flight's tunables (link time-outs, {@link FlightConfig.Failsafes})
     * @param t       the autopilot's telemetry
     * @param fence   the district's fence, for the breach prediction
     * @param energy  the energy model, for the battery reserve
     * @param clockMs the flight's monotonic clock, milliseconds
     */
    public FailsafeMonitor(FlightConfig cfg, VehicleTelemetry t, Geofence fence, EnergyModel energy,
                           LongSupplier clockMs) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.t = Objects.requireNonNull(t, "t");
        this.fence = Objects.requireNonNull(fence, "fence");
        this.energy = Objects.requireNonNull(energy, "energy");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.breach = new BreachPredictor(cfg.brakeDecelerationMps2(), cfg.breachReactionS());
    }

    /** Starts watching: the dispatch link's silence counts from now. */
    public void begin() {
        dispatchLastMs = clockMs.getAsLong();
    }

    /**
     * Remembers a STATUSTEXT that speaks of a failsafe or a breach (it explains a later mode change). The autopilot's
     * text and its HEARTBEAT in the new mode travel separately: when the text comes within
     * {@link FlightConfig.Failsafes#statusTextWindow()} after a mode change that was judged unexplained (a pilot),
     * the change is explained after all.
     *
     * @param text the autopilot's text, may be null
     * @return the explained mode change (the autopilot's own failsafe), or null when the text explains nothing new
     */
    public FailsafeSignal.@Nullable UnrequestedModeChange onStatusText(@Nullable String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (text == null || !(lower.contains("failsafe") || lower.contains("breach"))) {
            return null;
        }
        long now = clockMs.getAsLong();
        lastFailsafeTextMs = now;
        lastFailsafeText = text;
        if (now - unexplainedChangeMs < cfg.failsafes().statusTextWindow().toMillis()) {
            unexplainedChangeMs = -1_000_000_000L;
            FailsafeKind kind = explainedKind(lower);
            return new FailsafeSignal.UnrequestedModeChange(kind, "mode changed to " + t.modeName()
                    + " without our request: the autopilot's own failsafe has the drone (\"" + text
                    + "\", heard just after the change); we stop commanding, keep streaming");
        }
        return null;
    }

    private static FailsafeKind explainedKind(String lower) {
        return lower.contains("battery") ? FailsafeKind.BATTERY_RESERVE
                : lower.matches(".*(ekf|gps).*") ? FailsafeKind.NAVIGATION_LOST
                : lower.contains("breach") || lower.contains("fence") ? FailsafeKind.FENCE_BREACH_REPORTED
                : FailsafeKind.PILOT_TAKEOVER;
    }

    /**
     * The dispatch side spoke.
     *
     * @return true when the dispatch link had been declared lost (it is back now)
     */
    public boolean dispatchAlive() {
        dispatchLastMs = clockMs.getAsLong();
        boolean wasLost = dispatchLost;
        dispatchLost = false;
        return wasLost;
    }

    /** @return whether the autopilot was heard and its HEARTBEAT is now older than the link time-out */
    public boolean linkSilent() {
        return t.heard() && t.heartbeatAgeMs() > cfg.autopilotLinkTimeout().toMillis();
    }

    /**
     * Watches the autopilot's HEARTBEAT (not in PREFLIGHT, which waits for it anyway).
     *
     * @param phase    the current phase
     * @param onGround whether the vehicle is disarmed in a phase that is not airborne
     * @return lost (first tick), given up, back, or null
     */
    public @Nullable FailsafeSignal watchAutopilotLink(FlightPhase phase, boolean onGround) {
        long now = clockMs.getAsLong();
        if (linkSilent()) {
            if (phase == FlightPhase.PREFLIGHT) {
                return null;
            }
            if (!autopilotLost) {
                autopilotLost = true;
                autopilotLostSinceMs = now;
                return new FailsafeSignal.AutopilotLinkLost(onGround, t.heartbeatAgeMs());
            }
            return now - autopilotLostSinceMs > cfg.autopilotLostGiveUp().toMillis()
                    ? new FailsafeSignal.AutopilotLinkGivenUp((now - autopilotLostSinceMs) / 1000) : null;
        }
        if (autopilotLost) {
            autopilotLost = false;
            return new FailsafeSignal.AutopilotLinkBack((now - autopilotLostSinceMs) / 1000.0);
        }
        return null;
    }

    /**
     * Watches the dispatch side (when {@code dispatchLinkTimeout} is not zero); fires once per loss.
     *
     * @param phase the current phase
     * @return the loss, or null
     */
    public @Nullable FailsafeSignal watchDispatchLink(FlightPhase phase) {
        long now = clockMs.getAsLong();
        if (!cfg.dispatchLinkTimeout().isZero() && !dispatchLost
                && now - dispatchLastMs > cfg.dispatchLinkTimeout().toMillis() && !phase.isTerminal()) {
            dispatchLost = true;
            return new FailsafeSignal.DispatchLinkLost((now - dispatchLastMs) / 1000);
        }
        return null;
    }

    /**
     * The in-flight checks (ARM and the airborne phases), in order: unrequested mode change, navigation, battery
     * reserve, predicted breach. Nothing while the autopilot link is lost or the flight has yielded.
     *
     * @param s what the flight is doing
     * @return the first failsafe that fires, or null
     */
    public @Nullable FailsafeSignal watchInFlight(Situation s) {
        if (autopilotLost || s.yielded()) {
            return null;
        }
        if (s.expectedMode() != null && s.modeConfirmed() && !t.modeName().equals(s.expectedMode())) {
            return modeChange();
        }
        FlightPhase phase = s.phase();
        if (!phase.isAirborne()) {
            return null;
        }
        if (!navLost && s.strategy() != null && !s.strategy().navigationHealthy(t)) {
            navLost = true;
            navLostSinceMs = clockMs.getAsLong();
            return new FailsafeSignal.NavigationLost(t.gpsFixType(), t.ekfFlags());
        }
        long now = clockMs.getAsLong();
        FlightConfig.Failsafes f = cfg.failsafes();
        if (!batteryReturn && s.watchBattery() && now - lastReserveCheckMs >= f.reserveCheckPeriod().toMillis()) {
            lastReserveCheckMs = now;
            OptionalDouble avail = energy.availableWh(t.batteryPercent());
            if (avail.isPresent()) {
                double need = energy.returnRequiredWh(s.returnDistanceM().getAsDouble(), cfg.cruiseSpeedMps(),
                        Math.max(0, t.altitudeRelM()), cfg.descentRateMps());
                if (avail.getAsDouble() < need) {
                    batteryReturn = true;
                    return new FailsafeSignal.BatteryReserve(avail.getAsDouble(), need);
                }
            }
        }
        if ((phase == FlightPhase.TRANSIT || phase == FlightPhase.ON_SCENE || phase == FlightPhase.RETURN)
                && !s.braking() && now - lastBreachMs > f.breachCheckPeriod().toMillis()
                && t.positionAgeMs() < f.breachPositionMaxAge().toMillis()) {
            double toLegEnd = Double.POSITIVE_INFINITY;
            if (phase != FlightPhase.ON_SCENE) {
                toLegEnd = s.metresToLegEnd().getAsDouble() / Math.max(f.breachMinSpeedMps(), t.groundSpeedMps());
            }
            double tb = breach.check(fence, s.here(), t.velEastMps(), t.velNorthMps(), t.velUpMps(), toLegEnd);
            if (!Double.isNaN(tb)) {
                lastBreachMs = now;
                return new FailsafeSignal.PredictedBreach(tb, t.groundSpeedMps());
            }
        }
        return null;
    }

    private FailsafeSignal modeChange() {
        boolean breached = t.fenceBreachStatus() == FENCE_BREACHED;
        boolean recentText = clockMs.getAsLong() - lastFailsafeTextMs < cfg.failsafes().statusTextWindow().toMillis();
        String lower = lastFailsafeText.toLowerCase(Locale.ROOT);
        FailsafeKind kind = breached ? FailsafeKind.FENCE_BREACH_REPORTED
                : navLost ? FailsafeKind.NAVIGATION_LOST
                : recentText && lower.contains("battery") ? FailsafeKind.BATTERY_RESERVE
                : recentText && lower.matches(".*(ekf|gps).*") ? FailsafeKind.NAVIGATION_LOST
                : FailsafeKind.PILOT_TAKEOVER;
        if (kind == FailsafeKind.PILOT_TAKEOVER && !recentText) {
            unexplainedChangeMs = clockMs.getAsLong();
        }
        String who = kind == FailsafeKind.PILOT_TAKEOVER ? "a pilot (or the autopilot) has the drone"
                : "the autopilot's own failsafe has the drone" + (recentText ? " (\"" + lastFailsafeText + "\")" : "");
        String reason = (navLost ? "navigation lost; " : "") + "mode changed to " + t.modeName()
                + " without our request" + (breached ? " after the autopilot reported a fence breach" : "") + ": "
                + who + "; we stop commanding, keep streaming";
        return new FailsafeSignal.UnrequestedModeChange(kind, reason);
    }

    /**
     * While the flight is not in command (yielded, or navigation lost): has the vehicle landed, or has navigation
     * recovered? Nothing while the autopilot link is lost.
     *
     * @param yielded  whether the flight yielded to a pilot or the autopilot
     * @param strategy the autopilot's strategy
     * @return landed, recovered, or null
     */
    public @Nullable FailsafeSignal watchWhileNotInCommand(boolean yielded, @Nullable FlavourStrategy strategy) {
        if (autopilotLost) {
            return null;
        }
        if (!t.armed() && t.landedState() <= MAV_LANDED_STATE_ON_GROUND && t.altitudeRelM() < cfg.steps().airborneAltitudeM()) {
            return new FailsafeSignal.LandedWithoutUs();
        }
        if (navLost && !yielded && Objects.requireNonNull(strategy, "heard before nav is judged").navigationHealthy(t)
                && clockMs.getAsLong() - navLostSinceMs > cfg.failsafes().navigationRecoveryHold().toMillis()) {
            navLost = false;
            return new FailsafeSignal.NavigationRecovered();
        }
        return null;
    }

    /** @return whether the autopilot link is lost now */
    public boolean autopilotLost() {
        return autopilotLost;
    }

    /** @return whether navigation is lost now */
    public boolean navigationLost() {
        return navLost;
    }

    /** @return whether the battery-reserve failsafe has sent the flight home */
    public boolean batteryReturning() {
        return batteryReturn;
    }

    /** @return whether the dispatch link is lost now */
    public boolean dispatchLost() {
        return dispatchLost;
    }
}

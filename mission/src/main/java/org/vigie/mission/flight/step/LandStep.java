package org.vigie.mission.flight.step;

import java.util.Locale;
import java.util.Objects;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.VehicleTelemetry;

/**
 * LAND: asks for the strategy's land mode (again when HEARTBEAT does not show it after {@code landModeRetry}) and waits
 * for the vehicle to be landed and disarmed, then tells the state machine ({@link StepHost#landed}). Warns while it
 * takes longer than the descent should.
 *
 * <p>Stages: REQUEST -&gt; DESCENDING (-&gt; REQUEST again).
 */
public final class LandStep extends FlightStep {

    /** MAV_LANDED_STATE_ON_GROUND (UNDEFINED, 0, counts as on the ground too). */
    private static final int MAV_LANDED_STATE_ON_GROUND = 1;

    private enum Stage { REQUEST, DESCENDING }

    private Stage stage = Stage.REQUEST;
    private long deadlineMs;
    private long requestedMs;
    private long lastWarnMs = -1_000_000_000L;

    /** @param host the state machine */
    public LandStep(StepHost host) {
        super(host);
    }

    /** Asks for the land mode again at the next run (the request may have been lost). */
    public void again() {
        stage = Stage.REQUEST;
    }

    @Override
    public void linkBack() {
        again();
    }

    /** {@inheritDoc} <p>Yes: it judges on position and altitude. */
    @Override
    public boolean reactsToPosition() {
        return true;
    }

    @Override
    protected void step(long now) {
        VehicleTelemetry t = host.telemetry();
        FlightConfig.Steps cfg = host.cfg().steps();
        String landMode = Objects.requireNonNull(host.strategy(), "the autopilot was heard").landMode();
        if (stage == Stage.REQUEST) {
            stage = Stage.DESCENDING;
            deadlineMs = now + (long) (1000 * (t.altitudeRelM() / host.cfg().descentRateMps()) * cfg.landTimeFactor())
                    + cfg.landDeadlineSlack().toMillis();
            requestedMs = now;
            host.requestMode(landMode, this, () -> {
            });
            return;
        }
        if (t.armed() && !t.modeName().equals(landMode) && now - requestedMs > cfg.landModeRetry().toMillis()) {
            stage = Stage.REQUEST;
            return;
        }
        if (!t.armed() && t.landedState() <= MAV_LANDED_STATE_ON_GROUND) {
            finish();
            GeoPoint home = new GeoPoint(t.homeLatDeg(), t.homeLonDeg(), 0);
            host.landed("landed and disarmed at home" + String.format(Locale.ROOT, " (%.1f m from home)",
                    host.horizontalM(host.here(), home)));
        } else if (now > deadlineMs && now - lastWarnMs > cfg.warnPeriod().toMillis()) {
            lastWarnMs = now;
            host.warn("still not landed and disarmed (altitude " + fmt(t.altitudeRelM()) + " m)");
        }
    }
}

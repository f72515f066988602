package org.vigie.mission.flight.step;

import java.util.List;
import java.util.Locale;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.link.command.CommandOutcome;
import org.vigie.link.command.CommandResult;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.VehicleTelemetry;

/**
 * TRANSIT and RETURN: flies a planned route as GUIDED legs, one acknowledged DO_REPOSITION per leg, each leg
 * confirmed from GLOBAL_POSITION_INT before the next is sent. A leg without progress for {@code resendAfter} is sent
 * again (up to {@code maxResends} times); an unanswered or temporarily rejected leg is sent again at once; each leg has
 * a deadline from its length. Outbound, a refusal or a missed deadline returns home; on the way home it lands where it
 * is (never a straight-line RTL that could cross an exclusion zone). The last leg reached enters ON_SCENE (outbound)
 * or LAND (home).
 *
 * <p>The route's first leg also sets the cruise speed (MAV_CMD_DO_CHANGE_SPEED, ground speed): ArduCopter ignores the
 * speed field of DO_REPOSITION and would fly at its WPNAV_SPEED.
 *
 * <p>Stages per leg: SEND -&gt; FLYING -&gt; (SEND again) -&gt; next leg.
 */
public final class LegStep extends FlightStep {

    private final List<GeoPoint> legs;
    private final boolean outbound;
    private int index;
    private boolean sent;
    private int resends;
    private long deadlineMs;
    private double bestM;
    private long progressMs;
    private boolean speedSet;

    /**
     * @param host     the state machine
     * @param legs     the waypoints to fly, in order (not empty)
     * @param outbound true to the scene, false home
     */
    public LegStep(StepHost host, List<GeoPoint> legs, boolean outbound) {
        super(host);
        this.legs = List.copyOf(legs);
        this.outbound = outbound;
    }

    /** @return the waypoints of this route */
    public List<GeoPoint> legs() {
        return legs;
    }

    /** @return the index of the waypoint being flown to (== size once all are reached) */
    public int index() {
        return index;
    }

    /** @return whether this route leads to the scene */
    public boolean outbound() {
        return outbound;
    }

    @Override
    public void linkBack() {
        sent = false;
    }

    /** {@inheritDoc} <p>Yes: it judges on position and altitude. */
    @Override
    public boolean reactsToPosition() {
        return true;
    }

    @Override
    protected void step(long now) {
        if (host.phase() == FlightPhase.TRANSIT && outbound && host.takeRelease()) {
            host.enter(FlightPhase.RETURN, "released by the dispatcher before reaching the scene");
            return;
        }
        if (index >= legs.size()) {
            done();
            return;
        }
        FlightConfig cfg = host.cfg();
        FlightConfig.Legs lc = cfg.legs();
        VehicleTelemetry t = host.telemetry();
        GeoPoint wp = legs.get(index);
        if (!sent) {
            send(now, wp, t, cfg);
            return;
        }
        double dh = host.horizontalM(host.here(), wp);
        double dv = Math.abs(t.altitudeRelM() - wp.altitudeRelM());
        if (dh + dv < bestM - lc.progressStepM()) {
            bestM = dh + dv;
            progressMs = now;
        } else if (now - progressMs > lc.resendAfter().toMillis() && resends < lc.maxResends()) {
            resends++;
            sent = false;
            host.warn(String.format(Locale.ROOT, "no progress to waypoint %d/%d for %d s (%.0f m away): sending it "
                    + "again", index + 1, legs.size(), lc.resendAfter().toSeconds(), dh));
            return;
        }
        if (dh <= cfg.acceptanceRadiusM() && dv <= cfg.altitudeToleranceM() + lc.arrivalSlackM()) {
            index++;
            resends = 0;
            sent = false;
            if (index >= legs.size()) {
                done();
            }
            return;
        }
        if (now > deadlineMs) {
            String why = String.format(Locale.ROOT, "no progress to waypoint %d/%d (%.0f m away) before its deadline",
                    index + 1, legs.size(), dh);
            if (outbound) {
                host.enter(FlightPhase.RETURN, why + "; returning");
            } else {
                host.failsafeLand(why + " on the way home");
            }
        }
    }

    private void send(long now, GeoPoint wp, VehicleTelemetry t, FlightConfig cfg) {
        sent = true;
        double dist = host.horizontalM(host.here(), wp);
        double dz = Math.abs(wp.altitudeRelM() - t.altitudeRelM());
        if (resends == 0) {
            double f = cfg.legs().deadlineTimeFactor();
            deadlineMs = now + (long) (1000 * (f * dist / cfg.cruiseSpeedMps() + f * dz / cfg.descentRateMps()))
                    + cfg.legs().deadlineSlack().toMillis();
        }
        bestM = dist + dz;
        progressMs = now;
        int idx = index;
        if (!speedSet) {
            // ArduCopter flies DO_REPOSITION at WPNAV_SPEED and ignores its speed field (measured on SITL): the
            // planned cruise speed, which the ETA and the energy budget assume, is set once per route
            speedSet = true;
            await(host.ctx().commands().changeSpeed(cfg.cruiseSpeedMps()), o -> {
                if (!o.accepted()) {
                    host.warn("the autopilot refused the cruise speed of " + cfg.cruiseSpeedMps() + " m/s: "
                            + o.result() + describe(o) + "; it flies at its own speed");
                }
            });
        }
        await(host.ctx().commands().reposition(wp.latDeg(), wp.lonDeg(), wp.altitudeRelM(), true,
                cfg.cruiseSpeedMps()), o -> {
                    if (!o.accepted() && index == idx) {
                        refused(wp, o);
                    }
                });
    }

    private void refused(GeoPoint wp, CommandOutcome o) {
        if (o.result() == CommandResult.TIMEOUT || o.result() == CommandResult.TEMPORARILY_REJECTED) {
            // no answer is not a refusal: send the leg again (the progress deadline still bounds it)
            sent = false;
            return;
        }
        String why = "the autopilot refused waypoint " + wp.latLonText() + ": " + o.result() + describe(o);
        if (outbound && host.phase() == FlightPhase.TRANSIT) {
            host.enter(FlightPhase.RETURN, why + "; returning");
        } else if (host.phase() == FlightPhase.RETURN) {
            // never hand over to a straight-line RTL (it can cross an exclusion zone): land where we are
            host.failsafeLand(why + " on the way home");
        }
    }

    private void done() {
        if (host.phase() == FlightPhase.TRANSIT) {
            host.enter(FlightPhase.ON_SCENE, String.format(Locale.ROOT, "on scene %.0f m from the target",
                    host.horizontalM(host.here(), host.target())));
        } else if (host.phase() == FlightPhase.RETURN) {
            host.enter(FlightPhase.LAND, "above home, landing");
        }
    }
}

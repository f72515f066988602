package org.vigie.mission.flight.step;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.OrbitPlan;

/**
 * ON_SCENE: points the camera's region of interest at the target and, for the dispatch's on-scene time, orbits the
 * target at the configured radius and height ({@link FlightConfig.OnScene}) where the whole orbit keeps the district's
 * margin ({@link OrbitPlan}); otherwise it holds the vantage point (the last leg's position, the autopilot's hold).
 * Then (or when the dispatcher releases the flight) it enters RETURN.
 *
 * <p>The orbit is flown as GUIDED position targets, one DO_REPOSITION per point, the next sent once the point is
 * within the acceptance radius; the region of interest is sent again after each (ArduCopter resets its yaw mode with a
 * new destination). A point not reached within its deadline ends the orbit: the flight holds where it is.
 */
public final class OnSceneStep extends FlightStep {

    private boolean pointed;
    private long untilMs;
    private @Nullable List<GeoPoint> orbit;
    private int next;
    private boolean sent;
    private long pointDeadlineMs;

    /** @param host the state machine */
    public OnSceneStep(StepHost host) {
        super(host);
    }

    /** @return when the on-scene time ends, flight clock milliseconds (0 before the step started) */
    public long untilMs() {
        return untilMs;
    }

    /** @return the orbit being flown, empty when holding */
    public List<GeoPoint> orbit() {
        return orbit == null ? List.of() : orbit;
    }

    @Override
    public boolean reactsToPosition() {
        return orbit != null;
    }

    @Override
    public void linkBack() {
        sent = false;
    }

    @Override
    protected void step(long now) {
        if (!pointed) {
            pointed = true;
            untilMs = now + host.request().onSceneTime().toMillis();
            timerAt(untilMs, () -> host.enter(FlightPhase.RETURN, "on-scene time of "
                    + host.request().onSceneTime().toSeconds() + " s done"
                    + (host.dispatchLost() ? " (dispatch link lost)" : "")));
            pointRoi();
            planOrbit();
            return;
        }
        if (host.takeRelease()) {
            host.enter(FlightPhase.RETURN, "released by the dispatcher");
            return;
        }
        if (orbit != null) {
            fly(now, orbit);
        }
    }

    private void pointRoi() {
        var tg = host.target();
        await(host.ctx().commands().setRoiLocation(tg.latDeg(), tg.lonDeg(), 0, true), o -> {
            if (!o.accepted()) {
                host.warn("camera region of interest refused: " + o.result());
            }
        });
    }

    private void planOrbit() {
        FlightConfig.OnScene cfg = host.cfg().onScene();
        if (!cfg.orbits()) {
            return;
        }
        double asked = host.request().altitudeRelM().isPresent() ? host.request().altitudeRelM().getAsDouble()
                : Double.NaN;
        FlightConfig c = host.cfg();
        double v = cfg.orbitSpeedMps();
        double stopM = v * v / (2 * c.brakeDecelerationMps2()) + v * c.breachReactionS();
        OrbitPlan.Result r = OrbitPlan.plan(host.ctx().district(), host.plan().fence(), host.target(), host.here(),
                cfg, asked, stopM);
        if (r instanceof OrbitPlan.Result.Orbit o) {
            orbit = o.points();
            await(host.ctx().commands().changeSpeed(v), x -> {
                if (!x.accepted()) {
                    host.warn("the autopilot refused the orbit speed of " + v + " m/s: " + x.result() + "; holding");
                    orbit = null;
                }
            });
            host.warn(String.format(Locale.ROOT, "orbiting the target at %.0f m, %.0f m high, camera on the target",
                    cfg.orbitRadiusM(), o.points().get(0).altitudeRelM()));
        } else {
            host.warn(((OrbitPlan.Result.Hold) r).reason());
        }
    }

    private void fly(long now, List<GeoPoint> points) {
        GeoPoint p = points.get(next % points.size());
        if (!sent) {
            sent = true;
            double d = host.horizontalM(host.here(), p);
            double dz = Math.abs(host.telemetry().altitudeRelM() - p.altitudeRelM());
            pointDeadlineMs = now + (long) (1000 * (2 * d / host.cfg().onScene().orbitSpeedMps()
                    + 2 * dz / host.cfg().descentRateMps())) + host.cfg().legs().deadlineSlack().toMillis();
            await(host.ctx().commands().reposition(p.latDeg(), p.lonDeg(), p.altitudeRelM(), true,
                    host.cfg().onScene().orbitSpeedMps()), o -> {
                        if (!o.accepted()) {
                            host.warn("the autopilot refused orbit point " + p.latLonText() + ": " + o.result()
                                    + "; holding");
                            orbit = null;
                        }
                    });
            pointRoi();
            return;
        }
        double dh = host.horizontalM(host.here(), p);
        double dv = Math.abs(host.telemetry().altitudeRelM() - p.altitudeRelM());
        FlightConfig c = host.cfg();
        if (dh <= c.acceptanceRadiusM() && dv <= c.altitudeToleranceM() + c.legs().arrivalSlackM()) {
            next++;
            sent = false;
            kick();
        } else if (now > pointDeadlineMs) {
            host.warn(String.format(Locale.ROOT, "orbit point %d not reached in time (%.0f m away): holding here",
                    next % points.size() + 1, dh));
            orbit = null;
            quietlyHold();
        }
    }

    private void quietlyHold() {
        GeoPoint h = host.here();
        await(host.ctx().commands().reposition(h.latDeg(), h.lonDeg(), h.altitudeRelM(), true,
                host.cfg().cruiseSpeedMps()), o -> { });
    }
}

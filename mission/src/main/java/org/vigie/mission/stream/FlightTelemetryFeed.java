package org.vigie.mission.stream;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.vigie.mission.Companion;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.TrackPoint;
import org.vigie.mission.flight.FlightView;
import org.vigie.mission.flight.VehicleTelemetry;
import org.vigie.mission.klv.MetadataPacket;

/**
 * Feeds a {@link TelemetryStream} from flights: one {@link TelemetrySample} per ATTITUDE message (the flight's
 * telemetry rate, through {@link FlightView#addTelemetryObserver}), plus one per decision tick
 * ({@link FlightView#addTickObserver}) when attitude has been silent for {@value #QUIET_MS} ms or the phase
 * changed, so every phase is seen even before the autopilot streams; and a last sample with the terminal phase (DONE,
 * ABORTED, FAILED) when the flight ends. Each phase entered ({@link Flight#addListener}) also gets a sample at once,
 * so a phase shorter than a tick (PREFLIGHT with a ready autopilot) is still seen. The camera footprint comes from the KLV
 * streamer: register {@link #cameraViews(TelemetryStream)} as the streamer's {@code onPacket} listener.
 *
 * <p>What a sample holds: the phase name, position, NED velocity, attitude, battery, link quality (by default from the
 * age of the autopilot's last HEARTBEAT: 100 % up to 1.5 s, falling linearly to 0 % at 5 s), and the ETA. The ETA is
 * the planned time left along the current planned route from the point of it nearest the vehicle (the route's
 * timing is the planner's: cruise speed along the legs, climb rate for altitude changes), to the scene before
 * ON_SCENE (0 while on scene) and to home in RETURN; in LAND it is the height above home over the descent speed.
 * Timestamps are the flight scheduler's clock in microseconds since 1970, never decreasing.
 *
 * <p>Threading: each flight's feed state lives on that flight's event thread, with no locks: samples are built
 * there and handed to {@link TelemetryStream#update}, which never blocks; the flight's listener (callback executor)
 * posts phase entries to the event thread, and the terminal sample too unless it already runs there (a refused
 * dispatch, which has no event thread, publishes its terminal sample from the listener). Construct once and attach to any number of flights (one at a
 * time or concurrently).
 */
public final class FlightTelemetryFeed implements Consumer<Flight> {

    /** Attitude silence after which the decision tick publishes samples, milliseconds. */
    public static final long QUIET_MS = 300;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final TelemetryStream stream;
    private final ToDoubleFunction<FlightView> linkQualityPct;
    private final AtomicLong published = new AtomicLong();

    /**
     * Creates a feed with the heartbeat-age link quality ({@link #heartbeatLinkQuality}).
     *
     * @param stream where samples go
     * @throws IllegalArgumentException if stream is null
     */
    public FlightTelemetryFeed(TelemetryStream stream) {
        this(stream, FlightTelemetryFeed::heartbeatLinkQuality);
    }

    /**
     * Creates a feed.
     *
     * @param stream where samples go
     * @param linkQualityPct link quality of a flight in percent 0..100 (NaN if unknown); called on the event thread
     * @throws IllegalArgumentException if an argument is null
     */
    public FlightTelemetryFeed(TelemetryStream stream, ToDoubleFunction<FlightView> linkQualityPct) {
        if (stream == null || linkQualityPct == null) {
            throw new IllegalArgumentException("stream and link quality function are required");
        }
        this.stream = stream;
        this.linkQualityPct = linkQualityPct;
    }

    /**
     * Creates a feed and attaches it to every flight the companion starts from now on
     * ({@link Companion#onFlightStarted}).
     *
     * @param companion the companion
     * @param stream where samples go
     * @return the feed
     * @throws IllegalArgumentException if an argument is null
     */
    public static FlightTelemetryFeed attach(Companion companion, TelemetryStream stream) {
        if (companion == null) {
            throw new IllegalArgumentException("companion is null");
        }
        FlightTelemetryFeed feed = new FlightTelemetryFeed(stream);
        companion.onFlightStarted(feed);
        return feed;
    }

    /**
     * A listener for {@code MetadataStreamer.Builder.onPacket} that publishes each packet's footprint and privacy
     * state as the stream's camera view.
     *
     * @param stream the stream
     * @return the listener (thread-safe, never blocks)
     * @throws IllegalArgumentException if stream is null
     */
    public static Consumer<MetadataPacket> cameraViews(TelemetryStream stream) {
        if (stream == null) {
            throw new IllegalArgumentException("stream is null");
        }
        return p -> stream.updateCameraView(CameraView.of(p));
    }

    /**
     * Link quality from the age of the autopilot's last HEARTBEAT: 100 % up to 1.5 s, 0 % from 5 s, linear between;
     * NaN before the first heartbeat. Event thread only.
     *
     * @param c the flight
     * @return percent 0..100 or NaN
     */
    public static double heartbeatLinkQuality(FlightView c) {
        VehicleTelemetry t = c.telemetry();
        if (!t.heard()) {
            return Double.NaN;
        }
        double age = t.heartbeatAgeMs();
        return Math.max(0, Math.min(100, 100 * (5000 - age) / 3500));
    }

    /**
     * Attaches the feed to one flight (a refused dispatch, which has no controller, gets only its terminal sample).
     *
     * @param flight the flight
     */
    @Override
    public void accept(Flight flight) {
        Objects.requireNonNull(flight, "flight");
        PerFlight pf = new PerFlight();
        java.util.Optional<FlightView> controller = Companion.viewOf(flight);
        flight.addListener(e -> {
            if (e instanceof FlightEvent.PhaseChanged p) {
                if (p.to().isTerminal()) {
                    Runnable finish = () -> pf.finish(p.to(), p.at());
                    if (controller.isEmpty() || controller.get().scheduler().inEventThread()) {
                        finish.run();
                    } else {
                        controller.get().scheduler().execute(finish);
                    }
                } else {
                    controller.ifPresent(c -> c.scheduler().execute(() -> pf.entered(c, p.to())));
                }
            }
        });
        controller.ifPresent(c -> {
            // the first phase: flight events reach the listener above through the callback thread, after the
            // first tick may already have left PREFLIGHT
            c.scheduler().execute(() -> pf.entered(c, c.phase()));
            c.addTelemetryObserver(ctl -> pf.sample(ctl, false));
            c.addTickObserver(ctl -> pf.sample(ctl, true));
        });
    }

    /** @return samples published to the stream so far (all flights) */
    public long samplesPublished() {
        return published.get();
    }

    /** State of the feed for one flight: on its event thread (the listener's thread for a refused dispatch). */
    private final class PerFlight {
        private @Nullable TelemetrySample last;
        private boolean finished;
        private long lastMicros = Long.MIN_VALUE;
        private long lastAttitudeSampleMs = Long.MIN_VALUE / 2;
        private @Nullable FlightPhase lastPhase;

        /** Event thread. */
        void sample(FlightView c, boolean fromTick) {
            if (finished) {
                return;
            }
            long nowMs = c.scheduler().monotonicMs();
            FlightPhase phase = c.phase();
            if (phase.isTerminal()) {
                return;
            }
            if (fromTick && phase == lastPhase && nowMs - lastAttitudeSampleMs < QUIET_MS) {
                return;
            }
            if (!fromTick) {
                lastAttitudeSampleMs = nowMs;
            }
            lastPhase = phase;
            publish(build(c, phase, micros(c.scheduler().now())));
        }

        /** Event thread: a phase was entered; publish at once unless already seen or already left. */
        void entered(FlightView c, FlightPhase phase) {
            if (finished || phase == lastPhase || c.phase() != phase) {
                return;
            }
            lastPhase = phase;
            publish(build(c, phase, micros(c.scheduler().now())));
        }

        /** Event thread (the listener's thread for a refused dispatch). */
        void finish(FlightPhase terminal, Instant at) {
            if (finished) {
                return;
            }
            finished = true;
            TelemetrySample l = last;
            long t = Math.max(micros(at), l == null ? Long.MIN_VALUE : l.timeUtcMicros());
            stream.updateCameraView(null);
            if (l == null) {
                publish(new TelemetrySample(t, terminal.name(), null, null, null, null, Double.NaN, null, null));
            } else {
                publish(new TelemetrySample(t, terminal.name(), l.position(), l.velocity(), l.attitude(),
                        l.battery(), l.linkQualityPct(), null, null));
            }
        }

        private void publish(TelemetrySample s) {
            if (s.timeUtcMicros() < lastMicros) {
                s = new TelemetrySample(lastMicros, s.flightPhase(), s.position(), s.velocity(), s.attitude(),
                        s.battery(), s.linkQualityPct(), s.eta(), s.camera());
            }
            lastMicros = s.timeUtcMicros();
            last = s;
            stream.update(s);
            published.incrementAndGet();
        }

        private TelemetrySample build(FlightView c, FlightPhase phase, long micros) {
            VehicleTelemetry t = c.telemetry();
            TelemetrySample.Position pos = Double.isNaN(t.latDeg()) ? null
                    : new TelemetrySample.Position(t.latDeg(), t.lonDeg(), t.altitudeAmslM(), t.altitudeRelM());
            TelemetrySample.Velocity vel = pos == null || Double.isNaN(t.velNorthMps()) ? null
                    : new TelemetrySample.Velocity(t.velNorthMps(), t.velEastMps(), -t.velUpMps());
            TelemetrySample.Attitude att = t.attitudeAgeMs() > 2000 || Double.isNaN(t.rollRad()) ? null
                    : new TelemetrySample.Attitude(Math.toDegrees(t.rollRad()), Math.toDegrees(t.pitchRad()),
                            (Math.toDegrees(t.yawRad()) + 360) % 360);
            int pct = t.batteryPercent();
            double volts = t.batteryVoltageV();
            TelemetrySample.Battery bat = pct < 0 && !(volts > 0) ? null
                    : new TelemetrySample.Battery(volts > 0 ? volts : Double.NaN, pct < 0 ? Double.NaN : pct);
            TelemetrySample.Eta eta = pos == null ? null : eta(phase, c.plannedRoutes(), c.request(), t);
            return new TelemetrySample(micros, phase.name(), pos, vel, att, bat, linkQualityPct.applyAsDouble(c), eta,
                    null);
        }
    }

    private static TelemetrySample.@Nullable Eta eta(FlightPhase phase, List<List<TrackPoint>> routes,
            DispatchRequest req, VehicleTelemetry t) {
        double homeLat = t.homeKnown() ? t.homeLatDeg() : Double.NaN;
        double homeLon = t.homeKnown() ? t.homeLonDeg() : Double.NaN;
        if (Double.isNaN(homeLat) && !routes.isEmpty() && !routes.get(0).isEmpty()) {
            homeLat = routes.get(0).get(0).latDeg();
            homeLon = routes.get(0).get(0).lonDeg();
        }
        switch (phase) {
            case PREFLIGHT, UPLOAD, ARM, TAKEOFF, TRANSIT -> {
                double s = remainingPlannedS(routes, true, req.targetLatDeg(), req.targetLonDeg(), homeLat, homeLon,
                        t.latDeg(), t.lonDeg());
                return Double.isNaN(s) ? null : new TelemetrySample.Eta(TelemetrySample.EtaTarget.SCENE, s);
            }
            case ON_SCENE -> {
                return new TelemetrySample.Eta(TelemetrySample.EtaTarget.SCENE, 0);
            }
            case RETURN -> {
                double s = remainingPlannedS(routes, false, req.targetLatDeg(), req.targetLonDeg(), homeLat, homeLon,
                        t.latDeg(), t.lonDeg());
                return Double.isNaN(s) ? null : new TelemetrySample.Eta(TelemetrySample.EtaTarget.HOME, s);
            }
            case LAND -> {
                double descentMps = -t.velUpMps();
                if (Double.isNaN(descentMps) || Double.isNaN(t.altitudeRelM())) {
                    return null;
                }
                return new TelemetrySample.Eta(TelemetrySample.EtaTarget.HOME,
                        Math.max(0, t.altitudeRelM()) / Math.max(descentMps, 0.3));
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Planned seconds left along the latest route that ends nearer the scene (toScene) or nearer home (!toScene),
     * from the point of that route nearest (lat, lon); NaN when there is no such route.
     */
    static double remainingPlannedS(List<List<TrackPoint>> routes, boolean toScene, double sceneLat, double sceneLon,
            double homeLat, double homeLon, double lat, double lon) {
        List<TrackPoint> route = null;
        for (int i = routes.size() - 1; i >= 0 && route == null; i--) {
            List<TrackPoint> r = routes.get(i);
            if (r.size() < 2) {
                continue;
            }
            TrackPoint end = r.get(r.size() - 1);
            double dScene = distanceM(end.latDeg(), end.lonDeg(), sceneLat, sceneLon);
            double dHome = Double.isNaN(homeLat) ? Double.POSITIVE_INFINITY
                    : distanceM(end.latDeg(), end.lonDeg(), homeLat, homeLon);
            if ((dScene < dHome) == toScene) {
                route = r;
            }
        }
        if (route == null) {
            return Double.NaN;
        }
        double cosLat = Math.cos(Math.toRadians(lat));
        double best = Double.POSITIVE_INFINITY;
        double timeAtBest = route.get(0).timeS();
        for (int i = 0; i + 1 < route.size(); i++) {
            TrackPoint a = route.get(i);
            TrackPoint b = route.get(i + 1);
            double ax = Math.toRadians(a.lonDeg() - lon) * cosLat * EARTH_RADIUS_M;
            double ay = Math.toRadians(a.latDeg() - lat) * EARTH_RADIUS_M;
            double bx = Math.toRadians(b.lonDeg() - lon) * cosLat * EARTH_RADIUS_M;
            double by = Math.toRadians(b.latDeg() - lat) * EARTH_RADIUS_M;
            double dx = bx - ax;
            double dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double d = Math.hypot(ax + u * dx, ay + u * dy);
            if (d < best) {
                best = d;
                timeAtBest = a.timeS() + u * (b.timeS() - a.timeS());
            }
        }
        return Math.max(0, route.get(route.size() - 1).timeS() - timeAtBest);
    }

    private static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return Math.hypot(x, y) * EARTH_RADIUS_M;
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }
}

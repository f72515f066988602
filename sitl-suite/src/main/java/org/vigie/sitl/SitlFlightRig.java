package org.vigie.sitl;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.Geofence;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightReport;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.FlatTerrain;
import org.vigie.mission.flight.KlvFeed;
import org.vigie.mission.klv.InMemoryMetadataSink;
import org.vigie.mission.klv.MetadataPacket;
import org.vigie.mission.klv.MetadataStreamer;

/**
 * The companion flying a district against a real ArduCopter SITL, as an integrator runs it: SITL started at the
 * district's home, the companion connected over {@code tcpout://} to SERIAL0 with its clock at SITL's speed-up, a
 * MISB ST 0601 stream fed from every flight into memory, and a {@link SitlObserver} on SERIAL1 recording the ground
 * truth. {@link #judge} measures a finished flight on that truth.
 *
 * <p>Threading: the companion has its own event thread and a separate callback executor, as production has; the rig
 * itself is used from one test thread.
 */
public final class SitlFlightRig implements AutoCloseable {

    /** Home altitude above mean sea level given to SITL, metres (Paris). */
    public static final double HOME_AMSL_M = 35;

    private final District district;
    private final @Nullable SitlProcess sitl;
    private final RealtimeScheduler scheduler;
    private final ExecutorService callbacks;
    private final Companion companion;
    private final @Nullable SitlObserver observer;
    private final InMemoryMetadataSink klv;
    private final MetadataStreamer streamer;

    private SitlFlightRig(District district, @Nullable SitlProcess sitl, RealtimeScheduler scheduler,
            ExecutorService callbacks, Companion companion, @Nullable SitlObserver observer, MetadataStreamer streamer,
            InMemoryMetadataSink klv) {
        this.klv = klv;
        this.district = district;
        this.sitl = sitl;
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.companion = companion;
        this.observer = observer;
        this.streamer = streamer;
    }

    /**
     * Starts SITL at the district's home and attaches the companion and the observer.
     *
     * @param installation where SITL is
     * @param district     the district
     * @param options      the companion's options
     * @param speedUp      SITL's speed-up; the companion's clock runs at the same rate
     * @return the rig
     * @throws IOException if SITL cannot start or the companion does not hear it within 30 s
     */
    public static SitlFlightRig start(SitlInstallation installation, District district, CompanionOptions options,
            double speedUp) throws IOException {
        GeoPoint home = district.home();
        SitlProcess sitl = SitlProcess.start(installation, home.latDeg(), home.lonDeg(), HOME_AMSL_M, speedUp,
                Duration.ofSeconds(30));
        RealtimeScheduler scheduler = new RealtimeScheduler("companion-sitl-" + sitl.instance(), speedUp,
                Clock.systemUTC());
        ExecutorService callbacks = callbackExecutor("sitl-" + sitl.instance());
        Companion companion = null;
        try {
            companion = connect(sitl.companionConnection(), district, options, scheduler, callbacks,
                    () -> "SITL:\n" + sitl.consoleTail(20));
            SitlObserver observer = SitlObserver.attach(sitl);
            InMemoryMetadataSink klv = new InMemoryMetadataSink();
            MetadataStreamer streamer = klvStream(scheduler, companion, klv, "Vigie SITL");
            return new SitlFlightRig(district, sitl, scheduler, callbacks, companion, observer, streamer, klv);
        } catch (IOException | RuntimeException e) {
            if (companion != null) {
                companion.close();
            }
            scheduler.close();
            callbacks.shutdown();
            sitl.close();
            throw e;
        }
    }

    private static ExecutorService callbackExecutor(String tag) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "companion-callbacks-" + tag);
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects the companion and waits (30 s, wall clock) until it has heard the autopilot. */
    private static Companion connect(String connection, District district, CompanionOptions options,
            RealtimeScheduler scheduler, ExecutorService callbacks, java.util.function.Supplier<String> diagnostics)
            throws IOException {
        Companion companion = Companion.connect(connection, district, options, scheduler, callbacks);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (companion.port().vehicle().isEmpty()) {
            if (System.nanoTime() > deadline) {
                companion.close();
                throw new IOException("the companion did not hear the autopilot on " + connection
                        + " within 30 s; " + diagnostics.get());
            }
            sleepMs(20);
        }
        return companion;
    }

    /** A MISB ST 0601 stream into memory, fed from every flight of the companion, started. */
    private static MetadataStreamer klvStream(RealtimeScheduler scheduler, Companion companion,
            InMemoryMetadataSink klv, String designation) {
        MetadataStreamer streamer = MetadataStreamer.builder(scheduler, new FlatTerrain(HOME_AMSL_M))
                .platformDesignation(designation).sink(klv).build();
        CameraModel camera = CameraModel.of(60, 45);
        companion.onFlightStarted(f -> Companion.viewOf(f).ifPresent(c -> c.addTelemetryObserver(
                new KlvFeed(streamer, camera))));
        streamer.start();
        return streamer;
    }

    private static void sleepMs(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** @return the MISB ST 0601 packets streamed so far */
    public List<MetadataPacket> klvPackets() {
        return klv.packets();
    }

    /** @return the companion */
    public Companion companion() {
        return companion;
    }

    /** @return the ground-truth observer (null on the simulator backend) */
    public @Nullable SitlObserver observer() {
        return observer;
    }

    /** @return the SITL process (null on the simulator backend) */
    public @Nullable SitlProcess sitl() {
        return sitl;
    }

    /**
     * The same rig over Vigie's simulated ArduCopter instead of SITL, for side-by-side measurements: the simulator on
     * a UDP loopback port with its own clock at the same speed-up, the companion connected with {@code udpout://}.
     * There is no SERIAL1 observer ({@link #observer()} and {@link #judge()} are for SITL).
     *
     * @param district the district
     * @param options  the companion's options
     * @param speedUp  the simulator's and the companion's clock rate
     * @return the rig
     * @throws IOException if the sockets cannot be opened or the companion does not hear the simulator in 30 s
     */
    public static SitlFlightRig simulator(District district, CompanionOptions options, double speedUp)
            throws IOException {
        GeoPoint home = district.home();
        RealtimeScheduler air = new RealtimeScheduler("sim-rig", speedUp, Clock.systemUTC());
        org.vigie.link.transport.UdpInTransport simSide = (org.vigie.link.transport.UdpInTransport)
                org.vigie.link.transport.Transports.open("udpin://127.0.0.1:0");
        org.vigie.sim.SimVehicle sim = new org.vigie.sim.SimVehicle(org.vigie.sim.SimConfig.builder().fastBoot()
                .home(home.latDeg(), home.lonDeg(), HOME_AMSL_M).build(), air, simSide).start();
        RealtimeScheduler scheduler = new RealtimeScheduler("companion-sim-rig", speedUp, Clock.systemUTC());
        ExecutorService callbacks = callbackExecutor("sim");
        Companion companion;
        try {
            companion = connect("udpout://127.0.0.1:" + simSide.localAddress().getPort(), district, options,
                    scheduler, callbacks, () -> "the simulator " + (sim.panicked() == null ? "runs" : "stopped: "
                            + sim.panicked()));
        } catch (IOException | RuntimeException e) {
            scheduler.close();
            callbacks.shutdown();
            sim.close();
            air.close();
            throw e;
        }
        InMemoryMetadataSink klv = new InMemoryMetadataSink();
        MetadataStreamer streamer = klvStream(scheduler, companion, klv, "Vigie simulator");
        SitlFlightRig rig = new SitlFlightRig(district, null, scheduler, callbacks, companion, null, streamer, klv);
        rig.simulator = sim;
        rig.simulatorScheduler = air;
        return rig;
    }

    private org.vigie.sim.@Nullable SimVehicle simulator;
    private @Nullable RealtimeScheduler simulatorScheduler;

    /** @return the district flown */
    public District district() {
        return district;
    }

    /** @return the companion's clock (simulated time at SITL's speed-up) */
    public RealtimeScheduler scheduler() {
        return scheduler;
    }

    /**
     * Dispatches and returns the flight at once.
     *
     * @param request the dispatch
     * @return the flight
     */
    public Flight dispatch(DispatchRequest request) {
        return companion.dispatch(request);
    }

    /**
     * Waits for a flight's report.
     *
     * @param flight     the flight
     * @param wallTimeout how long to wait, wall-clock
     * @return the report
     * @throws IllegalStateException naming the phase it was in when the flight did not end in time
     */
    public FlightReport await(Flight flight, Duration wallTimeout) throws Exception {
        try {
            return flight.report().get(wallTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("flight " + flight.request().alertId() + " still in " + flight.phase()
                    + " after " + wallTimeout + (sitl == null ? "" : "; SITL says:\n" + sitl.consoleTail(15)));
        }
    }

    /**
     * What the ground truth says of the flight so far.
     *
     * @param samples         true positions recorded
     * @param breaches        samples outside the district or inside an exclusion zone
     * @param minClearanceM   the least distance from any sample to the district's boundary or an exclusion zone,
     *                        metres (negative: a breach)
     * @param maxAltitudeRelM the highest relative altitude seen, metres
     * @param finalFromHomeM  distance of the last sample from home, metres
     */
    public record Judgement(int samples, int breaches, double minClearanceM, double maxAltitudeRelM,
            double finalFromHomeM) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d true positions, %d breaches, closest %.1f m to a boundary,"
                    + " highest %.0f m, ended %.1f m from home", samples, breaches, minClearanceM, maxAltitudeRelM,
                    finalFromHomeM);
        }
    }

    /**
     * Judges the flight on SITL's ground truth (SIMSTATE), not on the EKF's belief.
     *
     * @return the judgement
     * @throws IllegalStateException when SITL sent no SIMSTATE
     */
    public Judgement judge() {
        if (observer == null) {
            throw new IllegalStateException("the simulator backend has no SERIAL1 observer to judge on");
        }
        List<SitlObserver.TruthSample> truth = observer.truth();
        if (truth.isEmpty()) {
            throw new IllegalStateException("SITL sent no SIMSTATE: the flight cannot be judged on ground truth");
        }
        Geofence fence = district.geofence();
        int breaches = 0;
        double minClearance = Double.POSITIVE_INFINITY;
        double maxAlt = 0;
        for (SitlObserver.TruthSample s : truth) {
            GeoPoint p = GeoPoint.of(s.latDeg(), s.lonDeg());
            double d = fence.signedDistanceM(p);
            if (!fence.contains(p)) {
                breaches++;
            }
            if (s.altitudeRelM() > 1) {
                minClearance = Math.min(minClearance, d);
            }
            if (!Double.isNaN(s.altitudeRelM())) {
                maxAlt = Math.max(maxAlt, s.altitudeRelM());
            }
        }
        SitlObserver.TruthSample last = truth.get(truth.size() - 1);
        double fromHome = Geodesy.distanceM(district.home(), GeoPoint.of(last.latDeg(), last.lonDeg()));
        return new Judgement(truth.size(), breaches, minClearance, maxAlt, fromHome);
    }

    /** @return the exclusion zone a true position entered, or null */
    public @Nullable ExclusionZone exclusionEntered() {
        for (SitlObserver.TruthSample s : Objects.requireNonNull(observer, "SITL backend only").truth()) {
            var z = district.geofence().exclusionAt(GeoPoint.of(s.latDeg(), s.lonDeg()));
            if (z.isPresent()) {
                return z.get();
            }
        }
        return null;
    }

    /** @return the simulated instant now */
    public Instant now() {
        return scheduler.now();
    }

    @Override
    public void close() {
        streamer.stop();
        if (observer != null) {
            observer.close();
        }
        companion.close();
        scheduler.close();
        callbacks.shutdown();
        if (sitl != null) {
            sitl.close();
        }
        if (simulator != null) {
            simulator.close();
            Objects.requireNonNull(simulatorScheduler, "set with the simulator").close();
        }
    }
}

package org.vigie.mission.klv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;
import org.vigie.misb.St0601Encoder;
import org.vigie.mission.camera.CameraGeometry;
import org.vigie.mission.camera.Footprint;
import org.vigie.mission.camera.TerrainModel;
import org.vigie.mission.klv.privacy.PrivacyEvent;
import org.vigie.mission.klv.privacy.PrivacyMonitor;
import org.vigie.mission.klv.privacy.PrivacyPolicy;
import org.vigie.mission.klv.privacy.PrivacyStatus;

/**
 * Turns telemetry snapshots into a rate-limited stream of ST 0601 packets.
 *
 * <p>Drive it by calling {@link #update(MetadataSnapshot)} with the latest values at any rate (each ATTITUDE or
 * position update). Every period (default 100 ms, 10 Hz) of the injected {@link Scheduler}, if a snapshot newer than
 * the last packet arrived and is not older than {@code maxSnapshotAge}, the streamer computes the camera footprint,
 * the privacy verdict (events go to the privacy listener before the packet leaves), encodes the packet and hands a
 * {@link MetadataPacket} to every sink and to the packet listener. A snapshot is never sent twice, so time stamps
 * never repeat; updates faster than the rate are thinned to the latest.
 *
 * <p>Threading: no locks. {@link #update}, {@link #start()} and {@link #stop()} may be called from any thread and
 * take effect at once (atomic references, never blocking). Computation, the privacy monitor and sink calls run on the
 * scheduler's event thread; a sink that throws is logged and counted and does not stop the others.
 */
public final class MetadataStreamer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataStreamer.class);
    private static final Cancellable STARTING = () -> { };

    private final Scheduler scheduler;
    private final Duration period;
    private final long maxAgeNanos;
    private final CameraGeometry geometry;
    private final St0601PacketFactory factory;
    private final org.vigie.mission.minimisation.KlvTagSelection tagSelection;
    private final St0601Encoder encoder = new St0601Encoder();
    private final PrivacyMonitor privacy;
    private final List<MetadataSink> sinks;
    private final @Nullable Consumer<PrivacyEvent> privacyListener;
    private final @Nullable Consumer<MetadataPacket> packetListener;

    private final AtomicReference<Stamped> latest = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skippedStale = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();
    private final AtomicLong computeFailures = new AtomicLong();
    private final AtomicReference<PrivacyStatus> lastPrivacy = new AtomicReference<>(PrivacyStatus.CLEAR);
    /** The periodic emission while started; {@link #STARTING} while {@link #start()} schedules it. */
    private final AtomicReference<Cancellable> task = new AtomicReference<>();
    /** Event thread. */
    private @Nullable Stamped lastSent;

    private record Stamped(MetadataSnapshot snapshot, long receivedNanos) {
    }

    private MetadataStreamer(Builder b) {
        this.scheduler = b.scheduler;
        this.period = b.period;
        this.maxAgeNanos = b.maxSnapshotAge.toNanos();
        this.geometry = new CameraGeometry(b.terrain, b.maxRangeM, CameraGeometry.DEFAULT_OUTLINE_SAMPLES_PER_EDGE);
        this.factory = new St0601PacketFactory(b.platformDesignation);
        this.tagSelection = b.tagSelection;
        this.privacy = new PrivacyMonitor(b.privacyZones, b.privacyPolicy);
        this.sinks = List.copyOf(b.sinks);
        this.privacyListener = b.privacyListener;
        this.packetListener = b.packetListener;
    }

    /**
     * Starts a builder.
     *
     * @param scheduler time source and event thread
     * @param terrain ground model (e.g. {@code TerrainModel.flat(homeAmslM)})
     * @return the builder
     * @throws IllegalArgumentException if an argument is null
     */
    public static Builder builder(Scheduler scheduler, TerrainModel terrain) {
        return new Builder(scheduler, terrain);
    }

    /**
     * Records the latest telemetry; cheap, never blocks.
     *
     * @param snapshot the values, not null
     * @throws IllegalArgumentException if snapshot is null
     */
    public void update(MetadataSnapshot snapshot) {
        if (snapshot == null) {
            throw new IllegalArgumentException("snapshot is null");
        }
        latest.set(new Stamped(snapshot, scheduler.nanoTime()));
    }

    /** Starts periodic emission (idempotent; any thread). */
    public void start() {
        if (!task.compareAndSet(null, STARTING)) {
            return;
        }
        Cancellable t = scheduler.scheduleAtFixedRate(period, period, this::tick);
        if (!task.compareAndSet(STARTING, t)) {
            t.cancel();
        }
    }

    /** Stops periodic emission (idempotent; any thread); sinks stay open. No period starts after this returns. */
    public void stop() {
        Cancellable t = task.getAndSet(null);
        if (t != null) {
            t.cancel();
        }
    }

    /** Stops and closes every sink. */
    @Override
    public void close() {
        stop();
        for (MetadataSink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("closing metadata sink {}: {}", s, e.toString());
            }
        }
    }

    /** @return the privacy verdict of the last packet sent */
    public @Nullable PrivacyStatus lastPrivacy() {
        return lastPrivacy.get();
    }

    /** @return counters */
    public Stats stats() {
        return new Stats(sent.get(), skippedStale.get(), sinkFailures.get(), computeFailures.get());
    }

    /**
     * Counters.
     *
     * @param packetsSent packets handed to the sinks
     * @param skippedStale periods skipped because the latest snapshot was older than the maximum age
     * @param sinkFailures sink calls that threw
     * @param computeFailures snapshots that could not be turned into a packet (e.g. a pose the geodesy rejects);
     *     nothing was sent for them
     */
    public record Stats(long packetsSent, long skippedStale, long sinkFailures, long computeFailures) {
    }

    /** One emission step; runs on the scheduler thread. Package-private for tests. */
    // s == lastSent: identity on purpose, this very snapshot was already sent
    @SuppressWarnings("ReferenceEquality")
    void tick() {
        Stamped s = latest.get();
        if (s == null || s == lastSent) {
            return;
        }
        if (scheduler.nanoTime() - s.receivedNanos() > maxAgeNanos) {
            skippedStale.incrementAndGet();
            return;
        }
        lastSent = s;
        MetadataSnapshot snap = s.snapshot();
        MetadataPacket packet;
        try {
            Footprint footprint = geometry.footprint(snap.pose(), snap.gimbal(), snap.camera());
            PrivacyStatus status = privacy.update(footprint, snap.timeUtcMicros(), snap.gimbal(), snap.camera(),
                    geometry, this::publishPrivacyEvent);
            lastPrivacy.set(status);
            byte[] klv = encoder.encode(tagSelection.apply(factory.build(snap, footprint)));
            packet = new MetadataPacket(snap.timeUtcMicros(), klv, footprint, status);
        } catch (RuntimeException e) {
            computeFailures.incrementAndGet();
            LOG.warn("no metadata packet for snapshot at {} us: {}", snap.timeUtcMicros(), e.toString());
            return;
        }
        for (MetadataSink sink : sinks) {
            try {
                sink.accept(packet);
            } catch (RuntimeException e) {
                sinkFailures.incrementAndGet();
                LOG.warn("metadata sink {} failed: {}", sink, e.toString());
            }
        }
        sent.incrementAndGet();
        if (packetListener != null) {
            try {
                packetListener.accept(packet);
            } catch (RuntimeException e) {
                LOG.warn("metadata packet listener failed: {}", e.toString());
            }
        }
    }

    private void publishPrivacyEvent(PrivacyEvent e) {
        LOG.info("privacy {}", e);
        if (privacyListener != null) {
            try {
                privacyListener.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("privacy listener failed: {}", ex.toString());
            }
        }
    }

    /** Configures a {@link MetadataStreamer}. Not thread-safe. */
    public static final class Builder {
        private final Scheduler scheduler;
        private final TerrainModel terrain;
        private Duration period = Duration.ofMillis(100);
        private Duration maxSnapshotAge = Duration.ofSeconds(1);
        private double maxRangeM = CameraGeometry.DEFAULT_MAX_RANGE_M;
        private String platformDesignation = "Vigie";
        private org.vigie.mission.minimisation.KlvTagSelection tagSelection =
                org.vigie.mission.minimisation.KlvTagSelection.all();
        private List<org.vigie.mission.klv.privacy.PrivacyPolygon> privacyZones = List.of();
        private PrivacyPolicy privacyPolicy = PrivacyPolicy.DEFAULT;
        private final List<MetadataSink> sinks = new ArrayList<>();
        private @Nullable Consumer<PrivacyEvent> privacyListener;
        private @Nullable Consumer<MetadataPacket> packetListener;

        private Builder(Scheduler scheduler, TerrainModel terrain) {
            if (scheduler == null || terrain == null) {
                throw new IllegalArgumentException("scheduler and terrain are required");
            }
            this.scheduler = scheduler;
            this.terrain = terrain;
        }

        /**
         * Emission rate.
         *
         * @param hz packets per second, in (0, 1000]
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder rateHz(double hz) {
            if (!(hz > 0 && hz <= 1000)) {
                throw new IllegalArgumentException("metadata rate " + hz + " Hz must be in (0, 1000]");
            }
            this.period = Duration.ofNanos(Math.round(1e9 / hz));
            return this;
        }

        /**
         * Oldest snapshot still worth sending (default 1 s).
         *
         * @param age the maximum age, positive
         * @return this
         */
        public Builder maxSnapshotAge(Duration age) {
            if (age == null || age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("max snapshot age " + age + " must be positive");
            }
            this.maxSnapshotAge = age;
            return this;
        }

        /**
         * Horizontal range beyond which camera rays count as missing the ground (default 3000 m).
         *
         * @param metres range, positive
         * @return this
         */
        public Builder maxRangeM(double metres) {
            if (!(metres > 0) || Double.isInfinite(metres)) {
                throw new IllegalArgumentException("max range " + metres + " m must be positive");
            }
            this.maxRangeM = metres;
            return this;
        }

        /**
         * ST 0601 platform designation (tag 10), default "Vigie"; null omits it.
         *
         * @param designation the text
         * @return this
         */
        public Builder platformDesignation(String designation) {
            this.platformDesignation = designation;
            return this;
        }

        /**
         * The ST 0601 tags that leave the drone (data minimisation), default all.
         *
         * @param selection the tags sent
         * @return this
         */
        public Builder tagSelection(org.vigie.mission.minimisation.KlvTagSelection selection) {
            this.tagSelection = java.util.Objects.requireNonNull(selection, "selection");
            return this;
        }

        /**
         * Privacy zones and policy.
         *
         * @param zones zones (lon/lat polygons)
         * @param policy margin and steering
         * @return this
         */
        public Builder privacy(List<org.vigie.mission.klv.privacy.PrivacyPolygon> zones, PrivacyPolicy policy) {
            if (zones == null || policy == null) {
                throw new IllegalArgumentException("privacy zones and policy are required");
            }
            this.privacyZones = List.copyOf(zones);
            this.privacyPolicy = policy;
            return this;
        }

        /**
         * Adds a sink.
         *
         * @param sink the sink
         * @return this
         */
        public Builder sink(MetadataSink sink) {
            if (sink == null) {
                throw new IllegalArgumentException("sink is null");
            }
            sinks.add(sink);
            return this;
        }

        /**
         * Listener of privacy entered/left events (called on the scheduler thread, before the packet is sent).
         *
         * @param listener the listener
         * @return this
         */
        public Builder onPrivacyEvent(Consumer<PrivacyEvent> listener) {
            this.privacyListener = listener;
            return this;
        }

        /**
         * Listener of every packet after the sinks (e.g. to feed the telemetry stream's footprint and privacy flag).
         *
         * @param listener the listener
         * @return this
         */
        public Builder onPacket(Consumer<MetadataPacket> listener) {
            this.packetListener = listener;
            return this;
        }

        /** @return the streamer, not started */
        public MetadataStreamer build() {
            return new MetadataStreamer(this);
        }
    }
}

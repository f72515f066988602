package org.vigie.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable configuration of one simulated vehicle. Defaults reproduce the recorded ArduCopter SITL sessions (home
 * 48.8566, 2.3522, 35 m AMSL; first heartbeat 0.92 s after start; GPS 3-D fix at 12.5 s; EKF origin at 19.9 s; EKF
 * using GPS at 41.4 s). Use {@link #builder()} and {@link Builder#fastBoot()} for tests that need a vehicle ready at
 * once.
 *
 * @param flavour autopilot imitated on the wire
 * @param systemId MAVLink system id 1..255
 * @param componentId MAVLink component id 1..255 (autopilot: 1)
 * @param homeLatDeg home latitude, degrees
 * @param homeLonDeg home longitude, degrees
 * @param homeAltAmslM home altitude above mean sea level, metres
 * @param seed seed of every random process (GPS noise, gusts, link faults)
 * @param physicsStep physics and control period (also the telemetry granularity)
 * @param firstHeartbeatDelay delay from {@link SimVehicle#start()} to the first HEARTBEAT
 * @param bootChatter whether to send the boot-time STATUSTEXT and unsolicited PARAM_VALUE burst
 * @param gpsFixDelay time from start to a 3-D GPS fix
 * @param ekfOriginDelay time from start to the EKF origin (home set, HOME_POSITION available)
 * @param ekfReadyDelay time from start to the EKF using GPS (EKF_STATUS_REPORT flags 0x033f, position ok)
 * @param accelsSettleDelay until this time after start, ARM fails with "Arm: Accels inconsistent"
 * @param gpsNoiseM standard deviation of the reported horizontal position error, metres (0 = exact)
 * @param windNorthMps steady wind blowing towards north, m/s
 * @param windEastMps steady wind blowing towards east, m/s
 * @param gustStdMps standard deviation of the gust component, m/s (0 = no gusts)
 * @param maxAirspeedMps the fastest the airframe can fly through the air (lean-angle limit), m/s
 * @param hoverCurrentA battery current in a hover, amperes
 * @param batteryCapacityMah battery capacity (also the BATT_CAPACITY parameter), mAh
 * @param groundTruthCapacity number of ground-truth samples kept (older ones are overwritten)
 * @param fenceStorageBytes ArduCopter's fence storage area, bytes (560 on boards with 16 KiB of storage and in SITL,
 *     304 with 8 KiB); at most {@code fenceStorageBytes / 8} items are taken (PX4: 64 items, no byte layout)
 * @param statesFenceCapacity whether a fence count above the limit is answered with "Only N items are supported"
 *     besides MAV_MISSION_NO_SPACE (ArduCopter 4.x does; an autopilot that does not leaves the companion its default)
 * @param unsignedAcceptedOnChannel0 whether channel 0 accepts every frame even when signing is on (ArduPilot's
 *     first port, usually USB, is exempt from signature checks)
 */
public record SimConfig(Flavour flavour, int systemId, int componentId, double homeLatDeg, double homeLonDeg,
                        double homeAltAmslM, long seed, Duration physicsStep, Duration firstHeartbeatDelay,
                        boolean bootChatter, Duration gpsFixDelay, Duration ekfOriginDelay, Duration ekfReadyDelay,
                        Duration accelsSettleDelay, double gpsNoiseM, double windNorthMps, double windEastMps,
                        double gustStdMps, double maxAirspeedMps, double hoverCurrentA, int batteryCapacityMah,
                        int groundTruthCapacity, int fenceStorageBytes, boolean statesFenceCapacity,
                        boolean unsignedAcceptedOnChannel0) {

    /** Validates every field. */
    public SimConfig {
        Objects.requireNonNull(flavour, "flavour");
        if (fenceStorageBytes < 30 || fenceStorageBytes > 65_535) {
            throw new IllegalArgumentException("fenceStorageBytes must be 30..65535 (a triangle fits in 30), was "
                    + fenceStorageBytes);
        }
        if (systemId < 1 || systemId > 255) {
            throw new IllegalArgumentException("systemId must be 1..255, was " + systemId);
        }
        if (componentId < 1 || componentId > 255) {
            throw new IllegalArgumentException("componentId must be 1..255, was " + componentId);
        }
        if (!(homeLatDeg >= -89 && homeLatDeg <= 89)) {
            throw new IllegalArgumentException("homeLatDeg must be within -89..89, was " + homeLatDeg);
        }
        if (!(homeLonDeg >= -180 && homeLonDeg <= 180)) {
            throw new IllegalArgumentException("homeLonDeg must be within -180..180, was " + homeLonDeg);
        }
        if (!Double.isFinite(homeAltAmslM)) {
            throw new IllegalArgumentException("homeAltAmslM must be finite, was " + homeAltAmslM);
        }
        requirePositive("physicsStep", physicsStep);
        requireNonNegative("firstHeartbeatDelay", firstHeartbeatDelay);
        requireNonNegative("gpsFixDelay", gpsFixDelay);
        requireNonNegative("ekfOriginDelay", ekfOriginDelay);
        requireNonNegative("ekfReadyDelay", ekfReadyDelay);
        requireNonNegative("accelsSettleDelay", accelsSettleDelay);
        if (physicsStep.toMillis() > 200) {
            throw new IllegalArgumentException("physicsStep must be at most 200 ms, was " + physicsStep);
        }
        if (!(gpsNoiseM >= 0) || !(gustStdMps >= 0)) {
            throw new IllegalArgumentException("gpsNoiseM and gustStdMps must be >= 0, were " + gpsNoiseM + ", "
                    + gustStdMps);
        }
        if (!Double.isFinite(windNorthMps) || !Double.isFinite(windEastMps)) {
            throw new IllegalArgumentException("wind must be finite, was " + windNorthMps + ", " + windEastMps);
        }
        if (!(maxAirspeedMps > 1)) {
            throw new IllegalArgumentException("maxAirspeedMps must be > 1, was " + maxAirspeedMps);
        }
        if (!(hoverCurrentA > 0)) {
            throw new IllegalArgumentException("hoverCurrentA must be > 0, was " + hoverCurrentA);
        }
        if (batteryCapacityMah < 100) {
            throw new IllegalArgumentException("batteryCapacityMah must be >= 100, was " + batteryCapacityMah);
        }
        if (groundTruthCapacity < 16) {
            throw new IllegalArgumentException("groundTruthCapacity must be >= 16, was " + groundTruthCapacity);
        }
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static void requireNonNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    /**
     * The defaults of the recorded ArduCopter sessions.
     *
     * @return a configuration for system 1
     */
    public static SimConfig arduCopter() {
        return builder().build();
    }

    /**
     * A builder starting from the recorded ArduCopter defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding these values
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.flavour = flavour;
        b.systemId = systemId;
        b.componentId = componentId;
        b.homeLatDeg = homeLatDeg;
        b.homeLonDeg = homeLonDeg;
        b.homeAltAmslM = homeAltAmslM;
        b.seed = seed;
        b.physicsStep = physicsStep;
        b.firstHeartbeatDelay = firstHeartbeatDelay;
        b.bootChatter = bootChatter;
        b.gpsFixDelay = gpsFixDelay;
        b.ekfOriginDelay = ekfOriginDelay;
        b.ekfReadyDelay = ekfReadyDelay;
        b.accelsSettleDelay = accelsSettleDelay;
        b.gpsNoiseM = gpsNoiseM;
        b.windNorthMps = windNorthMps;
        b.windEastMps = windEastMps;
        b.gustStdMps = gustStdMps;
        b.maxAirspeedMps = maxAirspeedMps;
        b.hoverCurrentA = hoverCurrentA;
        b.batteryCapacityMah = batteryCapacityMah;
        b.groundTruthCapacity = groundTruthCapacity;
        b.fenceStorageBytes = fenceStorageBytes;
        b.statesFenceCapacity = statesFenceCapacity;
        b.unsignedAcceptedOnChannel0 = unsignedAcceptedOnChannel0;
        return b;
    }

    /** Mutable builder of {@link SimConfig}; not thread-safe. Values are validated by {@link #build()}. */
    public static final class Builder {
        private Flavour flavour = Flavour.ARDUCOPTER;
        private int fenceStorageBytes = 560;
        private boolean statesFenceCapacity = true;
        private int systemId = 1;
        private int componentId = 1;
        private double homeLatDeg = 48.8566;
        private double homeLonDeg = 2.3522;
        private double homeAltAmslM = 35.0;
        private long seed = 1;
        private Duration physicsStep = Duration.ofMillis(50);
        private Duration firstHeartbeatDelay = Duration.ofMillis(920);
        private boolean bootChatter = true;
        private Duration gpsFixDelay = Duration.ofMillis(12_500);
        private Duration ekfOriginDelay = Duration.ofMillis(19_930);
        private Duration ekfReadyDelay = Duration.ofMillis(41_400);
        private Duration accelsSettleDelay = Duration.ofSeconds(20);
        private double gpsNoiseM = 0.3;
        private double windNorthMps;
        private double windEastMps;
        private double gustStdMps;
        private double maxAirspeedMps = 18.0;
        private double hoverCurrentA = 14.0;
        private int batteryCapacityMah = 5000;
        private int groundTruthCapacity = 36_000;
        private boolean unsignedAcceptedOnChannel0 = true;

        private Builder() {}

        /** @param v flavour @return this */
        public Builder flavour(Flavour v) { flavour = v; return this; }
        /** @param v system id 1..255 @return this */
        public Builder systemId(int v) { systemId = v; return this; }
        /** @param v component id @return this */
        public Builder componentId(int v) { componentId = v; return this; }
        /**
         * @param latDeg home latitude, degrees
         * @param lonDeg home longitude, degrees
         * @param altAmslM home altitude AMSL, metres
         * @return this
         */
        public Builder home(double latDeg, double lonDeg, double altAmslM) {
            homeLatDeg = latDeg;
            homeLonDeg = lonDeg;
            homeAltAmslM = altAmslM;
            return this;
        }
        /** @param v random seed @return this */
        public Builder seed(long v) { seed = v; return this; }
        /** @param v physics period (at most 200 ms) @return this */
        public Builder physicsStep(Duration v) { physicsStep = v; return this; }
        /** @param v delay before the first heartbeat @return this */
        public Builder firstHeartbeatDelay(Duration v) { firstHeartbeatDelay = v; return this; }
        /** @param v whether boot STATUSTEXT/PARAM_VALUE chatter is sent @return this */
        public Builder bootChatter(boolean v) { bootChatter = v; return this; }
        /** @param v time to 3-D fix @return this */
        public Builder gpsFixDelay(Duration v) { gpsFixDelay = v; return this; }
        /** @param v time to EKF origin / home @return this */
        public Builder ekfOriginDelay(Duration v) { ekfOriginDelay = v; return this; }
        /** @param v time to EKF using GPS @return this */
        public Builder ekfReadyDelay(Duration v) { ekfReadyDelay = v; return this; }
        /** @param v time until accelerometers are consistent @return this */
        public Builder accelsSettleDelay(Duration v) { accelsSettleDelay = v; return this; }
        /** @param v GPS horizontal noise, metres (0 = exact) @return this */
        public Builder gpsNoiseM(double v) { gpsNoiseM = v; return this; }
        /**
         * @param northMps steady wind towards north, m/s
         * @param eastMps steady wind towards east, m/s
         * @param gustStd gust standard deviation, m/s
         * @return this
         */
        public Builder wind(double northMps, double eastMps, double gustStd) {
            windNorthMps = northMps;
            windEastMps = eastMps;
            gustStdMps = gustStd;
            return this;
        }
        /** @param v maximum airspeed, m/s @return this */
        public Builder maxAirspeedMps(double v) { maxAirspeedMps = v; return this; }
        /** @param v hover current, A @return this */
        public Builder hoverCurrentA(double v) { hoverCurrentA = v; return this; }
        /** @param v battery capacity, mAh @return this */
        public Builder batteryCapacityMah(int v) { batteryCapacityMah = v; return this; }
        /** @param v ground-truth samples kept @return this */
        public Builder groundTruthCapacity(int v) { groundTruthCapacity = v; return this; }
        /** @param v ArduCopter's fence storage area, bytes (560 by default) @return this */
        public Builder fenceStorageBytes(int v) { fenceStorageBytes = v; return this; }
        /** @param v whether NO_SPACE comes with "Only N items are supported" (default true) @return this */
        public Builder statesFenceCapacity(boolean v) { statesFenceCapacity = v; return this; }
        /** @param v whether channel 0 is exempt from signature checks (ArduPilot: true) @return this */
        public Builder unsignedAcceptedOnChannel0(boolean v) { unsignedAcceptedOnChannel0 = v; return this; }

        /**
         * A vehicle ready at once: first heartbeat after 10 ms, GPS fix, EKF origin and EKF ready immediately,
         * accelerometers consistent, no boot chatter, no GPS noise. For fast deterministic tests.
         *
         * @return this
         */
        public Builder fastBoot() {
            firstHeartbeatDelay = Duration.ofMillis(10);
            gpsFixDelay = Duration.ZERO;
            ekfOriginDelay = Duration.ZERO;
            ekfReadyDelay = Duration.ZERO;
            accelsSettleDelay = Duration.ZERO;
            bootChatter = false;
            gpsNoiseM = 0;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the immutable configuration
         * @throws IllegalArgumentException if a value is out of range
         */
        public SimConfig build() {
            return new SimConfig(flavour, systemId, componentId, homeLatDeg, homeLonDeg, homeAltAmslM, seed,
                    physicsStep, firstHeartbeatDelay, bootChatter, gpsFixDelay, ekfOriginDelay, ekfReadyDelay,
                    accelsSettleDelay, gpsNoiseM, windNorthMps, windEastMps, gustStdMps, maxAirspeedMps,
                    hoverCurrentA, batteryCapacityMah, groundTruthCapacity, fenceStorageBytes, statesFenceCapacity,
                    unsignedAcceptedOnChannel0);
        }
    }
}

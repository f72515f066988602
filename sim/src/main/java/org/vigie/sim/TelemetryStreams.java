package org.vigie.sim;

import io.dronefleet.mavlink.common.GpsGlobalOrigin;
import io.dronefleet.mavlink.common.PositionTargetGlobalInt;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.util.EnumValue;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.link.time.Scheduler;

/**
 * The telemetry streams: nothing is streamed until asked; REQUEST_DATA_STREAM (ArduPilot's stream groups) and
 * SET_MESSAGE_INTERVAL set a per-channel interval for each streamable message; every step the due messages are
 * built (once per step, whatever the number of channels) and sent. Also builds a streamable message on request
 * (REQUEST_MESSAGE, the EKF origin when it is set).
 *
 * <p>Threading: event thread only.
 */
final class TelemetryStreams {

    /** Streamable message ids, in stream-slot order. */
    private static final int[] STREAM_IDS = {1, 2, 24, 30, 33, 42, 74, 87, 147, 162, 193, 242, 245, 285, 49};
    private static final int S_SYS_STATUS = 0;
    private static final int S_SYSTEM_TIME = 1;
    private static final int S_GPS_RAW = 2;
    private static final int S_ATTITUDE = 3;
    private static final int S_GLOBAL_POS = 4;
    private static final int S_MISSION_CURRENT = 5;
    private static final int S_VFR_HUD = 6;
    private static final int S_POS_TARGET = 7;
    private static final int S_BATTERY = 8;
    private static final int S_FENCE = 9;
    private static final int S_EKF = 10;
    private static final int S_HOME = 11;
    private static final int S_EXT_STATE = 12;
    private static final int S_GIMBAL = 13;
    private static final int S_ORIGIN = 14;

    /**
     * The MAVLink ids ArduCopter 4.7 maps to an ap_message (GCS_MAVLINK::mavlink_id_to_ap_message_id): what
     * SET_MESSAGE_INTERVAL accepts. Any other id is DENIED with "No ap_message for mavlink id (N)". Those the
     * simulator does not stream are FAILED by it (a simulator limit).
     */
    private static final java.util.Set<Integer> ARDUPILOT_MESSAGES = java.util.Set.of(0, 1, 2, 22, 24, 26, 27, 29,
            30, 31, 32, 33, 36, 42, 46, 49, 62, 65, 74, 85, 87, 111, 116, 124, 125, 129, 132, 136, 137, 143, 147, 148,
            150, 152, 158, 162, 163, 164, 165, 168, 173, 174, 178, 182, 193, 194, 225, 230, 241, 242, 245, 246, 253,
            257, 265, 269, 280, 285, 290, 291, 397, 410, 411, 12901, 12904, 12918, 12920);

    private final SimConfig config;
    private final Scheduler scheduler;
    private final SimState state;
    private final FlightModel flight;
    private final GeoNe geo;
    private final Outbox out;
    private final Arming arming;
    private final AutoController auto;
    private final LandController land;
    private final Failsafes failsafes;
    private final Pointing pointing;

    /** Per channel and slot: interval, ns (0 = not streamed), and next due time, ns. */
    private final long[][] intervalNs;
    private final long[][] nextDueNs;
    private final byte[][] streamCache = new byte[STREAM_IDS.length][];

    TelemetryStreams(SimConfig config, Scheduler scheduler, SimState state, FlightModel flight, GeoNe geo,
                     Outbox out, int channels, Arming arming, AutoController auto, LandController land,
                     Failsafes failsafes, Pointing pointing) {
        this.config = config;
        this.scheduler = scheduler;
        this.state = state;
        this.flight = flight;
        this.geo = geo;
        this.out = out;
        this.arming = arming;
        this.auto = auto;
        this.land = land;
        this.failsafes = failsafes;
        this.pointing = pointing;
        this.intervalNs = new long[channels][STREAM_IDS.length];
        this.nextDueNs = new long[channels][STREAM_IDS.length];
    }

    /** At boot: every stream stops. */
    void stopAll() {
        for (long[] a : intervalNs) {
            Arrays.fill(a, 0);
        }
    }

    /** REQUEST_DATA_STREAM: sets (rate 0 or stop: clears) the interval of each message of an ArduPilot group. */
    void onRequestDataStream(int ch, RequestDataStream m) {
        int stream = m.reqStreamId();
        int rate = m.startStop() == 0 ? 0 : m.reqMessageRate();
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        int[] slots = switch (stream) {
            case 0 -> new int[] {S_SYS_STATUS, S_MISSION_CURRENT, S_GPS_RAW, S_FENCE, S_POS_TARGET, S_GLOBAL_POS,
                S_ATTITUDE, S_VFR_HUD, S_SYSTEM_TIME, S_BATTERY, S_EKF, S_GIMBAL, S_EXT_STATE};
            case 2 -> new int[] {S_SYS_STATUS, S_MISSION_CURRENT, S_GPS_RAW, S_FENCE, S_POS_TARGET};
            case 6 -> new int[] {S_GLOBAL_POS};
            case 10 -> new int[] {S_ATTITUDE};
            case 11 -> new int[] {S_VFR_HUD};
            case 12 -> new int[] {S_SYSTEM_TIME, S_BATTERY, S_EKF, S_GIMBAL, S_EXT_STATE};
            default -> new int[0];
        };
        for (int s : slots) {
            setInterval(ch, s, interval);
        }
    }

    /**
     * MAV_CMD_SET_MESSAGE_INTERVAL.
     *
     * @param ch channel
     * @param msgId message id
     * @param intervalUs interval as sent, µs: -1 stops, 0 is the default (1 Hz)
     * @return a MAV_RESULT: DENIED (with ArduPilot's STATUSTEXT) for an id ArduPilot has no message for, ACCEPTED
     *     for HEARTBEAT (always 1 Hz), FAILED for a message the simulator cannot stream
     */
    int setMessageInterval(int ch, int msgId, float intervalUs) {
        if (config.flavour() == Flavour.ARDUCOPTER) {
            if (!ARDUPILOT_MESSAGES.contains(msgId)) {
                out.statustext(6, "No ap_message for mavlink id (" + msgId + ")");
                return 2;
            }
            if (msgId == 0) {
                return 0;
            }
        }
        int slot = slotOf(msgId);
        if (slot < 0) {
            return 4;
        }
        long interval;
        if (intervalUs < 0) {
            interval = 0;
        } else if (intervalUs == 0) {
            interval = 1_000_000_000L;
        } else {
            interval = ((long) intervalUs) * 1000L;
        }
        setInterval(ch, slot, interval);
        return 0;
    }

    /**
     * @param msgId a MAVLink message id
     * @return whether ArduPilot has an ap_message for it (GET_MESSAGE_INTERVAL answers 0 and FAILED for the others)
     */
    static boolean arduPilotKnows(int msgId) {
        return ARDUPILOT_MESSAGES.contains(msgId);
    }

    /**
     * @param ch channel
     * @param msgId message id
     * @return the interval a MESSAGE_INTERVAL reports, µs: -1 if not streamed; HEARTBEAT is always 1 s
     */
    long intervalUs(int ch, int msgId) {
        int slot = slotOf(msgId);
        long us = slot >= 0 && intervalNs[ch][slot] > 0 ? intervalNs[ch][slot] / 1000 : -1;
        if (msgId == 0) {
            us = 1_000_000;
        }
        return us;
    }

    /** @return the payload of a streamable message now, or null if it is not streamable or not available yet */
    byte @Nullable [] payloadNow(int msgId) {
        int slot = slotOf(msgId);
        return slot >= 0 ? streamPayload(slot) : null;
    }

    /**
     * @param msgId message id
     * @return whether it is HOME_POSITION or GPS_GLOBAL_ORIGIN, which ArduPilot accepts to send on request before
     *     the EKF has them (and then sends nothing)
     */
    static boolean availableLater(int msgId) {
        return msgId == STREAM_IDS[S_HOME] || msgId == STREAM_IDS[S_ORIGIN];
    }

    /** Sends HOME_POSITION on every channel (when home is set, as ArduCopter announces it). */
    void sendHome(long now) {
        byte[] payload = streamPayload(S_HOME);
        if (payload != null) {
            out.sendPayload(-1, STREAM_IDS[S_HOME], payload);
        }
    }

    /** Sends GPS_GLOBAL_ORIGIN on every channel (when the EKF origin is set). */
    void sendOrigin(long now) {
        out.sendPayload(-1, STREAM_IDS[S_ORIGIN],
                Objects.requireNonNull(streamPayload(S_ORIGIN), "sent once the EKF origin is set"));
    }

    private void setInterval(int ch, int slot, long interval) {
        intervalNs[ch][slot] = interval;
        nextDueNs[ch][slot] = state.now() + Math.min(interval, 10_000_000L);
    }

    private static int slotOf(int msgId) {
        for (int i = 0; i < STREAM_IDS.length; i++) {
            if (STREAM_IDS[i] == msgId) {
                return i;
            }
        }
        return -1;
    }

    /** Sends every stream due now, ns. */
    void run(long now) {
        Arrays.fill(streamCache, null);
        for (int ch = 0; ch < intervalNs.length; ch++) {
            long[] iv = intervalNs[ch];
            long[] due = nextDueNs[ch];
            for (int s = 0; s < iv.length; s++) {
                if (iv[s] <= 0 || now < due[s]) {
                    continue;
                }
                due[s] = Math.max(due[s] + iv[s], now + iv[s] / 2);
                byte[] payload = streamCache[s];
                if (payload == null) {
                    payload = streamPayload(s);
                    if (payload == null) {
                        continue;
                    }
                    streamCache[s] = payload;
                }
                out.sendPayload(ch, STREAM_IDS[s], payload);
            }
        }
    }

    /** The payload of a streamable message now, or null if the vehicle cannot send it yet. */
    private byte @Nullable [] streamPayload(int slot) {
        return switch (slot) {
            case S_SYS_STATUS -> sysStatus();
            case S_SYSTEM_TIME -> Payloads.systemTime(state.gpsFix ? scheduler.now().toEpochMilli() * 1000L : 0,
                    state.bootMs());
            case S_GPS_RAW -> gpsRaw();
            case S_ATTITUDE -> Payloads.attitude(state.bootMs(), (float) flight.rollRad, (float) flight.pitchRad,
                    (float) Math.toRadians(GeoNe.wrap180(flight.yawDeg)), 0, 0,
                    (float) Math.toRadians(flight.yawRateDps));
            case S_GLOBAL_POS -> globalPosition();
            case S_MISSION_CURRENT -> auto.missionCurrentPayload();
            case S_VFR_HUD -> Payloads.vfrHud((float) flight.groundSpeedMps(), (float) flight.groundSpeedMps(),
                    (float) (config.homeAltAmslM() + flight.altM), (float) flight.vuMps,
                    (int) Math.round(flight.yawDeg) % 360, state.armed && !flight.onGround ? 37 : 0);
            case S_POS_TARGET -> Outbox.CODEC.encodePayload(positionTarget());
            case S_BATTERY -> battery();
            case S_FENCE -> state.fenceEnabled ? Outbox.CODEC.encodePayload(failsafes.fenceStatus()) : null;
            case S_EKF -> ekfStatus();
            case S_HOME -> state.homeSet ? Payloads.homePosition(geo.latE7(state.homeNorthM),
                    geo.lonE7(state.homeEastM), (int) Math.round(state.homeAltAmslM * 1000), (float) state.homeNorthM,
                    (float) state.homeEastM, 0, new float[] {1, 0, 0, 0}, 0) : null;
            case S_EXT_STATE -> Payloads.extendedSysState(config.flavour() == Flavour.ARDUCOPTER ? 3 : 0,
                    land.landedState());
            case S_GIMBAL -> Outbox.CODEC.encodePayload(pointing.gimbalStatus());
            case S_ORIGIN -> state.ekfOrigin ? Outbox.CODEC.encodePayload(GpsGlobalOrigin.builder()
                    .latitude(geo.latE7(state.homeNorthM)).longitude(geo.lonE7(state.homeEastM))
                    .altitude((int) Math.round(state.homeAltAmslM * 1000))
                    .timeUsec(BigInteger.valueOf(state.bootMs() * 1000)).build()) : null;
            default -> null;
        };
    }

    private byte[] sysStatus() {
        int present = 0x5371fc0f | (state.gpsDetected ? 0x20 : 0);
        int enabled = 0x52419c0f | (state.gpsDetected ? 0x20 : 0) | (state.fenceEnabled ? 0x100000 : 0)
                | (state.ekfOrigin ? 0x200000 : 0);
        int health = 0x47419c0f | (state.gpsDetected && !state.gpsLostFault ? 0x20 : 0)
                | (!failsafes.breached() ? 0x100000 : 0) | (state.ekfOrigin && !state.ekfFailFault ? 0x200000 : 0)
                | (arming.prearmFailure() == null ? 0x10000000 : 0);
        if (state.armed) {
            enabled |= 0x01006000;
            health |= 0x6000;
        }
        int remaining = (int) Math.round(flight.remainingFraction() * 100);
        return Payloads.sysStatus(present, enabled, health, 0, (int) Math.round(flight.voltageV * 1000),
                (int) Math.round(flight.currentA * 100), remaining);
    }

    private byte[] gpsRaw() {
        boolean fix = state.gpsFix && !state.gpsLostFault;
        double n = flight.northM + state.gpsErrNorthM;
        double e = flight.eastM + state.gpsErrEastM;
        int fixType = fix ? (config.flavour() == Flavour.ARDUCOPTER ? 6 : 3) : state.gpsDetected ? 1 : 0;
        int cog = fix ? (int) (Math.round(Math.toDegrees(Math.atan2(flight.veMps, flight.vnMps)) * 100 + 36000)
                % 36000) : 0;
        return Payloads.gpsRawInt(state.bootMs() * 1000, fixType, fix ? geo.latE7(n) : 0, fix ? geo.lonE7(e) : 0,
                fix ? (int) Math.round((config.homeAltAmslM() + flight.altM) * 1000) : 0, fix ? 121 : 65535,
                fix ? 200 : 65535, fix ? (int) Math.round(flight.groundSpeedMps() * 100) : 0, cog, fix ? 10 : 0);
    }

    private byte[] globalPosition() {
        double n = flight.northM + state.gpsErrNorthM;
        double e = flight.eastM + state.gpsErrEastM;
        boolean known = state.ekfOrigin;
        return Payloads.globalPositionInt(state.bootMs(), known ? geo.latE7(n) : 0, known ? geo.lonE7(e) : 0,
                (int) Math.round((config.homeAltAmslM() + flight.altM) * 1000),
                (int) Math.round((flight.altM + config.homeAltAmslM() - state.homeAltAmslM) * 1000),
                (int) Math.round(flight.vnMps * 100), (int) Math.round(flight.veMps * 100),
                (int) Math.round(-flight.vuMps * 100), (int) (Math.round(flight.yawDeg * 100) % 36000));
    }

    private PositionTargetGlobalInt positionTarget() {
        return PositionTargetGlobalInt.builder().timeBootMs(state.bootMs()).coordinateFrame(EnumValue.create(0))
                .typeMask(EnumValue.create(0xfdf8)).latInt(geo.latE7(flight.tgtNorthM))
                .lonInt(geo.lonE7(flight.tgtEastM)).alt((float) (state.homeAltAmslM + flight.tgtAltM)).build();
    }

    private byte[] battery() {
        return Payloads.batteryStatus((int) Math.round(flight.consumedMah),
                (int) Math.round(flight.consumedMah * 3.6 * 11.1 / 100), 32767,
                (int) Math.round(flight.voltageV * 1000),
                (int) Math.round(flight.currentA * 100), (int) Math.round(flight.remainingFraction() * 100),
                state.battCritical ? 3 : state.battLow ? 2 : 1);
    }

    private byte[] ekfStatus() {
        double t = state.elapsedS();
        int flags;
        if (state.ekfReady && !state.ekfFailFault && state.positionOk()) {
            flags = 0x33f;
        } else if (t >= Math.min(5.99, config.ekfReadyDelay().toMillis() / 1000.0)) {
            flags = 0xa7;
        } else if (t >= 5.48) {
            flags = 0;
        } else {
            flags = 0x400;
        }
        float var = state.ekfFailFault ? 1.2f : 0.01f;
        return Payloads.ekfStatusReport(var * 0.5f, var, 0.005f, 0.005f, 0, flags, 0);
    }
}

package org.vigie.mission.flight;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Futures;
import org.vigie.link.command.CommandService;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.GimbalFrame;
import org.vigie.mission.klv.MetadataPacket;
import org.vigie.mission.klv.privacy.PrivacyStatus;

/**
 * Opt-in privacy steering: turns the streamer's privacy verdicts into gimbal commands. While a packet is flagged over a
 * privacy zone and carries a {@link PrivacyStatus#suggestedGimbal() suggested attitude} (a {@code PrivacyPolicy} with
 * {@code suggestGimbal = true}), it sends MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW (1000) with that pitch and yaw (the
 * YAW_LOCK flag when the suggestion is in the earth frame). Once the packets are clear again for
 * {@code restoreAfterClear}, and only while the flight is in {@link FlightPhase#TRANSIT} or
 * {@link FlightPhase#ON_SCENE}, it points the camera back at the target with MAV_CMD_DO_SET_ROI_LOCATION; if that
 * brings a zone back into view, the next flagged packet steers away again. At most one command is sent per
 * {@code minCommandInterval}. When disabled it never sends anything (flag and report only: the default).
 *
 * <p>Wiring: {@code streamerBuilder.onPacket(steering::onPacket)} and, for each flight,
 * {@code steering.attach(view, companion.payloadCommands())} (e.g. from {@code Companion.onFlightStarted}).
 *
 * <p>Threading, without locks: {@link #attach} may be called from any thread; it publishes the flight through a
 * volatile reference. {@link #onPacket} must always be called from one thread (the streamer's scheduler thread): the
 * steering state is confined to it and is reset there when it sees a newly attached flight. Commands go through the
 * thread-safe {@link CommandService}; their outcomes are only logged.
 */
public final class GimbalSteering {

    /** MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW. */
    public static final int MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW = 1000;
    /** GIMBAL_MANAGER_FLAGS_YAW_LOCK: yaw is relative to north instead of the vehicle heading. */
    public static final int GIMBAL_MANAGER_FLAGS_YAW_LOCK = 16;

    private static final Logger LOG = LoggerFactory.getLogger(GimbalSteering.class);

    private final boolean enabled;
    private final long minIntervalMs;
    private final long restoreAfterMs;
    private final AtomicLong gimbalCommands = new AtomicLong();
    private final AtomicLong roiRestores = new AtomicLong();
    /** The attached flight, published by {@link #attach} (any thread). */
    private volatile @Nullable Attached attached;
    /** The flight {@link #onPacket} last worked for (its thread only). */
    private @Nullable Attached seen;
    private long lastCommandMs = Long.MIN_VALUE / 2;
    private long clearSinceMs = -1;
    private boolean steeredAway;

    /**
     * Creates a steering hook.
     *
     * @param enabled whether to command the gimbal at all (false: never sends anything)
     * @param minCommandInterval shortest time between two commands of any kind, positive (rate limit)
     * @param restoreAfterClear how long packets must stay clear after a steer before the target ROI is restored, zero
     *     or more (hysteresis against steering back and forth at the edge of a zone)
     * @throws IllegalArgumentException if an interval is null, negative, or (minCommandInterval) zero
     */
    public GimbalSteering(boolean enabled, Duration minCommandInterval, Duration restoreAfterClear) {
        if (minCommandInterval == null || minCommandInterval.isNegative() || minCommandInterval.isZero()) {
            throw new IllegalArgumentException("minCommandInterval " + minCommandInterval + " must be positive");
        }
        if (restoreAfterClear == null || restoreAfterClear.isNegative()) {
            throw new IllegalArgumentException("restoreAfterClear " + restoreAfterClear + " must be zero or more");
        }
        this.enabled = enabled;
        this.minIntervalMs = minCommandInterval.toMillis();
        this.restoreAfterMs = restoreAfterClear.toMillis();
    }

    /**
     * Steering off: flag and report only, no command is ever sent.
     *
     * @return a disabled hook
     */
    public static GimbalSteering off() {
        return new GimbalSteering(false, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /**
     * Steering on with at most one command per second and a 5 s clear hold before the ROI is restored.
     *
     * @return an enabled hook
     */
    public static GimbalSteering on() {
        return new GimbalSteering(true, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /** @return whether this hook sends commands */
    public boolean enabled() {
        return enabled;
    }

    /** A flight and the command service of its autopilot. */
    private record Attached(FlightView flight, CommandService commands) {
    }

    /**
     * Binds the flight whose autopilot is commanded (replaces any previous one; the steering state is reset at the
     * next packet). Any thread.
     *
     * @param flight   the flight's read-only view, not null
     * @param commands the command service of its autopilot, for payload commands (e.g.
     *                 {@code Companion.payloadCommands()}), not null
     * @throws IllegalArgumentException if an argument is null
     */
    public void attach(FlightView flight, CommandService commands) {
        if (flight == null || commands == null) {
            throw new IllegalArgumentException("flight and commands are required");
        }
        this.attached = new Attached(flight, commands);
    }

    /**
     * Reacts to one sent metadata packet (register with {@code MetadataStreamer.Builder.onPacket}). Does nothing when
     * disabled or before {@link #attach}.
     *
     * @param packet the packet just sent, not null
     */
    // a != seen: identity on purpose, a new attachment (even of an equal flight) restarts the steering state
    @SuppressWarnings("ReferenceEquality")
    public void onPacket(MetadataPacket packet) {
        Attached a = attached;
        if (!enabled || a == null) {
            return;
        }
        if (a != seen) {
            seen = a;
            steeredAway = false;
            clearSinceMs = -1;
        }
        FlightView c = a.flight();
        long now = c.scheduler().monotonicMs();
        PrivacyStatus st = packet.privacy();
        if (st.overPrivacyZone()) {
            clearSinceMs = -1;
            GimbalAttitude g = st.suggestedGimbal();
            if (g != null && now - lastCommandMs >= minIntervalMs) {
                sendPitchYaw(a.commands(), g, st);
                lastCommandMs = now;
                steeredAway = true;
            }
            return;
        }
        if (!steeredAway) {
            return;
        }
        if (clearSinceMs < 0) {
            clearSinceMs = now;
        }
        FlightPhase phase = c.phase();
        if ((phase == FlightPhase.ON_SCENE || phase == FlightPhase.TRANSIT) && now - clearSinceMs >= restoreAfterMs
                && now - lastCommandMs >= minIntervalMs) {
            var r = c.request();
            roiRestores.incrementAndGet();
            lastCommandMs = now;
            steeredAway = false;
            clearSinceMs = -1;
            LOG.info("privacy zones out of view: camera back on the target");
            Futures.listen(a.commands().setRoiLocation(r.targetLatDeg(), r.targetLonDeg(), 0, true), (o, e) -> {
                if (e != null || !o.accepted()) {
                    LOG.warn("region of interest not restored: {}", e != null ? e.toString() : o.result());
                }
            });
        }
    }

    private void sendPitchYaw(CommandService commands, GimbalAttitude g, PrivacyStatus st) {
        double pitch = Math.max(-90, Math.min(90, g.pitchDeg()));
        double yaw = Math.IEEEremainder(g.yawDeg(), 360);
        if (yaw < -180) {
            yaw = -180;
        } else if (yaw > 180) {
            yaw = 180;
        }
        int flags = g.frame() == GimbalFrame.EARTH ? GIMBAL_MANAGER_FLAGS_YAW_LOCK : 0;
        gimbalCommands.incrementAndGet();
        LOG.info("camera over privacy zone(s) {}: gimbal to pitch {} deg yaw {} deg ({})", st.zones(),
                Math.round(pitch), Math.round(yaw), flags != 0 ? "earth" : "vehicle");
        Futures.listen(commands.sendLong(MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW,
                new float[] {(float) pitch, (float) yaw, Float.NaN, Float.NaN, flags, 0, 0}, null), (o, e) -> {
                    if (e != null || !o.accepted()) {
                        LOG.warn("gimbal steering refused: {}", e != null ? e.toString() : o.result());
                    }
                });
    }

    /** @return DO_GIMBAL_MANAGER_PITCHYAW commands sent so far */
    public long gimbalCommandsSent() {
        return gimbalCommands.get();
    }

    /** @return DO_SET_ROI_LOCATION restores sent so far */
    public long roiRestoresSent() {
        return roiRestores.get();
    }
}

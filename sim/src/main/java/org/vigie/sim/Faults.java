package org.vigie.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.sim.link.LinkFaults;

/**
 * Scriptable, seeded failures of one simulated vehicle. Every method may be called from any thread at any time:
 * state changes are posted to the vehicle's event thread (with a ManualScheduler they take effect at the next
 * {@code advance}/{@code runPending}); command refusals and link faults take effect immediately.
 *
 * <p>Link faults are per channel ({@link SimVehicle#linkFaults()}); the methods here apply to every channel.
 */
public final class Faults {

    private final SimVehicle vehicle;
    private final Map<Integer, ArrayDeque<Integer>> refusals = new HashMap<>();

    Faults(SimVehicle vehicle) {
        this.vehicle = vehicle;
    }

    /**
     * Cuts (or restores) every link: nothing in, nothing out, as a radio out of range. The autopilot keeps flying.
     *
     * @param down true to cut
     */
    public void linkLoss(boolean down) {
        for (LinkFaults f : vehicle.linkFaults()) {
            f.setDown(down);
        }
    }

    /**
     * Degrades every link with seeded per-frame faults in both directions.
     *
     * @param drop probability a frame is lost
     * @param duplicate probability a frame is delivered twice
     * @param reorder probability a frame is delivered after the next one
     * @param corrupt probability a frame has one byte flipped (the receiver's CRC discards it)
     * @throws IllegalArgumentException if a probability is outside [0, 1]
     */
    public void linkQuality(double drop, double duplicate, double reorder, double corrupt) {
        for (LinkFaults f : vehicle.linkFaults()) {
            f.setProbabilities(drop, duplicate, reorder, corrupt);
        }
    }

    /**
     * Reboots the autopilot now: silence for 1.5 s, then a fresh boot (STABILIZE, disarmed, streams forgotten, EKF
     * timeline restarted; parameters, mission, fence, rally and signing key kept). In the air the motors stop and
     * the vehicle falls (ground truth shows the fall).
     */
    public void reboot() {
        vehicle.scheduler().execute(vehicle::reboot);
    }

    /**
     * Loses (or regains) the GPS: no fix at once, EKF position lost 5 s later (in the air: EKF failsafe, LAND).
     *
     * @param lost true to lose the GPS
     */
    public void gpsLoss(boolean lost) {
        vehicle.scheduler().execute(() -> vehicle.setGpsLost(lost));
    }

    /**
     * Fails (or heals) the EKF: no position estimate, EKF_STATUS_REPORT flags drop, in the air the EKF failsafe
     * lands the vehicle.
     *
     * @param failed true to fail
     */
    public void ekfFailure(boolean failed) {
        vehicle.scheduler().execute(() -> vehicle.setEkfFailed(failed));
    }

    /**
     * Sets the battery state of charge, e.g. 0.15 for a low battery. The BATT_LOW_* / BATT_FS_* parameters decide
     * whether a failsafe fires.
     *
     * @param fraction remaining charge in [0, 1]
     * @throws IllegalArgumentException if out of range
     */
    public void batteryRemaining(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], was " + fraction);
        }
        vehicle.scheduler().execute(() -> vehicle.setBatteryRemaining(fraction));
    }

    /**
     * Makes the next {@code times} COMMAND_LONG/COMMAND_INT with this command id fail with the given result, before
     * any other handling.
     *
     * @param mavCmd MAV_CMD id
     * @param mavResult MAV_RESULT to answer (e.g. 1 TEMPORARILY_REJECTED, 2 DENIED, 4 FAILED)
     * @param times how many commands to refuse, at least 1
     * @throws IllegalArgumentException if times &lt; 1 or mavResult is not 1..9
     */
    public void refuseCommand(int mavCmd, int mavResult, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + times);
        }
        if (mavResult < 1 || mavResult > 9) {
            throw new IllegalArgumentException("mavResult must be a refusal 1..9, was " + mavResult);
        }
        synchronized (refusals) {
            ArrayDeque<Integer> q = refusals.computeIfAbsent(mavCmd, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.add(mavResult);
            }
        }
    }

    @Nullable Integer takeRefusal(int mavCmd) {
        synchronized (refusals) {
            ArrayDeque<Integer> q = refusals.get(mavCmd);
            return q == null ? null : q.poll();
        }
    }

    /**
     * A pilot takes over with the RC transmitter: the mode changes without any request from the companion (no
     * COMMAND_ACK, only the next HEARTBEAT shows it). Refused silently if the mode needs a position and the EKF has
     * none.
     *
     * @param mode the mode the pilot selects
     */
    public void pilotTakeover(CopterMode mode) {
        Objects.requireNonNull(mode, "mode");
        vehicle.scheduler().execute(() -> vehicle.pilotMode(mode));
    }

    /**
     * The autopilot sends a STATUSTEXT now, as ArduCopter does when one of its failsafes acts ("Battery Failsafe");
     * with {@link #pilotTakeover} first, it imitates a failsafe whose text reaches the ground after the HEARTBEAT that
     * shows the new mode.
     *
     * @param severity MAV_SEVERITY (0 emergency .. 7 debug)
     * @param text     the text, at most 50 characters
     * @throws IllegalArgumentException if the severity or the length is out of range
     */
    public void statusText(int severity, String text) {
        Objects.requireNonNull(text, "text");
        if (severity < 0 || severity > 7 || text.length() > 50) {
            throw new IllegalArgumentException("STATUSTEXT needs a severity 0..7 and at most 50 characters, was "
                    + severity + " and " + text.length());
        }
        vehicle.scheduler().execute(() -> vehicle.statusText(severity, text));
    }

    /**
     * Changes the wind. A steady wind stronger than {@link SimConfig#maxAirspeedMps()} blows the vehicle away.
     *
     * @param northMps steady wind towards north, m/s
     * @param eastMps steady wind towards east, m/s
     * @param gustStdMps gust standard deviation, m/s (seeded)
     * @throws IllegalArgumentException if a value is not finite or the gust is negative
     */
    public void wind(double northMps, double eastMps, double gustStdMps) {
        if (!Double.isFinite(northMps) || !Double.isFinite(eastMps) || !(gustStdMps >= 0)) {
            throw new IllegalArgumentException("wind must be finite and gust >= 0, was " + northMps + ", " + eastMps
                    + ", " + gustStdMps);
        }
        vehicle.scheduler().execute(() -> vehicle.setWind(northMps, eastMps, gustStdMps));
    }
}

package org.vigie.sim;

import io.dronefleet.mavlink.common.FenceStatus;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.Locale;

/**
 * The failsafes, checked every step: fence breaches as AC_Fence records and acts on them (FENCE_ACTION, then 10 s of
 * manual recovery), EKF/GPS position loss (LAND), low and critical battery (BATT_LOW_* / BATT_CRT_* and their
 * BATT_FS_* actions) and GCS heartbeat loss (FS_GCS_ENABLE, FS_GCS_TIMEOUT), each with ArduCopter's STATUSTEXT.
 *
 * <p>Threading: event thread only.
 */
final class Failsafes {

    private static final long FENCE_RECOVERY_NS = 10_000_000_000L;

    private final SimState state;
    private final FlightModel flight;
    private final SimParams params;
    private final Outbox out;
    private final Modes modes;

    private int breachBits;
    private int breachCount;
    private int breachType;
    private long breachTimeMs;
    private long recoveryUntilNs;
    private boolean ekfFailsafeDone;
    private long lastGcsHeartbeatNs = -1;
    private boolean gcsFailsafe;
    private long battLowSinceNs = -1;

    Failsafes(SimState state, FlightModel flight, SimParams params, Outbox out, Modes modes) {
        this.state = state;
        this.flight = flight;
        this.params = params;
        this.out = out;
        this.modes = modes;
    }

    /** At boot: no breach recorded in force, the EKF failsafe re-armed. */
    void resetOnBoot() {
        breachBits = 0;
        breachType = 0;
        ekfFailsafeDone = false;
    }

    /** A GCS HEARTBEAT arrived now, ns. */
    void onGcsHeartbeat(long now) {
        lastGcsHeartbeatNs = now;
    }

    /** @return whether a fence is breached now */
    boolean breached() {
        return breachBits != 0;
    }

    /** @return FENCE_STATUS now */
    FenceStatus fenceStatus() {
        return FenceStatus.builder().breachStatus(breachBits != 0 ? 1 : 0).breachCount(breachCount)
                .breachType(EnumValue.create(breachType)).breachTime(breachTimeMs)
                .breachMitigation(EnumValue.create(state.mitigation)).build();
    }

    /** One step of the fence check: records a breach, acts on it, clears it. */
    void checkFence(long now) {
        if (!state.fenceEnabled) {
            if (breachBits != 0) {
                breachBits = 0;
                breachType = 0;
            }
            return;
        }
        int bits = 0;
        if ((state.fenceTypeActive & 1) != 0 && flight.altM > params.value("FENCE_ALT_MAX")) {
            bits |= 1;
        }
        if ((state.fenceTypeActive & 2) != 0
                && GeoNe.hypot(flight.northM - state.homeNorthM, flight.eastM - state.homeEastM)
                > params.value("FENCE_RADIUS")) {
            bits |= 2;
        }
        if ((state.fenceTypeActive & 4) != 0 && state.fence.hasPolygonFence()
                && !state.fence.containsHorizontally(flight.northM, flight.eastM)) {
            bits |= 4;
        }
        if (bits != 0 && breachBits == 0) {
            if (now < recoveryUntilNs) {
                return;
            }
            breachBits = bits;
            breachCount++;
            breachTimeMs = state.bootMs();
            breachType = (bits & 6) != 0 ? 3 : 2;
            String name = (bits & 4) != 0 ? "Polygon" : (bits & 2) != 0 ? "Circle" : "Max Alt";
            out.statustext(5, name + " fence breached");
            if (state.armed && !flight.onGround) {
                int action = (int) params.value("FENCE_ACTION");
                boolean changed = switch (action) {
                    case 0 -> false;
                    case 2 -> modes.setModeForced(CopterMode.LAND);
                    case 4 -> modes.setModeForced(CopterMode.BRAKE);
                    default -> modes.setModeForced(CopterMode.RTL) || modes.setModeForced(CopterMode.LAND);
                };
                if (changed) {
                    out.statustext(6, "Manual recovery started");
                    recoveryUntilNs = now + FENCE_RECOVERY_NS;
                }
            }
        } else if (bits == 0 && breachBits != 0) {
            breachBits = 0;
            breachType = 0;
            out.statustext(5, "Fence breach cleared");
        } else if (bits != 0) {
            breachBits = bits;
        }
    }

    /** One step of the EKF, battery and GCS failsafes. */
    void check(long now) {
        // EKF / GPS loss: LAND like FS_EKF_ACTION 1
        if (state.armed && !flight.onGround && !state.positionOk() && state.mode.requiresPosition()
                && !ekfFailsafeDone) {
            ekfFailsafeDone = true;
            out.statustext(2, "EKF Failsafe: changed to LAND Mode");
            modes.enterMode(CopterMode.LAND);
        }
        if (state.positionOk()) {
            ekfFailsafeDone = false;
        }
        // battery
        double lowMah = params.value("BATT_LOW_MAH");
        double lowVolt = params.value("BATT_LOW_VOLT");
        double critMah = params.value("BATT_CRT_MAH");
        double critVolt = params.value("BATT_CRT_VOLT");
        double remainingMah = flight.capacityMah - flight.consumedMah;
        boolean voltLow = lowVolt > 0 && flight.voltageV < lowVolt;
        if (voltLow) {
            if (battLowSinceNs < 0) {
                battLowSinceNs = now;
            }
        } else {
            battLowSinceNs = -1;
        }
        boolean low = (lowMah > 0 && remainingMah < lowMah) || (voltLow && now - battLowSinceNs >= 10_000_000_000L);
        boolean crit = (critMah > 0 && remainingMah < critMah) || (critVolt > 0 && flight.voltageV < critVolt);
        if (crit && !state.battCritical) {
            state.battCritical = true;
            out.statustext(2, String.format(Locale.ROOT, "Battery 1 is critical %.2fV used %.0f mAh",
                    flight.voltageV, flight.consumedMah));
            batteryAction((int) params.value("BATT_FS_CRT_ACT"));
        } else if (low && !state.battLow) {
            state.battLow = true;
            out.statustext(2, String.format(Locale.ROOT, "Battery 1 is low %.2fV used %.0f mAh",
                    flight.voltageV, flight.consumedMah));
            batteryAction((int) params.value("BATT_FS_LOW_ACT"));
        }
        // GCS link loss
        if (params.value("FS_GCS_ENABLE") > 0 && state.armed && !flight.onGround && lastGcsHeartbeatNs >= 0) {
            boolean lost = now - lastGcsHeartbeatNs > (long) (params.value("FS_GCS_TIMEOUT") * 1e9);
            if (lost && !gcsFailsafe) {
                gcsFailsafe = true;
                out.statustext(2, "GCS Failsafe");
                if (!modes.setModeForced(CopterMode.RTL)) {
                    modes.setModeForced(CopterMode.LAND);
                }
            } else if (!lost && gcsFailsafe) {
                gcsFailsafe = false;
                out.statustext(2, "GCS Failsafe Cleared");
            }
        }
    }

    private void batteryAction(int action) {
        if (!state.armed || flight.onGround) {
            return;
        }
        switch (action) {
            case 1 -> modes.setModeForced(CopterMode.LAND);
            case 2, 3 -> {
                if (!modes.setModeForced(CopterMode.RTL)) {
                    modes.setModeForced(CopterMode.LAND);
                }
            }
            default -> { }
        }
    }
}

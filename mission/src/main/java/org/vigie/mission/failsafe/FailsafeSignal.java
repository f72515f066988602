package org.vigie.mission.failsafe;

import org.vigie.mission.FailsafeKind;

/**
 * What the {@link FailsafeMonitor} saw: one closed set of signals. The monitor only says which failsafe fires and
 * with which figures; the flight's state machine decides what to do (land, return, yield, end). Immutable values.
 */
public sealed interface FailsafeSignal {

    /**
     * The autopilot's HEARTBEAT stopped (first tick of the silence).
     *
     * @param onGround whether the vehicle was disarmed and the phase not airborne when it stopped
     * @param silentMs age of the last HEARTBEAT, milliseconds
     */
    record AutopilotLinkLost(boolean onGround, long silentMs) implements FailsafeSignal {
    }

    /**
     * The autopilot link has been lost longer than {@code autopilotLostGiveUp}.
     *
     * @param lostS how long, whole seconds
     */
    record AutopilotLinkGivenUp(long lostS) implements FailsafeSignal {
    }

    /**
     * HEARTBEAT is back after a loss.
     *
     * @param lostS how long it was lost, seconds
     */
    record AutopilotLinkBack(double lostS) implements FailsafeSignal {
    }

    /**
     * The dispatch side has been silent longer than {@code dispatchLinkTimeout}.
     *
     * @param silentS silence, whole seconds
     */
    record DispatchLinkLost(long silentS) implements FailsafeSignal {
    }

    /**
     * HEARTBEAT shows a mode we did not ask for: a pilot or the autopilot's own failsafe has the drone.
     *
     * @param kind   the most likely cause (a reported breach, lost navigation, a battery or GPS/EKF STATUSTEXT, else a
     *               pilot)
     * @param reason the sentence for the events and the report
     */
    record UnrequestedModeChange(FailsafeKind kind, String reason) implements FailsafeSignal {
    }

    /**
     * GPS or EKF became unhealthy in the air.
     *
     * @param fixType  GPS fix type
     * @param ekfFlags EKF_STATUS_REPORT flags
     */
    record NavigationLost(int fixType, int ekfFlags) implements FailsafeSignal {
    }

    /** Navigation is healthy again after a loss (and the recovery hold has passed). */
    record NavigationRecovered() implements FailsafeSignal {
    }

    /**
     * The battery no longer holds the energy to return with reserve.
     *
     * @param availableWh energy left, watt-hours
     * @param neededWh    energy needed to return with reserve, watt-hours
     */
    record BatteryReserve(double availableWh, double neededWh) implements FailsafeSignal {
    }

    /**
     * Braking now is needed to stay inside the fence.
     *
     * @param inS      predicted time to the breach, seconds
     * @param speedMps ground speed, m/s
     */
    record PredictedBreach(double inS, double speedMps) implements FailsafeSignal {
    }

    /** While someone else had the drone, it landed and disarmed. */
    record LandedWithoutUs() implements FailsafeSignal {
    }
}

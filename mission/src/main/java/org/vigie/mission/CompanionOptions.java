package org.vigie.mission;

import java.util.Objects;
import org.vigie.mission.audit.MissionAudit;
import org.vigie.mission.energy.EnergyModel;
import org.vigie.mission.flight.FlightConfig;

/**
 * How a {@link Companion} flies. Immutable.
 *
 * @param flight          flight tunables (speeds, timeouts, failsafe parameters)
 * @param energy          the energy model of this airframe and battery
 * @param accountability  the audit: where every order, decision, command to the autopilot, phase change, failsafe and
 *                        privacy event is recorded ({@link MissionAudit})
 * @param busyPolicy      what a dispatch arriving during a flight does
 * @param autopilotSysId  the autopilot's system id, or -1 to use the first autopilot heard
 * @param readyOnAttach   whether the companion makes ready on attach what does not depend on the target (profile
 *                        parameters, fence, FENCE_*: {@link org.vigie.mission.flight.Readiness}) so a dispatch only
 *                        uploads its route, arms and goes; false: each flight does it in its UPLOAD phase
 */
public record CompanionOptions(FlightConfig flight, EnergyModel energy, MissionAudit accountability,
                               BusyPolicy busyPolicy, int autopilotSysId, boolean readyOnAttach) {

    /** What happens to a dispatch that arrives while a flight is in progress. Never: ignore it. */
    public enum BusyPolicy {
        /** A strictly higher priority retasks the current flight; otherwise the dispatch is refused with a reason. */
        RETASK_IF_HIGHER_PRIORITY,
        /** Every dispatch during a flight is refused with a reason (the dispatcher retasks explicitly). */
        REFUSE
    }

    /** Rejects nulls. */
    public CompanionOptions {
        Objects.requireNonNull(flight, "flight");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(accountability, "accountability");
        Objects.requireNonNull(busyPolicy, "busyPolicy");
        if (autopilotSysId < -1 || autopilotSysId == 0 || autopilotSysId > 255) {
            throw new IllegalArgumentException("autopilotSysId " + autopilotSysId + " must be -1 or 1..255");
        }
    }

    /**
     * Defaults: {@link FlightConfig#defaults()}, {@link EnergyModel#typicalQuad()}, an in-memory audit (its last records only),
     * retask on higher priority, first autopilot heard, ready on attach.
     *
     * @return the defaults
     */
    public static CompanionOptions defaults() {
        return new CompanionOptions(FlightConfig.defaults(), EnergyModel.typicalQuad(), MissionAudit.inMemory(),
                BusyPolicy.RETASK_IF_HIGHER_PRIORITY, -1, true);
    }

    /** @param f flight tunables @return a copy */
    public CompanionOptions withFlight(FlightConfig f) {
        return new CompanionOptions(f, energy, accountability, busyPolicy, autopilotSysId, readyOnAttach);
    }

    /** @param e energy model @return a copy */
    public CompanionOptions withEnergy(EnergyModel e) {
        return new CompanionOptions(flight, e, accountability, busyPolicy, autopilotSysId, readyOnAttach);
    }

    /** @param log accountability log @return a copy */
    public CompanionOptions withAccountability(MissionAudit log) {
        return new CompanionOptions(flight, energy, log, busyPolicy, autopilotSysId, readyOnAttach);
    }

    /** @param p busy policy @return a copy */
    public CompanionOptions withBusyPolicy(BusyPolicy p) {
        return new CompanionOptions(flight, energy, accountability, p, autopilotSysId, readyOnAttach);
    }

    /** @param ready whether to make ready on attach ({@link #readyOnAttach()}) @return a copy */
    public CompanionOptions withReadyOnAttach(boolean ready) {
        return new CompanionOptions(flight, energy, accountability, busyPolicy, autopilotSysId, ready);
    }
}

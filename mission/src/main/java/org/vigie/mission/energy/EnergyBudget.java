package org.vigie.mission.energy;

/**
 * The energy a flight needs, split by leg, in watt-hours. Immutable.
 *
 * @param takeoffWh  climb to transit altitude
 * @param outboundWh transit to the scene
 * @param onSceneWh  hovering on scene for the requested time
 * @param returnWh   transit back home
 * @param landingWh  descent and landing
 * @param reserveWh  reserve kept on top of all legs (never planned to be used)
 * @param flightTimeS expected flight time without reserve, seconds
 */
public record EnergyBudget(double takeoffWh, double outboundWh, double onSceneWh, double returnWh, double landingWh,
                           double reserveWh, double flightTimeS) {

    /** @return energy the legs need, without the reserve, Wh */
    public double plannedWh() {
        return takeoffWh + outboundWh + onSceneWh + returnWh + landingWh;
    }

    /** @return energy that must be available before take-off: legs plus reserve, Wh */
    public double requiredWh() {
        return plannedWh() + reserveWh;
    }
}

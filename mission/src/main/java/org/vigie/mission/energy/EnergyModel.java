package org.vigie.mission.energy;

import java.util.OptionalDouble;

/**
 * A simple, conservative multicopter energy model: constant power per flight regime.
 *
 * <ul>
 *   <li>hover and on scene: {@code hoverPowerW};</li>
 *   <li>cruise: {@code cruisePowerW} (for small quads, close to hover power at moderate speed);</li>
 *   <li>climb: hover power plus the potential-energy rate {@code m g v / efficiency};</li>
 *   <li>descent and landing: {@code descentPowerFactor} times hover power.</li>
 * </ul>
 * The reserve is {@code reserveFraction} of the planned energy plus {@code fixedReserveWh} (enough to hover and land
 * if home is busy). Battery energy available comes from BATTERY_STATUS: the remaining percentage times the rated
 * capacity. Immutable, thread-safe.
 *
 * @param batteryCapacityWh  rated battery energy, Wh (&gt; 0)
 * @param massKg             take-off mass, kg (&gt; 0)
 * @param hoverPowerW        electrical power in hover, W (&gt; 0)
 * @param cruisePowerW       electrical power in level cruise, W (&gt; 0)
 * @param climbEfficiency    fraction of electrical power turned into climb, (0, 1]
 * @param descentPowerFactor descent power as a fraction of hover power, (0, 1.5]
 * @param reserveFraction    reserve as a fraction of the planned energy, [0, 1]
 * @param fixedReserveWh     reserve added on top, Wh (&ge; 0)
 */
public record EnergyModel(double batteryCapacityWh, double massKg, double hoverPowerW, double cruisePowerW,
                          double climbEfficiency, double descentPowerFactor, double reserveFraction,
                          double fixedReserveWh) {

    private static final double G = 9.80665;

    /** Validates the parameters; throws {@link IllegalArgumentException} naming the bad one. */
    public EnergyModel {
        positive("batteryCapacityWh", batteryCapacityWh);
        positive("massKg", massKg);
        positive("hoverPowerW", hoverPowerW);
        positive("cruisePowerW", cruisePowerW);
        if (!(climbEfficiency > 0 && climbEfficiency <= 1)) {
            throw new IllegalArgumentException("climbEfficiency " + climbEfficiency + " is not in (0, 1]");
        }
        if (!(descentPowerFactor > 0 && descentPowerFactor <= 1.5)) {
            throw new IllegalArgumentException("descentPowerFactor " + descentPowerFactor + " is not in (0, 1.5]");
        }
        if (!(reserveFraction >= 0 && reserveFraction <= 1)) {
            throw new IllegalArgumentException("reserveFraction " + reserveFraction + " is not in [0, 1]");
        }
        if (!(fixedReserveWh >= 0) || Double.isInfinite(fixedReserveWh)) {
            throw new IllegalArgumentException("fixedReserveWh " + fixedReserveWh + " must be >= 0 and finite");
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " " + v + " must be positive and finite");
        }
    }

    /**
     * A typical 1.5 kg camera quad with a 4S 5000 mAh battery (74 Wh): hover 180 W, cruise 190 W, reserve 20 % + 3 Wh.
     *
     * @return the default model
     */
    public static EnergyModel typicalQuad() {
        return new EnergyModel(74.0, 1.5, 180.0, 190.0, 0.5, 0.8, 0.20, 3.0);
    }

    /**
     * Energy for a complete dispatch flight.
     *
     * @param outboundM      planned outbound route length, metres (&ge; 0)
     * @param returnM        planned return route length, metres (&ge; 0)
     * @param cruiseSpeedMps horizontal cruise speed, m/s (&gt; 0)
     * @param altitudeRelM   transit altitude above home, metres (&ge; 0)
     * @param climbRateMps   climb rate, m/s (&gt; 0)
     * @param descentRateMps descent rate, m/s (&gt; 0)
     * @param onSceneS       time on scene, seconds (&ge; 0)
     * @return the budget by leg
     * @throws IllegalArgumentException on a negative, zero (for rates) or non-finite argument
     */
    public EnergyBudget flight(double outboundM, double returnM, double cruiseSpeedMps, double altitudeRelM,
                               double climbRateMps, double descentRateMps, double onSceneS) {
        nonNegative("outboundM", outboundM);
        nonNegative("returnM", returnM);
        positive("cruiseSpeedMps", cruiseSpeedMps);
        nonNegative("altitudeRelM", altitudeRelM);
        positive("climbRateMps", climbRateMps);
        positive("descentRateMps", descentRateMps);
        nonNegative("onSceneS", onSceneS);
        double climbS = altitudeRelM / climbRateMps;
        double climbW = hoverPowerW + massKg * G * climbRateMps / climbEfficiency;
        double outS = outboundM / cruiseSpeedMps;
        double backS = returnM / cruiseSpeedMps;
        double descentS = altitudeRelM / descentRateMps;
        double takeoffWh = wh(climbW, climbS);
        double outWh = wh(cruisePowerW, outS);
        double sceneWh = wh(hoverPowerW, onSceneS);
        double backWh = wh(cruisePowerW, backS);
        double landWh = wh(hoverPowerW * descentPowerFactor, descentS);
        double planned = takeoffWh + outWh + sceneWh + backWh + landWh;
        return new EnergyBudget(takeoffWh, outWh, sceneWh, backWh, landWh, reserveFraction * planned + fixedReserveWh,
                climbS + outS + onSceneS + backS + descentS);
    }

    /**
     * Energy needed to go home from where the vehicle is now and land, including the reserve: the threshold of the
     * battery-reserve failsafe.
     *
     * @param returnM        remaining return route length, metres (&ge; 0)
     * @param cruiseSpeedMps cruise speed, m/s (&gt; 0)
     * @param altitudeRelM   current altitude above home, metres (&ge; 0)
     * @param descentRateMps descent rate, m/s (&gt; 0)
     * @return watt-hours that must remain in the battery
     */
    public double returnRequiredWh(double returnM, double cruiseSpeedMps, double altitudeRelM, double descentRateMps) {
        EnergyBudget b = flight(0, returnM, cruiseSpeedMps, Math.max(0, altitudeRelM), 1, descentRateMps, 0);
        double legs = b.returnWh() + b.landingWh();
        return legs + reserveFraction * legs + fixedReserveWh;
    }

    /**
     * Energy left in the battery according to BATTERY_STATUS / SYS_STATUS.
     *
     * @param remainingPercent battery_remaining, 0..100, or -1 when the autopilot does not know
     * @return watt-hours available, empty when the percentage is unknown or out of range
     */
    public OptionalDouble availableWh(int remainingPercent) {
        if (remainingPercent < 0 || remainingPercent > 100) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(batteryCapacityWh * remainingPercent / 100.0);
    }

    /**
     * Energy used between two battery readings.
     *
     * @param startPercent remaining percentage at the start
     * @param endPercent   remaining percentage at the end
     * @return watt-hours used, NaN when either reading is unknown
     */
    public double usedWh(int startPercent, int endPercent) {
        OptionalDouble a = availableWh(startPercent);
        OptionalDouble b = availableWh(endPercent);
        if (a.isEmpty() || b.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, a.getAsDouble() - b.getAsDouble());
    }

    private static double wh(double watts, double seconds) {
        return watts * seconds / 3600.0;
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " " + v + " must be >= 0 and finite");
        }
    }
}

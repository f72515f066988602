package org.vigie.mission.flight;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.zone.District;
import org.vigie.link.command.CommandOutcome;
import org.vigie.link.command.CommandService;

/**
 * ArduCopter, as recorded in the captures: arm in GUIDED (AUTO is not armable), take off with NAV_TAKEOFF (altitude
 * above home), fly DO_REPOSITION (COMMAND_INT only), fence by FENCE_TYPE / FENCE_ACTION / FENCE_ALT_MAX then
 * FENCE_ENABLE last; navigation healthy when EKF_STATUS_REPORT has attitude, velocity and position flags and no
 * constant-position mode. Stateless.
 *
 * <p>FENCE_ACTION defaults to 3 (SmartRTL, else RTL, else land): on a breach SmartRTL retraces the path flown, which
 * was planned inside the fence, whereas a straight RTL can cross an exclusion zone.
 *
 * @param fenceAction FENCE_ACTION value (0 report, 1 RTL/land, 2 land, 3 SmartRTL/RTL/land, 4 brake/land, 5 SmartRTL/land)
 */
public record ArduPilotStrategy(int fenceAction) implements FlavourStrategy {

    /** FENCE_TYPE bit: maximum altitude. */
    public static final int FENCE_TYPE_ALT_MAX = 1;
    /** FENCE_TYPE bit: polygons (inclusion and exclusion) and circles from the fence list. */
    public static final int FENCE_TYPE_POLYGON = 4;

    /** Validates the action. */
    public ArduPilotStrategy {
        if (fenceAction < 0 || fenceAction > 5) {
            throw new IllegalArgumentException("fenceAction " + fenceAction + " is not an ArduCopter FENCE_ACTION 0..5");
        }
    }

    /** @return the strategy with FENCE_ACTION 3 (SmartRTL, else RTL, else land) */
    public static ArduPilotStrategy standard() {
        return new ArduPilotStrategy(3);
    }

    @Override
    public String name() {
        return "ArduCopter";
    }

    @Override
    public String guidedMode() {
        return "GUIDED";
    }

    @Override
    public String landMode() {
        return "LAND";
    }

    @Override
    public String rtlMode() {
        return "RTL";
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link FenceCapacity#arduPilotDefault()}: 560 bytes of fence storage (70 items), as ArduCopter 4.x has on
     * every board with 16 KiB or more of storage and in SITL (measured: a 69-vertex polygon is stored, a 70-vertex one
     * is refused "Fence exceeds storage size", 71 items "Only 70 items are supported"). A board that says otherwise
     * when asked ({@link org.vigie.link.mission.FenceCapacityProbe}) or refuses a fence for space overrides it.
     */
    @Override
    public FenceCapacity defaultFenceCapacity() {
        return FenceCapacity.arduPilotDefault();
    }

    @Override
    public CompletableFuture<CommandOutcome> takeoff(CommandService commands, double altitudeRelM, double homeAmslM) {
        return commands.takeoff(altitudeRelM);
    }

    @Override
    public List<ParamSetting> fenceParameters(District district) {
        return List.of(
                new ParamSetting("FENCE_TYPE", FENCE_TYPE_ALT_MAX | FENCE_TYPE_POLYGON),
                new ParamSetting("FENCE_ACTION", fenceAction),
                new ParamSetting("FENCE_ALT_MAX", Math.floor(district.ceilingRelM())),
                new ParamSetting("FENCE_ENABLE", 1));
    }

    @Override
    public boolean navigationHealthy(VehicleTelemetry t) {
        return t.ekfHealthy() && t.gpsFixType() >= 3;
    }

    @Override
    public String navigationProblem(VehicleTelemetry t) {
        if (!t.ekfReported()) {
            return "EKF status (no EKF_STATUS_REPORT yet)";
        }
        return t.ekfHealthy() ? "" : String.format("EKF healthy (flags 0x%04x)", t.ekfFlags());
    }
}

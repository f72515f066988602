package org.vigie.mission.flight;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vigie.geofence.zone.District;
import org.vigie.link.command.CommandOutcome;
import org.vigie.link.command.CommandService;

/**
 * What differs between autopilot families for a dispatch flight: mode names, how to take off, which parameters
 * enable the fence, how navigation health is judged. Stateless and thread-safe.
 */
public interface FlavourStrategy {

    /**
     * @param flavour the autopilot family from HEARTBEAT
     * @return {@link Px4Strategy#standard()} for PX4, else {@link ArduPilotStrategy#standard()}
     */
    static FlavourStrategy standard(org.vigie.link.vehicle.AutopilotFlavour flavour) {
        return flavour == org.vigie.link.vehicle.AutopilotFlavour.PX4 ? Px4Strategy.standard()
                : ArduPilotStrategy.standard();
    }

    /** @return a short name for logs and reports ("ArduCopter", "PX4") */
    String name();

    /** @return the mode to arm in and fly position commands in (ArduCopter GUIDED; PX4 AUTO_LOITER) */
    String guidedMode();

    /** @return the mode that lands where the vehicle is (ArduCopter LAND; PX4 AUTO_LAND) */
    String landMode();

    /** @return the autopilot's own return mode, used only as a last resort (ArduCopter RTL; PX4 AUTO_RTL) */
    String rtlMode();

    /**
     * @return what this flavour's autopilots store of a fence when the autopilot itself does not say more (see
     *         {@link org.vigie.geofence.export.FenceCapacity}); the district's fence is exported by
     *         {@link org.vigie.geofence.export.FenceExporter} within it
     */
    org.vigie.geofence.export.FenceCapacity defaultFenceCapacity();

    /**
     * Sends the take-off command.
     *
     * @param commands     the command service
     * @param altitudeRelM altitude above home, metres
     * @param homeAmslM    home altitude AMSL, metres (for autopilots that take AMSL)
     * @return the outcome
     */
    CompletableFuture<CommandOutcome> takeoff(CommandService commands, double altitudeRelM, double homeAmslM);

    /**
     * The parameters that configure and enable the autopilot's own fence, in the order they must be set: the enabling
     * parameter last (ArduCopter ignores FENCE_TYPE changes once enabled).
     *
     * @param district the district
     * @return the settings, in order
     */
    List<ParamSetting> fenceParameters(District district);

    /**
     * @param t telemetry
     * @return whether the navigation solution is good enough to fly position commands
     */
    boolean navigationHealthy(VehicleTelemetry t);

    /**
     * @param t telemetry
     * @return a short description of what is missing for {@link #navigationHealthy}, for "waiting for" messages
     */
    String navigationProblem(VehicleTelemetry t);
}

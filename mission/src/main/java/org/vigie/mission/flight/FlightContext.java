package org.vigie.mission.flight;

import java.util.Objects;
import org.vigie.geofence.plan.RoutePlanner;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.Geofence;
import org.vigie.link.MavlinkPort;
import org.vigie.link.command.CommandService;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.param.ParamService;
import org.vigie.mission.energy.EnergyModel;

/**
 * Everything a {@link FlightController} works with, shared by the flights of one companion. Immutable holder; the
 * services themselves are thread-safe.
 *
 * @param port        the MAVLink link (its scheduler is the flight's event thread)
 * @param commands    the command service bound to the autopilot
 * @param transfers   the mission/fence transfer service bound to the autopilot
 * @param params      the parameter service bound to the autopilot (sets confirmed by the echoed PARAM_VALUE)
 * @param telemetry   the autopilot's telemetry view (event thread only)
 * @param district    the district flown in
 * @param fence       the district's compiled fence
 * @param planner     the route planner for that district
 * @param energy      the energy model
 * @param config      flight tunables
 */
public record FlightContext(MavlinkPort port, CommandService commands, MissionTransferService transfers,
                            ParamService params, VehicleTelemetry telemetry, District district, Geofence fence,
                            RoutePlanner planner, EnergyModel energy, FlightConfig config) {

    /** Rejects nulls. */
    public FlightContext {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(transfers, "transfers");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(fence, "fence");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(config, "config");
    }
}

package org.vigie.mission.flight;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.zone.District;
import org.vigie.link.command.CommandOutcome;
import org.vigie.link.command.CommandService;

/**
 * PX4 multicopter: arm and fly position commands in Hold (AUTO_LOITER; DO_REPOSITION moves the hold point), take off
 * with NAV_TAKEOFF whose altitude is AMSL, fence by GF_ACTION and GF_MAX_VER_DIST (PX4 enables the fence as soon
 * as one is uploaded); navigation judged from the GPS fix and home (PX4 does not send EKF_STATUS_REPORT). Stateless.
 *
 * @param geofenceAction GF_ACTION value (1 warning, 2 hold, 3 return, 4 terminate, 5 land)
 */
public record Px4Strategy(int geofenceAction) implements FlavourStrategy {

    /** Validates the action. */
    public Px4Strategy {
        if (geofenceAction < 0 || geofenceAction > 5) {
            throw new IllegalArgumentException("geofenceAction " + geofenceAction + " is not a PX4 GF_ACTION 0..5");
        }
    }

    /** @return the strategy with GF_ACTION 2 (hold): a return in a straight line can cross an exclusion zone */
    public static Px4Strategy standard() {
        return new Px4Strategy(2);
    }

    @Override
    public String name() {
        return "PX4";
    }

    @Override
    public String guidedMode() {
        return "AUTO_LOITER";
    }

    @Override
    public String landMode() {
        return "AUTO_LAND";
    }

    @Override
    public String rtlMode() {
        return "AUTO_RTL";
    }

    /** {@inheritDoc} <p>{@link FenceCapacity#px4Default()} (64 items, dataman geofence storage, no byte layout). */
    @Override
    public FenceCapacity defaultFenceCapacity() {
        return FenceCapacity.px4Default();
    }

    @Override
    public CompletableFuture<CommandOutcome> takeoff(CommandService commands, double altitudeRelM, double homeAmslM) {
        return commands.takeoffAmsl(homeAmslM + altitudeRelM);
    }

    @Override
    public List<ParamSetting> fenceParameters(District district) {
        return List.of(
                new ParamSetting("GF_MAX_VER_DIST", Math.floor(district.ceilingRelM())),
                new ParamSetting("GF_ACTION", geofenceAction));
    }

    @Override
    public boolean navigationHealthy(VehicleTelemetry t) {
        return t.gpsFixType() >= 3 && t.homeKnown() && (!t.ekfReported() || t.ekfHealthy());
    }

    @Override
    public String navigationProblem(VehicleTelemetry t) {
        return navigationHealthy(t) ? "" : "position estimate (GPS fix and home)";
    }
}

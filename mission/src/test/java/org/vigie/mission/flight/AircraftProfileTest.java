package org.vigie.mission.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.District;
import org.vigie.link.vehicle.AutopilotFlavour;

/** The profile's limits, its autopilot parameters and ranges, the time model and the orbit's fit. */
class AircraftProfileTest {

    @Test
    void aValueOutsideTheProfilesLimitsIsNamedWithItsLimit() {
        assertThatThrownBy(() -> AircraftProfile.dfr().withMaxHorizontalSpeedMps(25))
                .hasMessage("aircraft profile maxHorizontalSpeedMps 25.0 is outside (0, 20]");
        assertThatThrownBy(() -> AircraftProfile.dfr().withClimbRateMps(-1))
                .hasMessage("aircraft profile climbRateMps -1.0 is outside (0, 10]");
        assertThatThrownBy(() -> new AircraftProfile("x", 10, 3, 2, 3, 1, 10, 80, 50, 900))
                .hasMessage("aircraft profile transitCeilingRelM 50.0 is outside [80, 500]");
    }

    @Test
    void theDfrDefaultMapsToArduCopterAndPx4ParametersInTheirUnits() {
        List<ProfileParameters.Setting> ac = ProfileParameters.of(AutopilotFlavour.ARDUPILOT, AircraftProfile.dfr());
        assertThat(ac).extracting(ProfileParameters.Setting::name, ProfileParameters.Setting::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("WPNAV_SPEED", 1500.0),
                org.assertj.core.groups.Tuple.tuple("WPNAV_SPEED_UP", 500.0),
                org.assertj.core.groups.Tuple.tuple("WPNAV_SPEED_DN", 300.0),
                org.assertj.core.groups.Tuple.tuple("WPNAV_ACCEL", 300.0),
                org.assertj.core.groups.Tuple.tuple("WPNAV_ACCEL_Z", 250.0));
        List<ProfileParameters.Setting> px4 = ProfileParameters.of(AutopilotFlavour.PX4, AircraftProfile.dfr());
        assertThat(px4).extracting(ProfileParameters.Setting::name).contains("MPC_XY_CRUISE", "MPC_Z_V_AUTO_UP",
                "MPC_Z_V_AUTO_DN", "MPC_ACC_HOR");
    }

    @Test
    void aProfileOutsideTheAutopilotsRangeIsRefusedBeforeAnythingIsSent() {
        AircraftProfile steepDescent = new AircraftProfile("steep", 12, 4, 5, 3, 2, 10, 30, 120, 900);
        assertThat(ProfileParameters.of(AutopilotFlavour.ARDUPILOT, steepDescent)).hasSize(5);
        assertThatThrownBy(() -> ProfileParameters.of(AutopilotFlavour.PX4, steepDescent))
                .hasMessage("aircraft profile 'steep' needs MPC_Z_VEL_MAX_DN = 5 m/s, outside the PX4 range 0.5..4");
        AircraftProfile slowAccel = new AircraftProfile("soft", 12, 4, 2, 1, 2, 10, 30, 120, 900);
        assertThatThrownBy(() -> ProfileParameters.of(AutopilotFlavour.PX4, slowAccel))
                .hasMessage("aircraft profile 'soft' needs MPC_ACC_HOR = 1 m/s/s, outside the PX4 range 2..15");
    }

    @Test
    void theTimeModelChargesAccelerationCornersAndTheLongerAxis() {
        FlightTimeModel m = new FlightTimeModel(AircraftProfile.dfr(), 3.0);
        // rest to rest over 1000 m: 5 s up to 15 m/s, 5 s down, 925 m at 15 m/s
        assertThat(m.legS(1000, 0, 0, 0)).isCloseTo(10 + 925 / 15.0, within(1e-9));
        // a short leg never cruises: 2 sqrt(d / a)
        assertThat(m.legS(30, 0, 0, 0)).isCloseTo(2 * Math.sqrt(30 / 3.0), within(1e-9));
        // the climb is free while the horizontal takes longer, and sets the pace when it does not
        assertThat(m.legS(1000, 50, 0, 0)).isCloseTo(m.legS(1000, 0, 0, 0), within(1e-9));
        assertThat(m.legS(20, 50, 0, 0)).isCloseTo(50 / 5.0 + 5 / 2.5, within(1e-9));
        // a corner costs: two legs of 500 m take longer than one of 1000 m
        GeoPoint home = new GeoPoint(48.85, 2.35, 0);
        LocalFrame f = new LocalFrame(home);
        double straight = m.legsS(home, List.of(f.toGeo(0, 1000, 0)));
        double bent = m.legsS(home, List.of(f.toGeo(0, 500, 0), f.toGeo(0, 1000, 0)));
        assertThat(bent - straight).isBetween(2.0, 6.0);
        assertThat(m.boundS(1500, 60)).isCloseTo(100 + 2, within(1e-9));
    }

    @Test
    void anOrbitFitsAroundACentralTargetAndNotAtTheEdge() {
        District d = BreachPredictorTest.square();
        LocalFrame f = d.geofence().frame();
        FlightConfig.OnScene on = new FlightConfig.OnScene(40, Double.NaN, 12, 4);
        OrbitPlan.Result r = OrbitPlan.plan(d, null, f.toGeo(50, 50, 0), f.toGeo(50, 50, 0), on, Double.NaN, 0);
        assertThat(r).isInstanceOf(OrbitPlan.Result.Orbit.class);
        List<GeoPoint> pts = ((OrbitPlan.Result.Orbit) r).points();
        assertThat(pts).hasSize(12);
        for (GeoPoint p : pts) {
            var e = f.toLocal(p.withAltitudeRelM(0));
            assertThat(Math.hypot(e.eastM() - 50, e.northM() - 50)).isCloseTo(40, within(0.1));
        }
        OrbitPlan.Result edge = OrbitPlan.plan(d, null, f.toGeo(180, 0, 0), f.toGeo(180, 0, 0), on, Double.NaN, 0);
        assertThat(edge).isInstanceOf(OrbitPlan.Result.Hold.class);
        assertThat(((OrbitPlan.Result.Hold) edge).reason()).contains("orbit of 40 m", "holding the vantage point");
    }

    @Test
    void anOrbitRadiusThatFitsNowhereInTheDistrictIsAClearError() {
        District d = BreachPredictorTest.square();
        assertThatThrownBy(() -> OrbitPlan.requireFits(d, new FlightConfig.OnScene(250, Double.NaN, 12, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("orbitRadiusM 250 does not fit district 'square': the largest orbit inside its"
                        + " \\d+ m margin has a radius of 1\\d\\d m");
        assertThatThrownBy(() -> new FlightConfig.OnScene(5, Double.NaN, 12, 4))
                .hasMessage("orbitRadiusM 5.0 must be 0 (no orbit) or in [10.0, 300.0] m");
        OrbitPlan.requireFits(d, new FlightConfig.OnScene(120, Double.NaN, 12, 4));
    }
}

package org.vigie.mission.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;

class CameraGeometryTest {

    static final double LAT = 48.8566;
    static final double LON = 2.3522;
    static final double HOME_AMSL = 35;
    final LocalFrame frame = new LocalFrame(GeoPoint.of(LAT, LON));
    final CameraGeometry geometry = new CameraGeometry(TerrainModel.flat(HOME_AMSL));
    final CameraModel camera = CameraModel.of(60, 40);

    private double north(GroundPoint p) {
        return frame.toLocal(GeoPoint.of(p.latitudeDeg(), p.longitudeDeg())).northM();
    }

    private double east(GroundPoint p) {
        return frame.toLocal(GeoPoint.of(p.latitudeDeg(), p.longitudeDeg())).eastM();
    }

    @Test
    void nadirCameraSeesTheGroundBelowWithNorthUp() {
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 100, 0, 0, 0);
        Footprint f = geometry.footprint(pose, GimbalAttitude.nadir(), camera);
        assertThat(f.hasFrameCentre()).isTrue();
        assertThat(north(f.frameCentre())).isCloseTo(0, offset(1e-6));
        assertThat(east(f.frameCentre())).isCloseTo(0, offset(1e-6));
        assertThat(f.frameCentre().elevationAmslM()).isEqualTo(HOME_AMSL);
        assertThat(f.slantRangeM()).isCloseTo(100, offset(1e-9));
        double dn = 100 * Math.tan(Math.toRadians(20));
        double de = 100 * Math.tan(Math.toRadians(30));
        double[][] expected = {{dn, -de}, {dn, de}, {-dn, de}, {-dn, -de}}; // UL, UR, LR, LL
        for (int i = 0; i < 4; i++) {
            assertThat(north(f.corners().get(i))).as("corner %d north", i + 1).isCloseTo(expected[i][0], offset(1e-6));
            assertThat(east(f.corners().get(i))).as("corner %d east", i + 1).isCloseTo(expected[i][1], offset(1e-6));
        }
        assertThat(f.relativeElevationDeg()).isCloseTo(-90, offset(1e-6));
        assertThat(f.cameraPitchDeg()).isCloseTo(-90, offset(1e-6));
    }

    @Test
    void obliqueCameraFollowsVehicleHeadingAndGimbalPitch() {
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 100, 0, 0, 90);
        Footprint f = geometry.footprint(pose, new GimbalAttitude(0, -45, 0, GimbalFrame.HEADING_RELATIVE), camera);
        assertThat(north(f.frameCentre())).isCloseTo(0, offset(1e-6));
        assertThat(east(f.frameCentre())).isCloseTo(100, offset(1e-6));
        assertThat(f.slantRangeM()).isCloseTo(100 * Math.sqrt(2), offset(1e-6));
        assertThat(f.relativeAzimuthDeg()).isCloseTo(0, offset(1e-6));
        assertThat(f.relativeElevationDeg()).isCloseTo(-45, offset(1e-6));
        assertThat(f.cameraYawDeg()).isCloseTo(90, offset(1e-6));
    }

    @Test
    void relativeAnglesAreTheGimbalsForALevelVehicle() {
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 80, 0, 0, 30);
        Footprint f = geometry.footprint(pose, new GimbalAttitude(0, -30, 20, GimbalFrame.HEADING_RELATIVE), camera);
        assertThat(f.relativeAzimuthDeg()).isCloseTo(20, offset(1e-6));
        assertThat(f.relativeElevationDeg()).isCloseTo(-30, offset(1e-6));
        assertThat(f.cameraYawDeg()).isCloseTo(50, offset(1e-6));
        double horizontal = 80 / Math.tan(Math.toRadians(30));
        assertThat(north(f.frameCentre())).isCloseTo(horizontal * Math.cos(Math.toRadians(50)), offset(1e-6));
        assertThat(east(f.frameCentre())).isCloseTo(horizontal * Math.sin(Math.toRadians(50)), offset(1e-6));
    }

    @Test
    void bodyFrameGimbalComposesWithVehicleAttitude() {
        // vehicle pitched 10 deg nose down, gimbal at -80 relative to the body: camera straight down
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 50, 0, -10, 0);
        Footprint f = geometry.footprint(pose, new GimbalAttitude(0, -80, 0, GimbalFrame.BODY), camera);
        assertThat(f.cameraPitchDeg()).isCloseTo(-90, offset(1e-6));
        assertThat(f.slantRangeM()).isCloseTo(50, offset(1e-6));
        assertThat(f.relativeElevationDeg()).isCloseTo(-80, offset(1e-6));
    }

    @Test
    void cameraAboveTheHorizonHasNoGroundPoints() {
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 50, 0, 0, 0);
        Footprint f = geometry.footprint(pose, new GimbalAttitude(0, 30, 0, GimbalFrame.HEADING_RELATIVE), camera);
        assertThat(f.hasFrameCentre()).isFalse();
        assertThat(f.slantRangeM()).isNaN();
        assertThat(f.corners()).containsOnlyNulls();
        assertThat(f.outline()).isNotEmpty();
    }

    @Test
    void camerasStraddlingTheHorizonKeepOnlyTheLowerCorners() {
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 50, 0, 0, 0);
        Footprint f = geometry.footprint(pose, new GimbalAttitude(0, -10, 0, GimbalFrame.HEADING_RELATIVE), camera);
        assertThat(f.hasFrameCentre()).isTrue();
        assertThat(f.corners().get(0)).isNull();
        assertThat(f.corners().get(1)).isNull();
        assertThat(f.corners().get(2)).isNotNull();
        assertThat(f.corners().get(3)).isNotNull();
        assertThat(f.allCornersOnGround()).isFalse();
    }

    @Test
    void hitsBeyondTheMaximumRangeAreMisses() {
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 10, 0, 0, 0);
        // 1 deg below the horizon from 10 m: ground at 573 m, beyond a 500 m range
        CameraGeometry shortRange = new CameraGeometry(TerrainModel.flat(HOME_AMSL), 500, 4);
        assertThat(shortRange.footprint(pose, new GimbalAttitude(0, -1, 0, GimbalFrame.EARTH), camera)
                .hasFrameCentre()).isFalse();
    }

    @Property(tries = 200)
    void generalTerrainMarchAgreesWithTheClosedFormOnFlatGround(@ForAll long seed) {
        Random rnd = new Random(seed);
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 20 + 200 * rnd.nextDouble(),
                -20 + 40 * rnd.nextDouble(), -20 + 40 * rnd.nextDouble(), 360 * rnd.nextDouble());
        GimbalAttitude g = new GimbalAttitude(0, -90 * rnd.nextDouble(), -180 + 360 * rnd.nextDouble(),
                GimbalFrame.HEADING_RELATIVE);
        TerrainModel lambdaFlat = (lat, lon) -> HOME_AMSL;
        Footprint exact = geometry.footprint(pose, g, camera);
        Footprint marched = new CameraGeometry(lambdaFlat).footprint(pose, g, camera);
        Footprint unlimited = new CameraGeometry(TerrainModel.flat(HOME_AMSL), 1e7, 4).footprint(pose, g, camera);
        double rangeM = unlimited.hasFrameCentre()
                ? Math.hypot(north(unlimited.frameCentre()), east(unlimited.frameCentre())) : Double.POSITIVE_INFINITY;
        if (rangeM < geometry.maxRangeM() - 1) {
            assertThat(exact.hasFrameCentre()).isTrue();
            assertThat(marched.hasFrameCentre()).isTrue();
            assertThat(north(marched.frameCentre()) - north(exact.frameCentre())).isCloseTo(0, offset(0.05));
            assertThat(east(marched.frameCentre()) - east(exact.frameCentre())).isCloseTo(0, offset(0.05));
        } else if (rangeM > geometry.maxRangeM() + 1) {
            assertThat(exact.hasFrameCentre()).isFalse();
            assertThat(marched.hasFrameCentre()).isFalse();
        }
    }

    @Test
    void hillAheadStopsTheRayEarlierThanFlatGround() {
        // ground rises 10 m per 100 m to the north of the vehicle
        TerrainModel slope = (lat, lon) -> HOME_AMSL + Math.max(0, frame.toLocal(GeoPoint.of(lat, lon)).northM()) * 0.1;
        VehiclePose pose = new VehiclePose(LAT, LON, HOME_AMSL + 100, 0, 0, 0);
        GimbalAttitude g = new GimbalAttitude(0, -45, 0, GimbalFrame.EARTH);
        Footprint f = new CameraGeometry(slope).footprint(pose, g, camera);
        // solve 100 - n = 0.1 n -> n = 90.909
        assertThat(north(f.frameCentre())).isCloseTo(100 / 1.1, offset(0.05));
        assertThat(f.frameCentre().elevationAmslM()).isCloseTo(HOME_AMSL + 100 / 11.0, offset(0.05));
    }

    @Test
    void quaternionConversionMatchesEulerAngles() {
        double r = Math.toRadians(5) / 2;
        double p = Math.toRadians(-30) / 2;
        double y = Math.toRadians(40) / 2;
        double w = Math.cos(r) * Math.cos(p) * Math.cos(y) + Math.sin(r) * Math.sin(p) * Math.sin(y);
        double x = Math.sin(r) * Math.cos(p) * Math.cos(y) - Math.cos(r) * Math.sin(p) * Math.sin(y);
        double yq = Math.cos(r) * Math.sin(p) * Math.cos(y) + Math.sin(r) * Math.cos(p) * Math.sin(y);
        double z = Math.cos(r) * Math.cos(p) * Math.sin(y) - Math.sin(r) * Math.sin(p) * Math.cos(y);
        GimbalAttitude g = GimbalAttitude.fromGimbalDeviceAttitudeStatus(
                new float[] {(float) w, (float) x, (float) yq, (float) z}, GimbalAttitude.GIMBAL_DEVICE_FLAGS_YAW_LOCK);
        assertThat(g.rollDeg()).isCloseTo(5, offset(1e-4));
        assertThat(g.pitchDeg()).isCloseTo(-30, offset(1e-4));
        assertThat(g.yawDeg()).isCloseTo(40, offset(1e-4));
        assertThat(g.frame()).isEqualTo(GimbalFrame.EARTH);
        assertThat(GimbalAttitude.fromGimbalDeviceAttitudeStatus(new float[] {1, 0, 0, 0}, 0).frame())
                .isEqualTo(GimbalFrame.HEADING_RELATIVE);
        GimbalAttitude m = GimbalAttitude.fromMountStatus(-4500, 0, 1000);
        assertThat(m.pitchDeg()).isEqualTo(-45);
        assertThat(m.yawDeg()).isEqualTo(10);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> CameraModel.of(0, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizontal field of view 0.0");
        assertThatThrownBy(() -> new VehiclePose(91, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GimbalAttitude(Double.NaN, 0, 0, GimbalFrame.BODY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rollDeg");
    }
}

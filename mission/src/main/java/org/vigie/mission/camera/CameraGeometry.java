package org.vigie.mission.camera;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;

/**
 * Computes the camera {@link Footprint}: camera orientation = vehicle attitude x gimbal attitude x camera mounting
 * (EJML 3x3 rotations in NED), then the boresight, the four corner rays and a ring of image-border rays intersected
 * with the {@link TerrainModel}.
 *
 * <p>Camera axes: x along the boresight, y to the image right, z to the image bottom. A ray misses the ground when it
 * points at or above the horizon, when the terrain is unknown, or when the hit lies farther than {@code maxRangeM}
 * horizontally; misses are reported as null, never as a made-up point.
 *
 * <p>Threading: an instance reuses scratch matrices and is confined to one thread (the metadata streamer's event
 * thread); create one per thread. Errors: invalid arguments throw {@link IllegalArgumentException}.
 */
public final class CameraGeometry {

    /** Default horizontal range beyond which a ray counts as missing the ground, metres. */
    public static final double DEFAULT_MAX_RANGE_M = 3000;
    /** Default number of outline rays along each image edge (corners included once). */
    public static final int DEFAULT_OUTLINE_SAMPLES_PER_EDGE = 16;

    private final TerrainModel terrain;
    private final double maxRangeM;
    private final int samplesPerEdge;

    private final DMatrixRMaj body = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj gimbal = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj mount = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj tmp = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj camera = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj relative = new DMatrixRMaj(3, 3);
    private final double[] euler = new double[3];
    private final double[] ray = new double[3];
    private final double[] hit = new double[3];

    /**
     * Geometry over a terrain with the default range and outline density.
     *
     * @param terrain the ground model
     */
    public CameraGeometry(TerrainModel terrain) {
        this(terrain, DEFAULT_MAX_RANGE_M, DEFAULT_OUTLINE_SAMPLES_PER_EDGE);
    }

    /**
     * Geometry with explicit limits.
     *
     * @param terrain the ground model
     * @param maxRangeM horizontal range beyond which a hit counts as a miss, metres, positive
     * @param samplesPerEdge outline rays per image edge, 1 or more
     * @throws IllegalArgumentException on a null terrain or out-of-range limits
     */
    public CameraGeometry(TerrainModel terrain, double maxRangeM, int samplesPerEdge) {
        if (terrain == null) {
            throw new IllegalArgumentException("terrain model is null");
        }
        if (!(maxRangeM > 0) || Double.isInfinite(maxRangeM)) {
            throw new IllegalArgumentException("maxRangeM " + maxRangeM + " must be positive and finite");
        }
        if (samplesPerEdge < 1) {
            throw new IllegalArgumentException("samplesPerEdge " + samplesPerEdge + " must be at least 1");
        }
        this.terrain = terrain;
        this.maxRangeM = maxRangeM;
        this.samplesPerEdge = samplesPerEdge;
    }

    /** @return the terrain model */
    public TerrainModel terrain() {
        return terrain;
    }

    /** @return horizontal range beyond which rays count as missing, metres */
    public double maxRangeM() {
        return maxRangeM;
    }

    /**
     * Computes the footprint.
     *
     * @param pose vehicle position and attitude
     * @param gimbalAttitude gimbal attitude in its frame
     * @param cameraModel field of view and mounting
     * @return the footprint (points that miss the ground are null)
     * @throws IllegalArgumentException if an argument is null
     */
    public Footprint footprint(VehiclePose pose, GimbalAttitude gimbalAttitude, CameraModel cameraModel) {
        if (pose == null || gimbalAttitude == null || cameraModel == null) {
            throw new IllegalArgumentException("pose, gimbal attitude and camera model are required");
        }
        cameraRotation(pose, gimbalAttitude, cameraModel, camera);
        Rotations.eulerZyxDeg(camera, euler);
        double camRoll = euler[0];
        double camPitch = euler[1];
        double camYaw = norm360(euler[2]);
        Rotations.multTransA(body, camera, relative);
        Rotations.eulerZyxDeg(relative, euler);
        double relRoll = norm360(euler[0]);
        double relElevation = euler[1];
        double relAzimuth = norm360(euler[2]);

        LocalFrame frame = new LocalFrame(GeoPoint.of(pose.latitudeDeg(), pose.longitudeDeg()));
        double tanH = Math.tan(Math.toRadians(cameraModel.horizontalFovDeg() / 2));
        double tanV = Math.tan(Math.toRadians(cameraModel.verticalFovDeg() / 2));

        GroundPoint centre = null;
        double slant = Double.NaN;
        if (cast(pose, frame, 0, 0, tanH, tanV)) {
            centre = ground(frame, hit[0], hit[1], hit[2]);
            double dn = hit[0];
            double de = hit[1];
            double dd = pose.altitudeAmslM() - hit[2];
            slant = Math.sqrt(dn * dn + de * de + dd * dd);
        }
        GroundPoint[] corners = new GroundPoint[4];
        double[][] uv = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (int i = 0; i < 4; i++) {
            if (cast(pose, frame, uv[i][0], uv[i][1], tanH, tanV)) {
                corners[i] = ground(frame, hit[0], hit[1], hit[2]);
            }
        }
        List<GroundPoint> outline = outline(pose, frame, tanH, tanV);
        return new Footprint(pose, camRoll, camPitch, camYaw, relAzimuth, relElevation, relRoll, centre, slant,
                Arrays.asList(corners), outline);
    }

    /**
     * Intersects the ray through a normalised image point with the ground.
     *
     * @param pose vehicle pose
     * @param gimbalAttitude gimbal attitude
     * @param cameraModel camera
     * @param u horizontal image coordinate, -1 (left edge) to 1 (right edge)
     * @param v vertical image coordinate, -1 (top edge) to 1 (bottom edge)
     * @return the ground point, or null if the ray misses within range
     */
    public @Nullable GroundPoint groundPoint(VehiclePose pose, GimbalAttitude gimbalAttitude, CameraModel cameraModel,
            double u, double v) {
        cameraRotation(pose, gimbalAttitude, cameraModel, camera);
        LocalFrame frame = new LocalFrame(GeoPoint.of(pose.latitudeDeg(), pose.longitudeDeg()));
        double tanH = Math.tan(Math.toRadians(cameraModel.horizontalFovDeg() / 2));
        double tanV = Math.tan(Math.toRadians(cameraModel.verticalFovDeg() / 2));
        if (!cast(pose, frame, u, v, tanH, tanV)) {
            return null;
        }
        return ground(frame, hit[0], hit[1], hit[2]);
    }

    private List<GroundPoint> outline(VehiclePose pose, LocalFrame frame, double tanH, double tanV) {
        int n = samplesPerEdge;
        List<GroundPoint> pts = new ArrayList<>(4 * n + 8);
        // far points are pushed out so that chords between angular samples still enclose the range circle
        double far = maxRangeM * 1.25;
        for (int edge = 0; edge < 4; edge++) {
            for (int k = 0; k < n; k++) {
                double t = -1 + 2.0 * k / n;
                double u;
                double v;
                switch (edge) {
                    case 0 -> { u = t; v = -1; }
                    case 1 -> { u = 1; v = t; }
                    case 2 -> { u = -t; v = 1; }
                    default -> { u = -1; v = -t; }
                }
                if (cast(pose, frame, u, v, tanH, tanV)) {
                    pts.add(ground(frame, hit[0], hit[1], hit[2]));
                } else {
                    double h = Math.hypot(ray[0], ray[1]);
                    if (h > 1e-9) {
                        double n0 = ray[0] / h * far;
                        double e0 = ray[1] / h * far;
                        pts.add(ground(frame, n0, e0, Double.NaN));
                    }
                }
            }
        }
        return pts;
    }

    /** Camera-to-NED rotation into out. */
    private void cameraRotation(VehiclePose pose, GimbalAttitude g, CameraModel cam, DMatrixRMaj out) {
        Rotations.zyx(pose.rollDeg(), pose.pitchDeg(), pose.yawDeg(), body);
        Rotations.zyx(cam.mountRollDeg(), cam.mountPitchDeg(), cam.mountYawDeg(), mount);
        switch (g.frame()) {
            case BODY -> {
                Rotations.zyx(g.rollDeg(), g.pitchDeg(), g.yawDeg(), gimbal);
                Rotations.mult(body, gimbal, tmp);
            }
            case HEADING_RELATIVE -> Rotations.zyx(g.rollDeg(), g.pitchDeg(), g.yawDeg() + pose.yawDeg(), tmp);
            case EARTH -> Rotations.zyx(g.rollDeg(), g.pitchDeg(), g.yawDeg(), tmp);
            default -> throw new IllegalStateException("frame " + g.frame());
        }
        Rotations.mult(tmp, mount, out);
    }

    /**
     * Casts the ray through image point (u, v); on a hit writes north, east (m from the vehicle) and ground elevation
     * into {@link #hit}. The NED ray direction is left in {@link #ray}.
     */
    private boolean cast(VehiclePose pose, LocalFrame frame, double u, double v, double tanH, double tanV) {
        double cx = 1;
        double cy = u * tanH;
        double cz = v * tanV;
        double[] m = camera.data;
        double dn = m[0] * cx + m[1] * cy + m[2] * cz;
        double de = m[3] * cx + m[4] * cy + m[5] * cz;
        double dd = m[6] * cx + m[7] * cy + m[8] * cz;
        double len = Math.sqrt(dn * dn + de * de + dd * dd);
        ray[0] = dn / len;
        ray[1] = de / len;
        ray[2] = dd / len;
        if (ray[2] <= 1e-9) {
            return false;
        }
        double horizontal = Math.hypot(ray[0], ray[1]);
        if (terrain instanceof FlatTerrain flat) {
            double height = pose.altitudeAmslM() - flat.elevationAmslValueM();
            if (height <= 0) {
                return false;
            }
            double t = height / ray[2];
            if (t * horizontal > maxRangeM) {
                return false;
            }
            hit[0] = t * ray[0];
            hit[1] = t * ray[1];
            hit[2] = flat.elevationAmslValueM();
            return true;
        }
        return march(pose, frame, horizontal);
    }

    /** Ray marching over a general terrain, then bisection to 1 cm. */
    private boolean march(VehiclePose pose, LocalFrame frame, double horizontal) {
        double alt0 = pose.altitudeAmslM();
        double tPrev = 0;
        double t = 0;
        double maxT = horizontal > 1e-9 ? maxRangeM / horizontal : Double.MAX_VALUE;
        double above = alt0 - terrainAt(frame, 0, 0);
        if (!(above > 0)) {
            return false;
        }
        for (int i = 0; i < 100_000 && t <= maxT; i++) {
            double step = Math.min(50.0, Math.max(0.5, 0.5 * above / Math.max(ray[2], 1e-3)));
            tPrev = t;
            t += step;
            double ground = terrainAt(frame, t * ray[0], t * ray[1]);
            if (Double.isNaN(ground)) {
                return false;
            }
            above = alt0 - t * ray[2] - ground;
            if (above <= 0) {
                double lo = tPrev;
                double hi = t;
                while (hi - lo > 0.01) {
                    double mid = 0.5 * (lo + hi);
                    double g = terrainAt(frame, mid * ray[0], mid * ray[1]);
                    if (Double.isNaN(g) || alt0 - mid * ray[2] - g <= 0) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                if (hi * horizontal > maxRangeM) {
                    return false;
                }
                hit[0] = hi * ray[0];
                hit[1] = hi * ray[1];
                hit[2] = terrainAt(frame, hit[0], hit[1]);
                return !Double.isNaN(hit[2]);
            }
        }
        return false;
    }

    private double terrainAt(LocalFrame frame, double northM, double eastM) {
        GeoPoint g = frame.toGeo(eastM, northM, 0);
        return terrain.elevationAmslM(g.latDeg(), g.lonDeg());
    }

    /** The WGS84 point of a tangent-plane position (north, east metres from the vehicle). */
    private static GroundPoint ground(LocalFrame frame, double northM, double eastM, double elevationAmslM) {
        GeoPoint g = frame.toGeo(eastM, northM, 0);
        return new GroundPoint(g.latDeg(), g.lonDeg(), elevationAmslM);
    }

    private static double norm360(double deg) {
        double d = deg % 360;
        return d < 0 ? d + 360 : d;
    }
}

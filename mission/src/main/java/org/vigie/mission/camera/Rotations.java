package org.vigie.mission.camera;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Rotation matrices (EJML, row-major 3x3) for the Z-Y-X Euler sequence used by MAVLink attitudes: {@code R = Rz(yaw)
 * Ry(pitch) Rx(roll)} rotates vectors from the rotated frame into the reference frame. Stateless.
 */
public final class Rotations {

    private Rotations() {
    }

    /**
     * Writes {@code Rz(yaw) Ry(pitch) Rx(roll)} into {@code out}.
     *
     * @param rollDeg roll, degrees
     * @param pitchDeg pitch, degrees
     * @param yawDeg yaw, degrees
     * @param out a 3x3 matrix, overwritten
     * @return out
     */
    public static DMatrixRMaj zyx(double rollDeg, double pitchDeg, double yawDeg, DMatrixRMaj out) {
        double r = Math.toRadians(rollDeg);
        double p = Math.toRadians(pitchDeg);
        double y = Math.toRadians(yawDeg);
        double cr = Math.cos(r);
        double sr = Math.sin(r);
        double cp = Math.cos(p);
        double sp = Math.sin(p);
        double cy = Math.cos(y);
        double sy = Math.sin(y);
        out.reshape(3, 3);
        out.set(0, 0, cy * cp);
        out.set(0, 1, cy * sp * sr - sy * cr);
        out.set(0, 2, cy * sp * cr + sy * sr);
        out.set(1, 0, sy * cp);
        out.set(1, 1, sy * sp * sr + cy * cr);
        out.set(1, 2, sy * sp * cr - cy * sr);
        out.set(2, 0, -sp);
        out.set(2, 1, cp * sr);
        out.set(2, 2, cp * cr);
        return out;
    }

    /**
     * Z-Y-X Euler angles of a rotation matrix.
     *
     * @param m a 3x3 rotation
     * @param out receives roll, pitch, yaw in degrees (yaw and roll in (-180, 180])
     * @return out
     */
    public static double[] eulerZyxDeg(DMatrixRMaj m, double[] out) {
        double sp = -m.get(2, 0);
        sp = Math.max(-1, Math.min(1, sp));
        double pitch = Math.asin(sp);
        double roll;
        double yaw;
        if (Math.abs(sp) > 1 - 1e-12) {
            // gimbal lock: put the whole rotation about z into yaw
            roll = 0;
            yaw = Math.atan2(-m.get(0, 1), m.get(1, 1));
        } else {
            roll = Math.atan2(m.get(2, 1), m.get(2, 2));
            yaw = Math.atan2(m.get(1, 0), m.get(0, 0));
        }
        out[0] = Math.toDegrees(roll);
        out[1] = Math.toDegrees(pitch);
        out[2] = Math.toDegrees(yaw);
        return out;
    }

    /**
     * {@code out = a * b}.
     *
     * @return out
     */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        CommonOps_DDRM.mult(a, b, out);
        return out;
    }

    /**
     * {@code out = transpose(a) * b}.
     *
     * @return out
     */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        CommonOps_DDRM.multTransA(a, b, out);
        return out;
    }
}

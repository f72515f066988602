package org.vigie.sim;

import java.util.Random;

/**
 * Multicopter point-mass dynamics with a position/velocity controller, wind (steady plus seeded Gauss-Markov gusts)
 * and a battery model. Positions are metres north/east of home and metres up from home; velocities m/s.
 *
 * <p>The controller accelerates towards its target with the horizontal and vertical acceleration limits, cruises at
 * the speed limit and brakes so as to stop on the target; a position target with a height change is flown along the
 * straight 3-D line as ArduCopter's waypoint navigation does (climb while moving). The airframe cannot fly faster than
 * {@link SimConfig#maxAirspeedMps()} through the air: wind stronger than that pushes it away.
 *
 * <p>Threading: confined to the simulator's event thread.
 */
final class FlightModel {

    /** What the controller is doing. */
    enum Target { IDLE, POSITION, VELOCITY, LAND }

    static final double GRAVITY = 9.80665;

    // state
    double northM;
    double eastM;
    double altM;
    double vnMps;
    double veMps;
    double vuMps;
    double yawDeg;
    double rollRad;
    double pitchRad;
    double yawRateDps;
    boolean onGround = true;
    double consumedMah;
    double currentA;
    double voltageV = 12.6;

    // commanded ground velocity (controller output)
    private double cmdVn;
    private double cmdVe;
    private double cmdVu;

    // target
    Target target = Target.IDLE;
    double tgtNorthM;
    double tgtEastM;
    double tgtAltM;
    double tgtSpeedMps = 10;
    double tgtVnMps;
    double tgtVeMps;
    double tgtVuMps;
    double desiredYawDeg = Double.NaN;

    // limits (set from parameters)
    double maxSpeedMps = 10;
    double accelMps2 = 2.5;
    double climbMps = 2.5;
    double descentMps = 1.5;
    double accelZMps2 = 1.0;
    double landSpeedMps = 0.5;
    double landSpeedHighMps = 1.5;
    double landAltLowM = 10;
    double yawRateMaxDps = 60;
    final double maxAirspeedMps;
    final double hoverCurrentA;
    final double capacityMah;

    // wind
    double windNorthMps;
    double windEastMps;
    double gustStdMps;
    private double gustN;
    private double gustE;
    private double windEstN;
    private double windEstE;
    private final Random random;

    double lastTouchdownSpeedMps;

    FlightModel(SimConfig config, Random random) {
        this.random = random;
        this.maxAirspeedMps = config.maxAirspeedMps();
        this.hoverCurrentA = config.hoverCurrentA();
        this.capacityMah = config.batteryCapacityMah();
        this.windNorthMps = config.windNorthMps();
        this.windEastMps = config.windEastMps();
        this.gustStdMps = config.gustStdMps();
        this.windEstN = windNorthMps;
        this.windEstE = windEastMps;
    }

    double groundSpeedMps() {
        return GeoNe.hypot(vnMps, veMps);
    }

    double remainingFraction() {
        return Math.max(0, 1 - consumedMah / capacityMah);
    }

    /** Below this horizontal or vertical distance to go, the axes are flown independently (settling on a target). */
    private static final double STRAIGHT_MIN_M = 1.0;

    void flyTo(double north, double east, double alt, double speedMps) {
        target = Target.POSITION;
        tgtNorthM = north;
        tgtEastM = east;
        tgtAltM = alt;
        tgtSpeedMps = Math.max(0.1, speedMps);
    }

    void flyVelocity(double vn, double ve, double vu) {
        target = Target.VELOCITY;
        tgtVnMps = vn;
        tgtVeMps = ve;
        tgtVuMps = vu;
    }

    /** Holds the point where the vehicle will stop when braking at the acceleration limit. */
    void brake() {
        double v = groundSpeedMps();
        double stop = v * v / (2 * accelMps2);
        double n = northM;
        double e = eastM;
        if (v > 0.01) {
            n += vnMps / v * stop;
            e += veMps / v * stop;
        }
        flyTo(n, e, onGround ? 0 : altM, maxSpeedMps);
    }

    void land() {
        target = Target.LAND;
        tgtNorthM = northM;
        tgtEastM = eastM;
    }

    void idle() {
        target = Target.IDLE;
    }

    double distanceToTargetM() {
        return GeoNe.hypot(tgtNorthM - northM, tgtEastM - eastM);
    }

    /**
     * Advances the model.
     *
     * @param dt step, seconds
     * @param motorsRunning armed and spooled up
     * @return true if the vehicle touched down during this step
     */
    boolean step(double dt, boolean motorsRunning) {
        updateWind(dt);
        boolean touchdown = false;
        if (!motorsRunning || target == Target.IDLE) {
            cmdVn = cmdVe = cmdVu = 0;
            if (onGround || !motorsRunning) {
                if (!onGround) {
                    // motors stopped in the air: fall
                    vuMps -= GRAVITY * dt;
                    altM += vuMps * dt;
                    northM += vnMps * dt;
                    eastM += veMps * dt;
                    if (altM <= 0) {
                        touchdown = touchDown();
                    }
                } else {
                    vnMps = veMps = vuMps = 0;
                }
                updateBattery(dt, motorsRunning);
                updateAttitude(dt, 0, 0);
                return touchdown;
            }
        }
        double desVn;
        double desVe;
        double desVu;
        switch (target) {
            case POSITION -> {
                double dn = tgtNorthM - northM;
                double de = tgtEastM - eastM;
                double d = GeoNe.hypot(dn, de);
                double s = Math.min(tgtSpeedMps, Math.min(Math.sqrt(2 * accelMps2 * d), 1.5 * d));
                double dz = tgtAltM - altM;
                desVu = verticalSpeedTo(dz);
                if (d > STRAIGHT_MIN_M && Math.abs(dz) > STRAIGHT_MIN_M) {
                    // AC_WPNav: a position target is flown along the straight 3-D line, each axis within its limit
                    // (WPNAV_SPEED, WPNAV_SPEED_UP/DN): the slower axis sets the pace of both
                    double k = Math.min(s / d, Math.abs(desVu) / Math.abs(dz));
                    s = k * d;
                    desVu = k * dz;
                }
                desVn = d > 1e-3 ? dn / d * s : 0;
                desVe = d > 1e-3 ? de / d * s : 0;
            }
            case VELOCITY -> {
                desVn = tgtVnMps;
                desVe = tgtVeMps;
                desVu = Math.max(-descentMps, Math.min(climbMps, tgtVuMps));
            }
            case LAND -> {
                double dn = tgtNorthM - northM;
                double de = tgtEastM - eastM;
                desVn = Math.max(-2, Math.min(2, dn));
                desVe = Math.max(-2, Math.min(2, de));
                desVu = -(altM > landAltLowM ? landSpeedHighMps : landSpeedMps);
            }
            default -> {
                desVn = desVe = desVu = 0;
            }
        }
        double dvn = desVn - cmdVn;
        double dve = desVe - cmdVe;
        double dv = GeoNe.hypot(dvn, dve);
        double maxDv = accelMps2 * dt;
        if (dv > maxDv) {
            dvn *= maxDv / dv;
            dve *= maxDv / dv;
        }
        double accN = dvn / dt;
        double accE = dve / dt;
        cmdVn += dvn;
        cmdVe += dve;
        double dvu = desVu - cmdVu;
        double maxDvu = accelZMps2 * dt;
        cmdVu += Math.max(-maxDvu, Math.min(maxDvu, dvu));
        if (onGround && cmdVu <= 0) {
            vnMps = veMps = vuMps = 0;
            cmdVn = cmdVe = 0;
            updateBattery(dt, true);
            updateAttitude(dt, 0, 0);
            return false;
        }
        onGround = false;
        double windN = windNorthMps + gustN;
        double windE = windEastMps + gustE;
        // the controller flies through the air what it believes is needed; the estimate lags the true wind
        double airN = cmdVn - windEstN;
        double airE = cmdVe - windEstE;
        double air = GeoNe.hypot(airN, airE);
        if (air > maxAirspeedMps) {
            airN *= maxAirspeedMps / air;
            airE *= maxAirspeedMps / air;
            air = maxAirspeedMps;
        }
        double alpha = Math.min(1, dt / 3.0);
        windEstN += (windN - windEstN) * alpha;
        windEstE += (windE - windEstE) * alpha;
        vnMps = airN + windN;
        veMps = airE + windE;
        vuMps = cmdVu;
        northM += vnMps * dt;
        eastM += veMps * dt;
        altM += vuMps * dt;
        if (altM <= 0 && vuMps <= 0) {
            touchdown = touchDown();
        }
        updateBattery(dt, true);
        updateAttitude(dt, accN, accE);
        updateAttitudeFromAir(airN, airE);
        return touchdown;
    }

    private boolean touchDown() {
        lastTouchdownSpeedMps = -vuMps;
        altM = 0;
        vnMps = veMps = vuMps = 0;
        cmdVn = cmdVe = cmdVu = 0;
        onGround = true;
        return true;
    }

    private double verticalSpeedTo(double dAlt) {
        double a = Math.abs(dAlt);
        double s = Math.min(Math.sqrt(2 * accelZMps2 * a), 1.0 * a + 0.05);
        if (dAlt >= 0) {
            return Math.min(climbMps, s);
        }
        return -Math.min(descentMps, s);
    }

    private void updateWind(double dt) {
        if (gustStdMps > 0) {
            double tau = 4.0;
            double a = Math.exp(-dt / tau);
            double b = gustStdMps * Math.sqrt(1 - a * a);
            gustN = a * gustN + b * random.nextGaussian();
            gustE = a * gustE + b * random.nextGaussian();
        } else {
            gustN = gustE = 0;
        }
    }

    private void updateBattery(double dt, boolean motorsRunning) {
        if (!motorsRunning) {
            currentA = 0.4;
        } else if (onGround) {
            currentA = 0.15 * hoverCurrentA + 0.4;
        } else {
            double air = GeoNe.hypot(vnMps - windNorthMps - gustN, veMps - windEastMps - gustE);
            double r = air / maxAirspeedMps;
            currentA = hoverCurrentA * (1 + 0.6 * r * r) + Math.max(0, vuMps) * 0.12 * hoverCurrentA + 0.4;
        }
        consumedMah += currentA * dt / 3.6;
        double rem = remainingFraction();
        voltageV = 3 * (3.45 + 0.75 * rem) - currentA * 0.01;
    }

    private void updateAttitude(double dt, double accN, double accE) {
        if (!Double.isNaN(desiredYawDeg)) {
            double err = ((desiredYawDeg - yawDeg) % 360 + 540) % 360 - 180;
            double maxStep = yawRateMaxDps * dt;
            double stepDeg = Math.max(-maxStep, Math.min(maxStep, err));
            yawRateDps = stepDeg / dt;
            yawDeg = ((yawDeg + stepDeg) % 360 + 360) % 360;
        } else {
            yawRateDps = 0;
        }
        double yaw = Math.toRadians(yawDeg);
        double fwd = accN * Math.cos(yaw) + accE * Math.sin(yaw);
        double right = -accN * Math.sin(yaw) + accE * Math.cos(yaw);
        pitchRad = -Math.atan(fwd / GRAVITY);
        rollRad = Math.atan(right / GRAVITY);
    }

    private void updateAttitudeFromAir(double airN, double airE) {
        double yaw = Math.toRadians(yawDeg);
        double fwd = airN * Math.cos(yaw) + airE * Math.sin(yaw);
        double right = -airN * Math.sin(yaw) + airE * Math.cos(yaw);
        double k = Math.toRadians(30) / maxAirspeedMps;
        pitchRad += -fwd * k;
        rollRad += right * k;
    }
}

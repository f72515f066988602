package org.vigie.sim;

import org.vigie.link.time.Scheduler;

/**
 * The simulated autopilot's mutable state that several of its parts read and change: lifecycle, GPS/EKF readiness,
 * home, mode and arming, take-off, speed override, battery flags and the fence in force. Each field is documented
 * by its group; the part that owns a piece of logic keeps its private state to itself.
 *
 * <p>Threading: confined to the simulator's event thread, no locks. {@link #mode} and {@link #armed} are volatile
 * because {@link SimVehicle#mode()} and {@link SimVehicle#armed()} may be read from any thread.
 */
final class SimState {

    private final Scheduler scheduler;

    // lifecycle
    /** Scheduler time of the last boot, ns. */
    long bootNs;
    /** Rebooting: nothing is sent or handled. */
    boolean silent;
    /** Closed for good. */
    boolean closed;

    // readiness
    boolean gpsDetected;
    boolean gpsFix;
    boolean ekfOrigin;
    boolean ekfReady;
    boolean gpsLostFault;
    boolean ekfFailFault;
    /** Scheduler time the GPS was lost, ns; -1 while it works. */
    long gpsLostSinceNs = -1;
    /** GPS position error now, north and east, metres. */
    double gpsErrNorthM;
    double gpsErrEastM;

    // home
    boolean homeSet;
    /** DO_SET_HOME was used: arming no longer moves home to where the vehicle is. */
    boolean homeLocked;
    double homeNorthM;
    double homeEastM;
    double homeAltAmslM;

    // mode, arming, take-off
    volatile CopterMode mode = CopterMode.STABILIZE;
    volatile boolean armed;
    /** Scheduler time of the last arming, ns. */
    long armedAtNs;
    /** Armed and allowed to fly the mission (ArduCopter's auto_armed). */
    boolean autoArmed;
    boolean landComplete = true;
    /** Since when the vehicle sits armed and idle on the ground, ns (for DISARM_DELAY). */
    long idleOnGroundSinceNs;
    boolean takeoffActive;
    boolean takeoffClimbing;
    /** HEARTBEAT's MAV_MODE_FLAG_GUIDED_ENABLED in the ArduCopter flavour. */
    boolean neActive = true;
    /** DO_CHANGE_SPEED or DO_REPOSITION speed, m/s; NaN for WPNAV_SPEED. */
    double speedOverrideMps = Double.NaN;
    /** Time flown (armed and in the air) since power-on, s. */
    double flightTimeS;
    boolean battLow;
    boolean battCritical;

    // fence in force
    FenceModel fence = new FenceModel();
    boolean fenceEnabled;
    /** FENCE_TYPE bits in force: 1 max altitude, 2 circle, 4 polygon. */
    int fenceTypeActive;
    /** FENCE_STATUS breach_mitigation: 1 none, 2 velocity limited by avoidance. */
    int mitigation = 1;

    SimState(Scheduler scheduler, double homeAltAmslM) {
        this.scheduler = scheduler;
        this.homeAltAmslM = homeAltAmslM;
    }

    /** @return scheduler time, ns */
    long now() {
        return scheduler.nanoTime();
    }

    /** @return time since boot, ms */
    long bootMs() {
        return (now() - bootNs) / 1_000_000L;
    }

    /** @return time since boot, s */
    double elapsedS() {
        return (now() - bootNs) / 1e9;
    }

    /** @return whether the EKF has a usable absolute position */
    boolean positionOk() {
        if (!ekfReady || ekfFailFault) {
            return false;
        }
        return gpsLostSinceNs < 0 || now() - gpsLostSinceNs < 5_000_000_000L;
    }

    /**
     * @param frame MAV_FRAME of the altitude
     * @param z the altitude as sent, m
     * @return the altitude above home, m
     */
    double altRelFromFrame(int frame, float z) {
        return switch (frame) {
            case 0, 5 -> z - homeAltAmslM;
            default -> z;
        };
    }

    /**
     * @param flight the flight model (for WPNAV_SPEED)
     * @return the horizontal speed to fly waypoints at, m/s
     */
    double wpSpeed(FlightModel flight) {
        return Double.isNaN(speedOverrideMps) ? flight.maxSpeedMps : speedOverrideMps;
    }
}

package org.vigie.sim;

import org.jspecify.annotations.Nullable;

/**
 * PX4's custom_mode encoding (main mode in bits 16..23, sub mode in bits 24..31) for the modes the simulator flies:
 * STABILIZE = STABILIZED (7), ALT_HOLD = ALTCTL (2), LOITER = AUTO.LOITER (4/3), AUTO = AUTO.MISSION (4/4),
 * RTL = AUTO.RTL (4/5), LAND = AUTO.LAND (4/6), GUIDED = OFFBOARD (6) or, while taking off, AUTO.TAKEOFF (4/2),
 * BRAKE = AUTO.LOITER.
 */
final class Px4Modes {

    private Px4Modes() {}

    static long encode(int main, int sub) {
        return ((long) main << 16) | ((long) sub << 24);
    }

    static long customMode(CopterMode m, boolean takingOff) {
        return switch (m) {
            case STABILIZE -> encode(7, 0);
            case ALT_HOLD -> encode(2, 0);
            case LOITER, BRAKE -> encode(4, 3);
            case AUTO -> encode(4, 4);
            case RTL -> encode(4, 5);
            case LAND -> encode(4, 6);
            case GUIDED -> takingOff ? encode(4, 2) : encode(6, 0);
        };
    }

    static @Nullable CopterMode fromCustomMode(long custom) {
        int main = (int) ((custom >> 16) & 0xFF);
        int sub = (int) ((custom >> 24) & 0xFF);
        return switch (main) {
            case 7, 1 -> CopterMode.STABILIZE;
            case 2 -> CopterMode.ALT_HOLD;
            case 3 -> CopterMode.LOITER;
            case 6 -> CopterMode.GUIDED;
            case 4 -> switch (sub) {
                case 2 -> CopterMode.GUIDED;
                case 3 -> CopterMode.LOITER;
                case 4 -> CopterMode.AUTO;
                case 5 -> CopterMode.RTL;
                case 6 -> CopterMode.LAND;
                default -> null;
            };
            default -> null;
        };
    }
}

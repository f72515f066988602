package org.vigie.sim;

import org.jspecify.annotations.Nullable;

/**
 * The ArduCopter flight modes the simulator flies, with their custom_mode numbers and the names ArduCopter uses in
 * its STATUSTEXT messages.
 */
public enum CopterMode {
    /** Manual, self-levelling. */
    STABILIZE(0, "STABILIZE", false),
    /** Manual with altitude hold. */
    ALT_HOLD(2, "ALT_HOLD", false),
    /** Mission execution. */
    AUTO(3, "AUTO", true),
    /** Companion / GCS control. */
    GUIDED(4, "GUIDED", true),
    /** Position hold. */
    LOITER(5, "LOITER", true),
    /** Return to launch. */
    RTL(6, "RTL", true),
    /** Land where it is. */
    LAND(9, "LAND", false),
    /** Stop as fast as possible and hold. */
    BRAKE(17, "BRAKE", true);

    private final int number;
    private final String label;
    private final boolean requiresPosition;

    CopterMode(int number, String label, boolean requiresPosition) {
        this.number = number;
        this.label = label;
        this.requiresPosition = requiresPosition;
    }

    /** @return ArduCopter custom_mode number */
    public int number() {
        return number;
    }

    /** @return the name ArduCopter prints */
    public String label() {
        return label;
    }

    /** @return whether ArduCopter refuses the mode without a position estimate */
    public boolean requiresPosition() {
        return requiresPosition;
    }

    /**
     * Looks a mode up by number.
     *
     * @param number custom_mode
     * @return the mode, or null if the simulator does not fly it
     */
    public static @Nullable CopterMode fromNumber(long number) {
        for (CopterMode m : values()) {
            if (m.number == number) {
                return m;
            }
        }
        return null;
    }
}

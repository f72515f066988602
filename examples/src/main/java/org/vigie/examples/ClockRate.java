package org.vigie.examples;

import java.util.Locale;

/**
 * How fast the autopilot's clock runs against the companion's, measured from the autopilot's {@code time_boot_ms}
 * (SYSTEM_TIME, ATTITUDE, GLOBAL_POSITION_INT) against the companion's scheduler clock over the same span. A
 * simulator or SITL started with {@code --speedup 10} beside a companion at 1x reads 10; the launcher refuses to fly
 * unless it is within {@link #MIN_MATCH}..{@link #MAX_MATCH}, since every time-out, ETA, energy figure and
 * accountability time would otherwise be wrong by that factor.
 *
 * @param ratio       autopilot seconds per companion second
 * @param autopilotS  span of the autopilot's clock measured, s
 * @param companionS  span of the companion's clock over the same samples, s
 * @param fromHeartbeats whether judged from HEARTBEATs (one per second of the autopilot's time) because no
 *                    time_boot_ms came: a coarse upper bound, used only to recognise an autopilot far slower
 */
record ClockRate(double ratio, double autopilotS, double companionS, boolean fromHeartbeats) {

    /** Lowest ratio taken as "the same rate" (a SITL that cannot keep up with its speed-up on a busy machine). */
    static final double MIN_MATCH = 0.5;
    /** Highest ratio taken as "the same rate". */
    static final double MAX_MATCH = 1.5;

    /** @return whether the two clocks run at the same rate, within the bounds */
    boolean matches() {
        return ratio >= MIN_MATCH && ratio <= MAX_MATCH;
    }

    /**
     * The sentence that refuses to fly, with what to do.
     *
     * @param companionSpeedUp the companion's {@code --speedup}
     * @return what is wrong and how to fix it
     */
    String mismatch(double companionSpeedUp) {
        double autopilotSpeedUp = ratio * companionSpeedUp;
        String evidence = fromHeartbeats
                ? String.format(Locale.ROOT, "it sent %.0f HEARTBEATs, one per second of its time, while the"
                        + " companion's clock advanced %.1f s", autopilotS, companionS)
                : String.format(Locale.ROOT, "its time_boot_ms advanced %.2f s while the companion's clock advanced"
                        + " %.1f s", autopilotS, companionS);
        return String.format(Locale.ROOT, "Refusing to fly: the autopilot's clock runs %s%.2f times as fast as the"
                        + " companion's (%s). The autopilot (a simulator or SITL) seems to run at about %s real time and the companion at"
                        + " %s: start the companion with --speedup %s, or the simulator with --speedup %s, so that"
                        + " both run at the same rate.", fromHeartbeats ? "at most " : "", ratio, evidence,
                times(autopilotSpeedUp),
                times(companionSpeedUp), plain(Math.max(1, Math.round(autopilotSpeedUp))), plain(companionSpeedUp));
    }

    private static String times(double x) {
        return (x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x)) + "x";
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}

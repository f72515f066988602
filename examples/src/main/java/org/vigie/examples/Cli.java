package org.vigie.examples;

/**
 * Reading command-line options so that a bad one is named with what was expected ({@code --on-scene must be a whole
 * number of seconds 1..3600, was 'abc'}). Stateless.
 */
final class Cli {

    private Cli() {
    }

    /**
     * The value after an option.
     *
     * @param args the arguments
     * @param i    the value's index
     * @param name the option
     * @return the value
     * @throws IllegalArgumentException if the option is last
     */
    static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + name + " needs a value (--help lists the options)");
        }
        return args[i];
    }

    /**
     * A whole number within bounds.
     *
     * @param name the option, for the message
     * @param text the value
     * @param lo   smallest accepted
     * @param hi   largest accepted
     * @return the number
     * @throws IllegalArgumentException naming the option, the range and the value
     */
    static int intIn(String name, String text, int lo, int hi) {
        long v;
        try {
            v = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number " + lo + ".." + hi + ", was '" + text
                    + "'");
        }
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be a whole number " + lo + ".." + hi + ", was " + v);
        }
        return (int) v;
    }

    /**
     * A number within bounds.
     *
     * @param name the option, for the message
     * @param text the value
     * @param lo   smallest accepted
     * @param hi   largest accepted
     * @return the number
     * @throws IllegalArgumentException naming the option, the range and the value
     */
    static double doubleIn(String name, String text, double lo, double hi) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be a number from " + fmt(lo) + " to " + fmt(hi)
                    + ", was '" + text + "'");
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

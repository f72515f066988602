package org.vigie.geofence.ed269;

import java.time.Instant;
import java.util.List;

/**
 * When an ED-269 zone applies: a list of {@link TimePeriod}s; the zone applies when any of them is in force. An empty
 * list (ED-269 leaves {@code applicability} optional) means always. Immutable.
 *
 * @param periods the periods
 */
public record Applicability(List<TimePeriod> periods) {

    /** Always in force. */
    public static final Applicability ALWAYS = new Applicability(List.of());

    /** Copies the list. */
    public Applicability {
        periods = List.copyOf(periods);
    }

    /**
     * @param from window start
     * @param to   window end, not before {@code from}
     * @return whether the zone applies at some instant of {@code [from, to)} (at {@code from} when both are equal)
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public boolean activeDuring(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window end " + to + " is before its start " + from);
        }
        if (periods.isEmpty()) {
            return true;
        }
        for (TimePeriod p : periods) {
            if (p.overlaps(from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param t an instant
     * @return whether the zone applies at {@code t}
     */
    public boolean activeAt(Instant t) {
        return activeDuring(t, t);
    }
}

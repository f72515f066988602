package org.vigie.geofence.ed269;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One ED-269 applicable time period ({@code ApplicableTimePeriod}): permanent, or from a start to an end date-time,
 * optionally narrowed to daily periods. Immutable.
 *
 * @param permanent ED-269 {@code permanent: YES}: no start nor end date
 * @param start     first instant, or null (permanent)
 * @param end       instant it ends (exclusive), or null (permanent)
 * @param schedule  daily periods it is limited to; empty: all day
 */
public record TimePeriod(boolean permanent, @Nullable Instant start, @Nullable Instant end,
                         List<DailyPeriod> schedule) {

    /** Copies the schedule; a non-permanent period needs a start before its end. */
    public TimePeriod {
        schedule = List.copyOf(schedule);
        if (!permanent && (start == null || end == null)) {
            throw new IllegalArgumentException("a period that is not permanent needs startDateTime and endDateTime");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("startDateTime " + start + " is not before endDateTime " + end);
        }
    }

    /**
     * Whether the zone applies at some instant of {@code [from, to)} (or at {@code from} when both are equal).
     *
     * @param from window start
     * @param to   window end, not before {@code from}
     * @return true if this period is in force at some instant of the window
     */
    public boolean overlaps(Instant from, Instant to) {
        Instant lo = start != null && start.isAfter(from) ? start : from;
        Instant hi = end != null && end.isBefore(to) ? end : to;
        if (!overlaps(start != null ? start : Instant.MIN, end != null ? end : Instant.MAX, from, to)) {
            return false;
        }
        if (schedule.isEmpty()) {
            return true;
        }
        for (DailyPeriod d : schedule) {
            if (d.overlaps(lo, hi)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [s, e)} meets the window {@code [from, to)}, or contains {@code from} when the window is empty. */
    static boolean overlaps(Instant s, Instant e, Instant from, Instant to) {
        if (from.equals(to)) {
            return !s.isAfter(from) && e.isAfter(from);
        }
        return s.isBefore(to) && e.isAfter(from);
    }
}

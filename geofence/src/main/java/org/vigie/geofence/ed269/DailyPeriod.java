package org.vigie.geofence.ed269;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One daily period of an ED-269 schedule ({@code DailyPeriod}): on the given days, from {@code start} to {@code end}
 * in the period's time zone. An end at or before the start runs past midnight into the next day (00:00 to 00:00 is
 * the whole day). Immutable.
 *
 * @param days  the days of the week it applies on (ED-269 {@code ANY} is all seven), not empty
 * @param start local start time
 * @param end   local end time
 * @param zone  the time zone of both times: a fixed offset ({@code Z}, {@code +01:00}) or a region
 *              ({@code Europe/Paris}, following summer time)
 */
public record DailyPeriod(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    /** Copies the days; rejects nulls and an empty day set. */
    public DailyPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a daily period needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /**
     * Whether this period is in force at some instant of {@code [from, to)} (or at {@code from} when both are equal).
     *
     * @param from window start
     * @param to   window end, not before {@code from}
     * @return true if an occurrence overlaps the window
     */
    public boolean overlaps(Instant from, Instant to) {
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!days.contains(d.getDayOfWeek())) {
                continue;
            }
            Instant s = ZonedDateTime.of(d, start, zone).toInstant();
            LocalDate endDay = end.isAfter(start) ? d : d.plusDays(1);
            Instant e = ZonedDateTime.of(endDay, end, zone).toInstant();
            if (TimePeriod.overlaps(s, e, from, to)) {
                return true;
            }
        }
        return false;
    }
}

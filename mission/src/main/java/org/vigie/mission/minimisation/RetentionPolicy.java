package org.vigie.mission.minimisation;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of flight output is kept before it is deleted, unless its incident is held as evidence.
 * Immutable.
 *
 * @param klv       KLV files
 * @param telemetry recorded telemetry
 * @param tracks    tracks, reports and maps
 */
public record RetentionPolicy(Duration klv, Duration telemetry, Duration tracks) {

    /** Longest retention accepted (a sanity limit: flight outputs are not an archive). */
    public static final Duration MAX = Duration.ofDays(366);

    /** Checks each period is in (0, {@link #MAX}]. */
    public RetentionPolicy {
        check("klv", klv);
        check("telemetry", telemetry);
        check("tracks", tracks);
    }

    /**
     * The city-service default: 7 days for everything, the longest French law lets police drone recordings be kept
     * outside a judicial, administrative or disciplinary procedure (Code de la sécurité intérieure, art. L242-4).
     *
     * @return the policy
     */
    public static RetentionPolicy cityService() {
        Duration week = Duration.ofDays(7);
        return new RetentionPolicy(week, week, week);
    }

    /**
     * @param kind an output kind
     * @return its retention period
     */
    public Duration of(OutputKind kind) {
        return switch (kind) {
            case KLV -> klv;
            case TELEMETRY -> telemetry;
            case TRACKS -> tracks;
        };
    }

    private static void check(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("retention of " + name + " " + d + " must be in (0, " + MAX.toDays()
                    + " days]");
        }
    }
}

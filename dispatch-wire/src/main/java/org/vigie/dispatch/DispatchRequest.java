package org.vigie.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One order to fly to a target: where, for which alert, how urgent, why, for how long, and who asked.
 *
 * <p>Accountability is part of the value: every dispatch names its requester (who), the requester's origin (the
 * console, centre or system it came from), the target (where) and the reason (why); the
 * companion's audit trail ({@code org.vigie.mission.audit.MissionAudit}) records all of it with the time and the
 * outcome.
 *
 * <p>Immutable and thread-safe. The compact constructor validates every field and throws
 * {@link IllegalArgumentException} naming the value and why it is wrong.
 *
 * @param alertId        the alert this dispatch answers (1 to 64 printable characters; also the KLV mission id)
 * @param targetLatDeg   target latitude, WGS84 degrees, in [-90, 90]
 * @param targetLonDeg   target longitude, WGS84 degrees, in [-180, 180]
 * @param altitudeRelM   requested on-scene altitude above home in metres, in [{@value #MIN_ALTITUDE_REL_M},
 *                       {@value #MAX_ALTITUDE_REL_M}]; empty: the companion's default transit altitude
 * @param priority       urgency, used to decide whether a second dispatch retasks the current flight
 * @param reason         why the drone is sent (free text a person can read, 1 to 200 characters)
 * @param onSceneTime    how long to stay on scene, in (0, {@value #MAX_ON_SCENE_S} s]
 * @param requesterId    who sent it (operator or system identity, 1 to 64 characters)
 * @param requesterOrigin where the order came from (centre, console, network address; 1 to 128 characters)
 * @param authorisationId the identifier of the authorisation the flight flies under (a prefectoral authorisation
 *                       number, 1 to {@value #MAX_AUTHORISATION_ID_CHARS} characters), or empty when the dispatch
 *                       names none (a district that requires one refuses it)
 */
public record DispatchRequest(
        String alertId,
        double targetLatDeg,
        double targetLonDeg,
        OptionalDouble altitudeRelM,
        DispatchPriority priority,
        String reason,
        Duration onSceneTime,
        String requesterId,
        String requesterOrigin,
        Optional<String> authorisationId) {

    /** Lowest on-scene altitude above home a dispatch may ask for, metres. */
    public static final double MIN_ALTITUDE_REL_M = 10.0;
    /** Highest on-scene altitude above home a dispatch may ask for, metres (the EU open-category ceiling). */
    public static final double MAX_ALTITUDE_REL_M = 120.0;
    /** Longest on-scene time a dispatch may ask for, seconds. */
    public static final long MAX_ON_SCENE_S = 3600;
    /** Longest authorisation identifier, characters. */
    public static final int MAX_AUTHORISATION_ID_CHARS = 64;

    /** Validates every field; see the class description for the rules. */
    public DispatchRequest {
        alertId = text("alertId", alertId, 64);
        if (!Double.isFinite(targetLatDeg) || targetLatDeg < -90 || targetLatDeg > 90) {
            throw new IllegalArgumentException("targetLatDeg " + targetLatDeg + " is not a latitude in [-90, 90]");
        }
        if (!Double.isFinite(targetLonDeg) || targetLonDeg < -180 || targetLonDeg > 180) {
            throw new IllegalArgumentException("targetLonDeg " + targetLonDeg + " is not a longitude in [-180, 180]");
        }
        Objects.requireNonNull(altitudeRelM, "altitudeRelM (use OptionalDouble.empty() for the default)");
        if (altitudeRelM.isPresent()) {
            double a = altitudeRelM.getAsDouble();
            if (!Double.isFinite(a) || a < MIN_ALTITUDE_REL_M || a > MAX_ALTITUDE_REL_M) {
                throw new IllegalArgumentException("altitudeRelM " + a + " m is outside [" + MIN_ALTITUDE_REL_M
                        + ", " + MAX_ALTITUDE_REL_M + "] m above home");
            }
        }
        if (priority == null) {
            throw new IllegalArgumentException("priority is missing");
        }
        reason = text("reason", reason, 200);
        if (onSceneTime == null || onSceneTime.isNegative() || onSceneTime.isZero()
                || onSceneTime.toSeconds() > MAX_ON_SCENE_S) {
            throw new IllegalArgumentException("onSceneTime " + onSceneTime + " is not in (0, " + MAX_ON_SCENE_S
                    + " s]");
        }
        requesterId = text("requesterId", requesterId, 64);
        requesterOrigin = text("requesterOrigin", requesterOrigin, 128);
        Objects.requireNonNull(authorisationId, "authorisationId (use Optional.empty() for none)");
        authorisationId = authorisationId.map(a -> text("authorisationId", a, MAX_AUTHORISATION_ID_CHARS));
    }

    /**
     * A request that names no authorisation (the layout before authorisations existed).
     *
     * @param alertId         the alert
     * @param targetLatDeg    target latitude, degrees
     * @param targetLonDeg    target longitude, degrees
     * @param altitudeRelM    on-scene altitude above home, metres, or empty
     * @param priority        urgency
     * @param reason          why
     * @param onSceneTime     how long on scene
     * @param requesterId     who
     * @param requesterOrigin from where
     */
    public DispatchRequest(String alertId, double targetLatDeg, double targetLonDeg, OptionalDouble altitudeRelM,
                           DispatchPriority priority, String reason, Duration onSceneTime, String requesterId,
                           String requesterOrigin) {
        this(alertId, targetLatDeg, targetLonDeg, altitudeRelM, priority, reason, onSceneTime, requesterId,
                requesterOrigin, Optional.empty());
    }

    private static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing or blank: every dispatch must say it");
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw new IllegalArgumentException(name + " is " + v.length() + " characters long, more than "
                    + maxLength);
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new IllegalArgumentException(name + " '" + v.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character at index " + i);
            }
        }
        return v;
    }

    /**
     * A copy of this request with a new target, same alert, priority, reason and requester (used by retask).
     *
     * @param latDeg new target latitude, degrees
     * @param lonDeg new target longitude, degrees
     * @return the new request, validated
     */
    public DispatchRequest withTarget(double latDeg, double lonDeg) {
        return new DispatchRequest(alertId, latDeg, lonDeg, altitudeRelM, priority, reason, onSceneTime,
                requesterId, requesterOrigin, authorisationId);
    }

    /**
     * A copy of this request with another origin (the drone appends the authenticated MAVLink source).
     *
     * @param origin the new origin, 1 to 128 characters
     * @return the new request, validated
     */
    public DispatchRequest withOrigin(String origin) {
        return new DispatchRequest(alertId, targetLatDeg, targetLonDeg, altitudeRelM, priority, reason, onSceneTime,
                requesterId, origin, authorisationId);
    }

    /**
     * Starts a builder with the mandatory fields; defaults: priority URGENT, on-scene 120 s, default altitude.
     *
     * @param alertId      the alert this dispatch answers
     * @param targetLatDeg target latitude, degrees
     * @param targetLonDeg target longitude, degrees
     * @return a builder
     */
    public static Builder builder(String alertId, double targetLatDeg, double targetLonDeg) {
        return new Builder(alertId, targetLatDeg, targetLonDeg);
    }

    /** Mutable builder for {@link DispatchRequest}; not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final String alertId;
        private final double latDeg;
        private final double lonDeg;
        private OptionalDouble altitudeRelM = OptionalDouble.empty();
        private DispatchPriority priority = DispatchPriority.URGENT;
        private @Nullable String reason;
        private Duration onSceneTime = Duration.ofMinutes(2);
        private @Nullable String requesterId;
        private @Nullable String requesterOrigin;
        private Optional<String> authorisationId = Optional.empty();

        private Builder(String alertId, double latDeg, double lonDeg) {
            this.alertId = alertId;
            this.latDeg = latDeg;
            this.lonDeg = lonDeg;
        }

        /** @param metres on-scene altitude above home, metres @return this builder */
        public Builder altitudeRelM(double metres) {
            this.altitudeRelM = OptionalDouble.of(metres);
            return this;
        }

        /** @param p urgency @return this builder */
        public Builder priority(DispatchPriority p) {
            this.priority = p;
            return this;
        }

        /** @param why why the drone is sent @return this builder */
        public Builder reason(String why) {
            this.reason = why;
            return this;
        }

        /** @param d how long to stay on scene @return this builder */
        public Builder onSceneTime(Duration d) {
            this.onSceneTime = d;
            return this;
        }

        /**
         * @param id     who sends the dispatch
         * @param origin where the order comes from
         * @return this builder
         */
        public Builder requester(String id, String origin) {
            this.requesterId = id;
            this.requesterOrigin = origin;
            return this;
        }

        /**
         * @param id the identifier of the authorisation the flight flies under
         * @return this builder
         */
        public Builder authorisation(String id) {
            this.authorisationId = Optional.of(id);
            return this;
        }

        /** @return the validated request @throws IllegalArgumentException naming the first bad field */
        // NullAway: the canonical constructor is the one check of a request and rejects a missing reason, requester
        // id or origin with an IllegalArgumentException naming the field, so the builder hands them on unchecked.
        @SuppressWarnings("NullAway")
        public DispatchRequest build() {
            return new DispatchRequest(alertId, latDeg, lonDeg, altitudeRelM, priority, reason, onSceneTime,
                    requesterId, requesterOrigin, authorisationId);
        }
    }
}

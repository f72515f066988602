package org.vigie.centre;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.dispatch.DispatchPriority;

/**
 * Tunables of a {@link DispatchCentre}. Immutable; the constructor validates and throws
 * {@link IllegalArgumentException} naming the value and its range.
 *
 * @param centreId        the centre's identity in orders and records (1..64 characters)
 * @param centreOrigin    where its orders come from, in every order (1..128 characters)
 * @param mergeRadiusM    alerts this close (metres, 1..2000) to an open incident of the same district merge into it
 * @param mergeWindow     ... if that incident was opened at most this long ago (0..1 h)
 * @param floodLimit      at most this many alerts per source (button or caller) within {@code floodWindow} (1..1000)
 * @param floodWindow     the flood-control window (1 s..1 h)
 * @param silenceTimeout  a drone not heard for this long is down (2 s..10 min)
 * @param sweepPeriod     how often silence and deadlines are checked (100 ms..1 min)
 * @param turnaround      how long a landed drone charges before it is ready again (0..2 h)
 * @param maxQueueWait    a queued incident waiting longer is refused (1 min..24 h)
 * @param onSceneTime     how long a drone stays on scene (1 s..1 h)
 * @param policies        per incident kind: agent mode, deadline, priority (every kind present)
 */
public record CentreOptions(String centreId, String centreOrigin, double mergeRadiusM, Duration mergeWindow,
                            int floodLimit, Duration floodWindow, Duration silenceTimeout, Duration sweepPeriod,
                            Duration turnaround, Duration maxQueueWait, Duration onSceneTime,
                            Map<IncidentKind, KindPolicy> policies) {

    /** Validates every field. */
    public CentreOptions {
        text("centreId", centreId, 64);
        text("centreOrigin", centreOrigin, 128);
        if (!(mergeRadiusM >= 1 && mergeRadiusM <= 2000)) {
            throw new IllegalArgumentException("mergeRadiusM " + mergeRadiusM + " is not in [1, 2000] m");
        }
        range("mergeWindow", mergeWindow, Duration.ZERO, Duration.ofHours(1));
        if (floodLimit < 1 || floodLimit > 1000) {
            throw new IllegalArgumentException("floodLimit " + floodLimit + " is not in 1..1000");
        }
        range("floodWindow", floodWindow, Duration.ofSeconds(1), Duration.ofHours(1));
        range("silenceTimeout", silenceTimeout, Duration.ofSeconds(2), Duration.ofMinutes(10));
        range("sweepPeriod", sweepPeriod, Duration.ofMillis(100), Duration.ofMinutes(1));
        range("turnaround", turnaround, Duration.ZERO, Duration.ofHours(2));
        range("maxQueueWait", maxQueueWait, Duration.ofMinutes(1), Duration.ofHours(24));
        range("onSceneTime", onSceneTime, Duration.ofSeconds(1), Duration.ofHours(1));
        Objects.requireNonNull(policies, "policies");
        for (IncidentKind k : IncidentKind.values()) {
            if (!policies.containsKey(k)) {
                throw new IllegalArgumentException("policies has no entry for " + k);
            }
        }
        policies = Map.copyOf(policies);
    }

    /**
     * Defaults: merge within 150 m and 5 min, 5 alerts per source per minute, down after 10 s of silence, sweep
     * each second, 5 min turnaround, queue up to 30 min, 60 s on scene; personal devices EMERGENCY launched at once
     * (confirm within 60 s), street posts URGENT launched at once (confirm within 60 s), callers approved first
     * (within 60 s).
     *
     * @return the defaults
     */
    public static CentreOptions defaults() {
        Map<IncidentKind, KindPolicy> p = new EnumMap<>(IncidentKind.class);
        p.put(IncidentKind.PERSONAL_DEVICE, new KindPolicy(AgentMode.LAUNCH_THEN_CONFIRM, Duration.ofSeconds(60),
                DispatchPriority.EMERGENCY));
        p.put(IncidentKind.STREET_POST, new KindPolicy(AgentMode.LAUNCH_THEN_CONFIRM, Duration.ofSeconds(60),
                DispatchPriority.URGENT));
        p.put(IncidentKind.CALLER, new KindPolicy(AgentMode.APPROVE_FIRST, Duration.ofSeconds(60),
                DispatchPriority.URGENT));
        return new CentreOptions("centre", "Vigie dispatch centre", 150, Duration.ofMinutes(5), 5,
                Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofSeconds(60), p);
    }

    /** @param kind an incident kind @return its policy */
    public KindPolicy policy(IncidentKind kind) {
        return Objects.requireNonNull(policies.get(kind), "every kind has a policy");
    }

    /**
     * @param kind   an incident kind
     * @param policy its new policy
     * @return a copy
     */
    public CentreOptions withPolicy(IncidentKind kind, KindPolicy policy) {
        Map<IncidentKind, KindPolicy> p = new EnumMap<>(policies);
        p.put(kind, policy);
        return new CentreOptions(centreId, centreOrigin, mergeRadiusM, mergeWindow, floodLimit, floodWindow,
                silenceTimeout, sweepPeriod, turnaround, maxQueueWait, onSceneTime, p);
    }

    /** @param d the turnaround @return a copy */
    public CentreOptions withTurnaround(Duration d) {
        return new CentreOptions(centreId, centreOrigin, mergeRadiusM, mergeWindow, floodLimit, floodWindow,
                silenceTimeout, sweepPeriod, d, maxQueueWait, onSceneTime, policies);
    }

    /** @param d the on-scene time @return a copy */
    public CentreOptions withOnSceneTime(Duration d) {
        return new CentreOptions(centreId, centreOrigin, mergeRadiusM, mergeWindow, floodLimit, floodWindow,
                silenceTimeout, sweepPeriod, turnaround, maxQueueWait, d, policies);
    }

    /** @param d the silence timeout @return a copy */
    public CentreOptions withSilenceTimeout(Duration d) {
        return new CentreOptions(centreId, centreOrigin, mergeRadiusM, mergeWindow, floodLimit, floodWindow,
                d, sweepPeriod, turnaround, maxQueueWait, onSceneTime, policies);
    }

    /** @param d the longest queue wait @return a copy */
    public CentreOptions withMaxQueueWait(Duration d) {
        return new CentreOptions(centreId, centreOrigin, mergeRadiusM, mergeWindow, floodLimit, floodWindow,
                silenceTimeout, sweepPeriod, turnaround, d, onSceneTime, policies);
    }

    private static void text(String name, String v, int max) {
        if (v == null || v.isBlank() || v.length() > max) {
            throw new IllegalArgumentException(name + " '" + v + "' must be 1.." + max + " characters");
        }
    }

    private static void range(String name, Duration d, Duration min, Duration max) {
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " " + d + " is not in " + min + ".." + max);
        }
    }
}

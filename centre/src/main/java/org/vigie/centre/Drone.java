package org.vigie.centre;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.fleet.Availability;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.fleet.DroneState;
import org.vigie.dispatch.FlightPhase;
import org.vigie.dispatch.FlightStatusUpdate;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.link.time.Cancellable;

/** One drone's live state and its district's queue, owned by the centre's event thread. Not thread-safe. */
final class Drone {

    /** Highest priority first, then oldest, then first opened. */
    static final Comparator<Incident> QUEUE_ORDER = Comparator
            .comparing((Incident i) -> i.priority).reversed()
            .thenComparing(i -> i.openedAt)
            .thenComparingLong(i -> i.seq);

    private static final int LINK_WINDOW_S = 10;

    final DroneRecord record;
    Availability availability = Availability.DOWN;
    String note = "never heard";
    @Nullable FlightPhase phase;
    long flightId;
    @Nullable Incident incident;
    /** An order in flight to the drone (dispatch or retask) and the incident it is for. */
    @Nullable Incident ordering;
    /** A status for a flight the centre has not yet seen acknowledged. */
    @Nullable FlightStatusUpdate early;
    @Nullable GeoPoint position;
    double batteryPct = Double.NaN;
    boolean healthy = true;
    @Nullable Instant lastHeard;
    long lastHeardMs = Long.MIN_VALUE;
    @Nullable Cancellable charging;
    final PriorityQueue<Incident> queue = new PriorityQueue<>(QUEUE_ORDER);
    private final long[] heardSeconds = new long[LINK_WINDOW_S];

    Drone(DroneRecord record) {
        this.record = record;
    }

    int id() {
        return record.systemId();
    }

    void heard(Instant now, long nowMs) {
        lastHeard = now;
        lastHeardMs = nowMs;
        long s = nowMs / 1000;
        heardSeconds[(int) (s % LINK_WINDOW_S)] = s;
    }

    double linkQualityPct(long nowMs) {
        long s = nowMs / 1000;
        int n = 0;
        for (long h : heardSeconds) {
            if (h > 0 && s - h < LINK_WINDOW_S) {
                n++;
            }
        }
        return 100.0 * n / LINK_WINDOW_S;
    }

    boolean airborne() {
        return phase != null && phase.isAirborne() && flightId != 0;
    }

    DroneState snapshot(long nowMs) {
        Incident i = incident != null ? incident : ordering;
        return new DroneState(record, availability, phase, flightId, i == null ? null : i.id, position, batteryPct,
                healthy, linkQualityPct(nowMs), lastHeard, note);
    }
}

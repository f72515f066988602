package org.vigie.centre.link;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.SysStatus;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.link.MavlinkLink;
import org.vigie.link.Subscription;
import org.vigie.link.time.Cancellable;

/**
 * The drone-side piece the centre expects beside the drone's dispatch server: it keeps the autopilot's latest
 * GLOBAL_POSITION_INT and SYS_STATUS and sends them on the drone's signed dispatch link every period, so the centre
 * sees each drone's position, battery and health at a low, fixed rate whatever the autopilot streams. It depends only
 * on mavlink-link, so it runs on any companion.
 *
 * <p>Threading: the latest messages are published through volatile fields from the autopilot link's event thread;
 * the relay's timer runs on the dispatch link's scheduler.
 */
public final class TelemetryRelay implements AutoCloseable {

    private final Subscription position;
    private final Subscription status;
    private final Cancellable timer;
    private volatile @Nullable GlobalPositionInt lastPosition;
    private volatile @Nullable SysStatus lastStatus;

    private TelemetryRelay(MavlinkLink autopilot, MavlinkLink dispatch, Duration period) {
        this.position = autopilot.subscribe(GlobalPositionInt.class, (m, f) -> lastPosition = m);
        this.status = autopilot.subscribe(SysStatus.class, (m, f) -> lastStatus = m);
        this.timer = dispatch.scheduler().scheduleAtFixedRate(period, period, () -> {
            GlobalPositionInt p = lastPosition;
            SysStatus s = lastStatus;
            if (p != null) {
                dispatch.send(p);
            }
            if (s != null) {
                dispatch.send(s);
            }
        });
    }

    /**
     * Starts relaying.
     *
     * @param autopilot the companion's link to its autopilot
     * @param dispatch  the drone's signed dispatch link (the one its dispatch server uses)
     * @param period    how often to send, 100 ms..1 min
     * @return the running relay
     * @throws IllegalArgumentException if the period is out of range
     */
    public static TelemetryRelay start(MavlinkLink autopilot, MavlinkLink dispatch, Duration period) {
        Objects.requireNonNull(autopilot, "autopilot");
        Objects.requireNonNull(dispatch, "dispatch");
        if (period == null || period.toMillis() < 100 || period.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("period " + period + " is not in 100 ms..1 min");
        }
        return new TelemetryRelay(autopilot, dispatch, period);
    }

    /** Stops relaying. Idempotent. */
    @Override
    public void close() {
        timer.cancel();
        position.close();
        status.close();
    }
}

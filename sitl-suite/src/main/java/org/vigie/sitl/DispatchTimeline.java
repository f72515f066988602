package org.vigie.sitl;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightPhase;

/**
 * The moments of one dispatch as the companion sees them, on its own clock (simulated time at the autopilot's
 * speed-up): the dispatch, every phase entered, the take-off command's ACCEPTED, and the first GLOBAL_POSITION_INT
 * above 5 m after that.
 *
 * <p>Threading: the link listeners run on the companion's event thread, the flight listener on its callback executor;
 * fields are volatile and written once. Read the figures after the flight's report completed.
 */
public final class DispatchTimeline implements AutoCloseable {

    /** Height that counts as climbing, metres above home. */
    public static final double CLIMB_M = 5;

    private final MavlinkPort port;
    private final Instant dispatchedAt;
    private final Map<FlightPhase, Instant> entered = new EnumMap<>(FlightPhase.class);
    private final Subscription acks;
    private final Subscription positions;
    private volatile @Nullable Instant takeoffAckAt;
    private volatile @Nullable Instant climbingAt;

    private DispatchTimeline(MavlinkPort port) {
        this.port = port;
        this.dispatchedAt = port.scheduler().now();
        this.acks = port.subscribe(CommandAck.class, (m, f) -> {
            if (takeoffAckAt == null && m.command().entry() == MavCmd.MAV_CMD_NAV_TAKEOFF
                    && m.result().entry() == MavResult.MAV_RESULT_ACCEPTED) {
                takeoffAckAt = port.scheduler().now();
            }
        });
        this.positions = port.subscribe(GlobalPositionInt.class, (m, f) -> {
            if (takeoffAckAt != null && climbingAt == null && m.relativeAlt() > CLIMB_M * 1000) {
                climbingAt = port.scheduler().now();
            }
        });
    }

    /**
     * Starts recording; call just before {@link org.vigie.mission.Companion#dispatch}, then {@link #follow}.
     *
     * @param port the companion's link
     * @return the timeline
     */
    public static DispatchTimeline start(MavlinkPort port) {
        return new DispatchTimeline(port);
    }

    /**
     * Records the flight's phase changes.
     *
     * @param flight the flight just dispatched
     * @return this
     */
    public DispatchTimeline follow(Flight flight) {
        flight.addListener(e -> {
            if (e instanceof FlightEvent.PhaseChanged p) {
                synchronized (entered) {
                    entered.putIfAbsent(p.to(), port.scheduler().now());
                }
            }
        });
        return this;
    }

    /** @return dispatch to the take-off command's ACCEPTED, or null if it never came */
    public @Nullable Duration toTakeoffAck() {
        return since(takeoffAckAt);
    }

    /** @return dispatch to climbing through {@link #CLIMB_M} m, or null */
    public @Nullable Duration toClimbing() {
        return since(climbingAt);
    }

    /**
     * @param phase a phase
     * @return dispatch to entering it, or null if it was never entered
     */
    public @Nullable Duration toPhase(FlightPhase phase) {
        synchronized (entered) {
            return since(entered.get(phase));
        }
    }

    private @Nullable Duration since(@Nullable Instant t) {
        return t == null ? null : Duration.between(dispatchedAt, t);
    }

    @Override
    public void close() {
        acks.close();
        positions.close();
    }
}

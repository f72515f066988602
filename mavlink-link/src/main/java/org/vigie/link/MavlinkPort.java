package org.vigie.link;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.Scheduler;
import org.vigie.link.vehicle.AttachedAutopilot;
import org.vigie.link.vehicle.Vehicle;

/**
 * What a MAVLink microservice (commands, mission transfer, parameters, telemetry) or a simulated vehicle needs from
 * a link: our identity, a way to send typed messages, subscriptions to received messages, time, and an executor for
 * user callbacks. {@link MavlinkLink} implements it; tests may implement it directly to assert exact traffic.
 *
 * <p>Threading: subscribers registered here are called on the scheduler's event thread, where all protocol state
 * lives. {@link #send} may be called from any thread. User-visible futures must be completed on
 * {@link #callbackExecutor()}, never on the event thread.
 */
public interface MavlinkPort {

    /** @return the scheduler whose event thread runs all protocol state */
    Scheduler scheduler();

    /** @return where futures and user listeners are completed (never the event thread) */
    Executor callbackExecutor();

    /** @return our system id, 1..255 */
    int systemId();

    /** @return our component id, 0..255 */
    int componentId();

    /**
     * Sends a dronefleet message from our system and component id as MAVLink 2 (signed if the link signs).
     * Commands and transfers are never dropped by the write queue.
     *
     * @param message a generated dronefleet message object
     * @throws IllegalArgumentException if it is not a message of the dialect
     */
    void send(Object message);

    /**
     * Subscribes to received messages of one type (from any system).
     *
     * @param type dronefleet message class, e.g. {@code CommandAck.class}
     * @param listener called on the event thread
     * @param <T> message type
     * @return handle to unsubscribe
     */
    <T> Subscription subscribe(Class<T> type, MessageListener<T> listener);

    /**
     * Subscribes to every received frame that passed the link's checks (CRC, signature policy), before decoding.
     *
     * @param listener called on the event thread
     * @return handle to unsubscribe
     */
    Subscription subscribeFrames(Consumer<MavlinkFrame> listener);

    /**
     * Subscribes to link events (peers seen and lost, parse errors, signature rejections, transport states, autopilot
     * reboots, close). Services use it to fail their pending futures with {@link LinkClosedException} on
     * {@link LinkEvent.Closed}; reboots are judged by {@link #autopilot()}.
     *
     * <p>The default implementation (for test doubles) never delivers anything.
     *
     * @param listener called on the event thread
     * @return handle to unsubscribe
     */
    default Subscription subscribeEvents(Consumer<LinkEvent> listener) {
        return () -> { };
    }

    /**
     * The one owner of which autopilot this port talks to (target system and component for commands and transfers,
     * flavour for mode names and mission semantics), its last HEARTBEAT snapshot, its liveness and its reboots. Every
     * service and the companion read this one; a port creates it once and it lives as long as the port.
     *
     * @return the port's attached autopilot; thread-safe
     */
    AttachedAutopilot autopilot();

    /**
     * The autopilot's last snapshot: {@code autopilot().vehicle()}. Thread-safe.
     *
     * @return the attached vehicle, or empty until its first HEARTBEAT
     */
    default Optional<Vehicle> vehicle() {
        return autopilot().vehicle();
    }

    /**
     * How long a peer last heard at {@code sinceNanos} has been <em>proven</em> silent: scheduler time since then,
     * counted only up to the instant by which this port's event thread had processed every frame handed to it
     * ({@link org.vigie.link.time.SilenceEvidence}), so that a late event thread is not read as a silent peer. Every
     * "the peer went silent" time-out uses it.
     *
     * <p>The default implementation (for test doubles, whose event thread is never late) is scheduler time since then.
     *
     * @param sinceNanos when the peer was last heard, on the scheduler's {@code nanoTime()}
     * @return nanoseconds, never negative
     */
    default long provenSilenceNanos(long sinceNanos) {
        return Math.max(0, scheduler().nanoTime() - sinceNanos);
    }
}

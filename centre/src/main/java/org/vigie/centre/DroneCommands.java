package org.vigie.centre;

import java.util.concurrent.CompletableFuture;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;

/**
 * How the centre's orders reach the drones: over the signed dispatch link in production
 * ({@link org.vigie.centre.link.FleetLinks}), by hand in tests. Futures complete with the drone's answer or
 * {@link org.vigie.dispatch.AckStatus#NO_ANSWER}; they may fail exceptionally when the link closes. Methods may be
 * called from any thread and return at once.
 */
public interface DroneCommands {

    /**
     * @param droneSystemId the drone
     * @param request       the order
     * @return the drone's answer
     */
    CompletableFuture<DispatchAck> dispatch(int droneSystemId, DispatchRequest request);

    /**
     * @param droneSystemId the drone
     * @param flightId      its flight in progress
     * @param request       the new order
     * @return the drone's answer
     */
    CompletableFuture<DispatchAck> retask(int droneSystemId, long flightId, DispatchRequest request);

    /**
     * @param droneSystemId   the drone
     * @param flightId        its flight in progress
     * @param requesterId     who recalls it
     * @param requesterOrigin from where
     * @param reason          why
     * @return the drone's answer
     */
    CompletableFuture<DispatchAck> cancel(int droneSystemId, long flightId, String requesterId,
                                          String requesterOrigin, String reason);
}

package org.vigie.mission.dispatch;

/**
 * Counters of a {@link DispatchServer} since it started. Immutable snapshot.
 *
 * @param tunnelsReceived       authenticated TUNNEL frames received (any payload type)
 * @param foreignTunnels        TUNNELs with another payload type (not ours; ignored)
 * @param notAddressed          Vigie TUNNELs addressed to another system or component (ignored)
 * @param ordersReceived        distinct orders (DISPATCH, RETASK, CANCEL) received
 * @param duplicateOrders       orders whose request id was already seen (answered again, never executed again)
 * @param malformed             fragments or bodies that were not valid (answered with a refusal)
 * @param reassemblyTimeouts    fragmented orders that never completed
 * @param acksSent              ACKs sent (first answers and repeats)
 * @param statusesSent          FLIGHT_STATUS messages sent (changes and repeats)
 * @param rejectedUnsigned      frames dropped by the link because they were unsigned
 * @param rejectedBadSignature  frames dropped because their signature was not made with our key
 * @param rejectedReplay        frames dropped as replays (timestamp not newer than the stream's last)
 * @param rejectedTooOld        frames dropped because their timestamp was more than a minute old
 * @param centreHeartbeats      authenticated heartbeats from a dispatch centre (MAV_TYPE_GCS or a sender of orders);
 *                              each one fed the companion's dispatch-link watch
 * @param staleOrders           orders refused because they were signed before the server started (possible replays)
 * @param rejectedRetiredKey    frames dropped because they were signed with a key retired by a rotation
 * @param rejectedStreamLimit   frames dropped because they opened a stream beyond the link's stream limit
 * @param notLiveAfterRestart   authenticated centre frames not counted as the centre being alive: signed at or before
 *                              the newest timestamp the link had seen before its restart
 */
public record DispatchServerStats(long tunnelsReceived, long foreignTunnels, long notAddressed, long ordersReceived,
                                  long duplicateOrders, long malformed, long reassemblyTimeouts, long acksSent,
                                  long statusesSent, long rejectedUnsigned, long rejectedBadSignature,
                                  long rejectedReplay, long rejectedTooOld, long centreHeartbeats,
                                  long staleOrders, long rejectedRetiredKey, long rejectedStreamLimit,
                                  long notLiveAfterRestart) {

    /** @return every frame the signature policy dropped */
    public long rejectedFrames() {
        return rejectedUnsigned + rejectedBadSignature + rejectedReplay + rejectedTooOld + rejectedRetiredKey
                + rejectedStreamLimit;
    }
}

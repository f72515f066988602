package org.vigie.dispatch;

/**
 * Counters of a {@link DispatchClient} since it started. Immutable snapshot.
 *
 * @param requests          orders sent (first attempts)
 * @param retries           repeated attempts (same request id)
 * @param acks              ACKs that answered a pending order
 * @param unmatchedAcks     ACKs for no pending order (late answers to retries, or refusals with request id 0)
 * @param noAnswer          orders that ended NO_ANSWER
 * @param statusesReceived  FLIGHT_STATUS messages received (repeats included)
 * @param statusesDelivered FLIGHT_STATUS messages handed to listeners (new ones only)
 * @param malformed         replies that could not be decoded
 */
public record DispatchClientStats(long requests, long retries, long acks, long unmatchedAcks, long noAnswer,
                                  long statusesReceived, long statusesDelivered, long malformed) {
}

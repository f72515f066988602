package org.vigie.link.route;

/**
 * Counters of one {@link Endpoint}, a snapshot. Every frame received is either forwarded somewhere or counted in
 * one of {@code filtered}, {@code rejected}, {@code deduplicated} or {@code unroutable} of its source endpoint;
 * every frame offered to an endpoint for output is either written ({@code framesOut}), {@code filtered} there, or
 * counted in {@code writeFailures}. Targeted frames kept out because their target is elsewhere are normal routing,
 * counted in {@code notForHere}.
 *
 * @param name the endpoint's name
 * @param framesIn frames received from the endpoint
 * @param bytesIn bytes of those frames
 * @param framesOut frames written to the endpoint
 * @param bytesOut bytes of those frames
 * @param filtered frames kept out by this endpoint's filters (in either direction)
 * @param rejected frames received here that were never forwarded (SETUP_SIGNING)
 * @param deduplicated frames received here already forwarded from another link within the de-duplication window
 * @param unroutable frames received here whose target was seen on no other endpoint
 * @param notForHere targeted frames not written here because their target was never seen here
 * @param writeFailures frames the sink refused (device gone, queue full)
 */
public record EndpointStats(String name, long framesIn, long bytesIn, long framesOut, long bytesOut, long filtered,
                            long rejected, long deduplicated, long unroutable, long notForHere, long writeFailures) {}

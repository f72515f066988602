/**
 * A MAVLink router between endpoints (the autopilot's serial link, ground stations over UDP/TCP, the companion itself),
 * following the MAVLink routing rules (https://mavlink.io/en/guide/routing.html).
 *
 * <p>{@link org.vigie.link.route.Router} is the pure routing logic (no sockets, no threads): it learns which
 * (system, component) pairs are reachable through which {@link org.vigie.link.route.Endpoint}, forwards targeted
 * messages only where their target was seen, broadcasts the rest, never echoes a frame back to its source, forwards
 * bytes unchanged, never forwards SETUP_SIGNING, applies per-endpoint {@link org.vigie.link.route.EndpointFilter}s,
 * de-duplicates frames arriving on redundant links, and counts every frame it does not forward
 * ({@link org.vigie.link.route.EndpointStats}). Its hot path works on the parser's
 * {@link org.vigie.link.codec.FrameView} and allocates nothing per frame.
 *
 * <p>{@link org.vigie.link.route.RouterRunner} wires real {@link org.vigie.link.transport.Transport}s, one
 * {@link org.vigie.link.codec.FrameParser} per endpoint and a Router together, routing on one thread.
 */
package org.vigie.link.route;

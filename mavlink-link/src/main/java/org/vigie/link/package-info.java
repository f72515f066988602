/**
 * The MAVLink link: {@link org.vigie.link.MavlinkLink} owns transports, sends our heartbeat, tracks peers and the
 * attached autopilot, verifies signatures, counts everything ({@link org.vigie.link.LinkStats}), raises the closed set
 * of {@link org.vigie.link.LinkEvent}s, and offers typed send/subscribe through {@link org.vigie.link.MavlinkPort},
 * the interface every microservice is written against.
 *
 * <p>Sub-packages: {@code codec} (frames), {@code signing}, {@code transport}, {@code route}, {@code time}
 * (schedulers), {@code vehicle} (autopilot flavours and flight modes), and one package per microservice.
 */
package org.vigie.link;

/**
 * The dispatch wire protocol, shared by the drone and the centre (module {@code dispatch-wire}, depending only on
 * {@code mavlink-link}): the vocabulary ({@link org.vigie.dispatch.DispatchRequest}, priorities, phases, outcomes), the
 * messages and their codec, fragments, and the centre's {@link org.vigie.dispatch.DispatchClient}.
 *
 * <p>The signed dispatch link between a dispatch centre and the drone: only holders of the key can send a drone
 * anywhere, and every order is accountable (who sent it, from where, why).
 *
 * <p>Wire: MAVLink 2 {@code TUNNEL} (id 385) frames, signed, whose {@code payload_type} is
 * {@link org.vigie.dispatch.DispatchWire#PAYLOAD_TYPE} (a private-range value), carrying a compact, versioned
 * binary encoding ({@link org.vigie.dispatch.DispatchCodec}) of the closed set of
 * {@link org.vigie.dispatch.DispatchMessage}s: DISPATCH, RETASK and CANCEL from the centre, ACK and
 * FLIGHT_STATUS from the drone. A message longer than one TUNNEL payload is split into fragments
 * ({@link org.vigie.dispatch.Fragmenter}) and reassembled with a timeout
 * ({@link org.vigie.dispatch.Reassembler}). Decoding never throws: malformed bytes are values.
 *
 * <p>Endpoints: {@code org.vigie.mission.dispatch.DispatchServer} (module {@code mission}) runs on the drone beside the
 * companion; {@link org.vigie.dispatch.DispatchClient} is what a Java dispatch
 * system embeds. Both refuse a {@link org.vigie.link.MavlinkLink} that does not sign its frames and require
 * signatures on every incoming frame; unsigned, wrong-key and replayed frames are dropped by the link's
 * {@link org.vigie.link.signing.SignatureChecker} before this package sees them, and are counted and reported as
 * events for the accountability log. {@link org.vigie.dispatch.DispatchSecurity} builds such link
 * configurations.
 */
package org.vigie.dispatch;

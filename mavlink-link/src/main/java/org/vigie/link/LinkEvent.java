package org.vigie.link;

import org.vigie.link.codec.DiscardReason;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.transport.TransportState;

/**
 * Everything noteworthy that happens on a {@link MavlinkLink}, as one closed set of values. Delivered to
 * {@link MavlinkLink#onEvent} listeners on the callback executor and to {@link MavlinkPort#subscribeEvents} listeners
 * on the event thread, in the order they happened.
 */
public sealed interface LinkEvent {

    /**
     * A component was heard for the first time, or again after it was lost.
     *
     * @param sysId its system id
     * @param compId its component id
     * @param mavType HEARTBEAT.type (MAV_TYPE)
     * @param autopilot HEARTBEAT.autopilot (MAV_AUTOPILOT; 8 = INVALID for components that are not autopilots)
     */
    record PeerSeen(int sysId, int compId, int mavType, int autopilot) implements LinkEvent {}

    /**
     * A component sent no HEARTBEAT for the configured timeout.
     *
     * @param sysId its system id
     * @param compId its component id
     * @param silenceMs milliseconds since its last HEARTBEAT
     */
    record PeerLost(int sysId, int compId, long silenceMs) implements LinkEvent {}

    /**
     * Bytes from a transport were discarded by the parser. Aggregated: one event per reason per burst (a burst ends
     * when a valid frame arrives or after 200 ms without one), never one per byte.
     *
     * @param transport the transport's description
     * @param reason why
     * @param byteCount bytes discarded for this reason during the burst (for BAD_CRC and other frame rejections the
     *     parser drops one start byte per rejected candidate frame, so this counts rejected candidates)
     */
    record ParseError(String transport, DiscardReason reason, long byteCount) implements LinkEvent {}

    /**
     * A frame failed the signature policy and was dropped (never delivered to subscribers).
     *
     * @param verdict the rejecting verdict
     * @param sysId source system id of the frame
     * @param compId source component id
     * @param msgId message id
     */
    record SignatureRejected(SignatureVerdict verdict, int sysId, int compId, int msgId) implements LinkEvent {}

    /**
     * A transport connected, lost its device or peer, or closed.
     *
     * @param transport the transport's description
     * @param state new state
     * @param detail a sentence from the transport
     */
    record TransportStateChanged(String transport, TransportState state, String detail) implements LinkEvent {}

    /**
     * The attached autopilot restarted: its boot time went backwards, or its heartbeat came back in BOOT state
     * after it was lost. Everything learned from it (parameters, mission, message intervals) must be assumed gone.
     *
     * @param sysId its system id
     * @param compId its component id
     * @param reason a sentence saying what showed the reboot
     */
    record AutopilotRebooted(int sysId, int compId, String reason) implements LinkEvent {}

    /** The link was closed; no other event follows. */
    record Closed() implements LinkEvent {}
}

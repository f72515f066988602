package org.vigie.mission.dispatch;

import org.vigie.dispatch.DispatchMessage;
import java.time.Instant;
import org.vigie.link.signing.SignatureVerdict;

/**
 * What a {@link DispatchServer} reports for the accountability log, a closed set. Every event carries the server's
 * scheduler time and the MAVLink source it concerns. Delivered on the dispatch link's callback executor, in order.
 */
public sealed interface DispatchServerEvent {

    /** @return when (the dispatch link's scheduler clock) */
    Instant at();

    /**
     * An authenticated order arrived (signed with the key; not a replay).
     *
     * @param at      when
     * @param sysId   sender's MAVLink system id
     * @param compId  sender's component id
     * @param linkId  the signing link id of the frame that completed it (-1 if unsigned, which a signed-only link
     *                never lets through)
     * @param message the order (DISPATCH, RETASK or CANCEL): who, from where, why are in it
     */
    record OrderReceived(Instant at, int sysId, int compId, int linkId, DispatchMessage message)
            implements DispatchServerEvent {
    }

    /**
     * An order with an already-seen request id arrived (a retry); it was answered with the first answer, or will be
     * once decided. Nothing was launched again.
     *
     * @param at        when
     * @param sysId     sender
     * @param compId    sender component
     * @param requestId the repeated request id
     */
    record DuplicateOrder(Instant at, int sysId, int compId, long requestId) implements DispatchServerEvent {
    }

    /**
     * The server answered an order (every order gets exactly this event once per answer sent).
     *
     * @param at     when
     * @param sysId  addressee
     * @param compId addressee component
     * @param ack    the answer
     */
    record Answered(Instant at, int sysId, int compId, DispatchMessage.Ack ack) implements DispatchServerEvent {
    }

    /**
     * Authenticated bytes that were not a valid order (bad fragment, malformed body), or an order signed before the
     * server started (a possible replay); answered with a refusal.
     *
     * @param at     when
     * @param sysId  sender
     * @param compId sender component
     * @param detail what was wrong
     */
    record MalformedOrder(Instant at, int sysId, int compId, String detail) implements DispatchServerEvent {
    }

    /**
     * A frame the link dropped because of its signature: unsigned, wrong key, replayed, or too old. It never reached
     * the server or the companion.
     *
     * @param at      when
     * @param verdict why it was dropped
     * @param sysId   the source system id the frame claimed
     * @param compId  the source component id it claimed
     * @param msgId   its message id (385 for a TUNNEL order)
     */
    record FrameRejected(Instant at, SignatureVerdict verdict, int sysId, int compId, int msgId)
            implements DispatchServerEvent {
    }

    /**
     * A dispatch centre's heartbeat that counts as the centre being alive was heard (first time or after a loss): an
     * authenticated HEARTBEAT of MAV_TYPE_GCS or of a sender of orders, signed after everything the link had seen
     * before its restart.
     *
     * @param at     when
     * @param sysId  centre system id
     * @param compId centre component id
     */
    record CentreSeen(Instant at, int sysId, int compId) implements DispatchServerEvent {
    }

    /**
     * A dispatch centre reported by {@link CentreSeen} sent no heartbeat for the link's peer timeout (the companion's
     * dispatch-link failsafe watches the same silence).
     *
     * @param at        when
     * @param sysId     centre system id
     * @param compId    centre component id
     * @param silenceMs milliseconds since its last heartbeat
     */
    record CentreLost(Instant at, int sysId, int compId, long silenceMs) implements DispatchServerEvent {
    }
}

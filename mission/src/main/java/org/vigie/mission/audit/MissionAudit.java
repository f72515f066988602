package org.vigie.mission.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.vigie.audit.AuditEntry;
import org.vigie.link.signing.KeyEvent;
import org.vigie.mission.minimisation.RetentionEvent;
import org.vigie.audit.AuditReceipt;
import org.vigie.audit.AuditTrail;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.zone.District;
import org.vigie.mission.FlightEvent;
import org.vigie.mission.klv.privacy.PrivacyEvent;

/**
 * The companion's accountability: every fact worth answering for, as records of an {@link AuditTrail} (hash-chained,
 * on disk before acknowledged): every dispatch order received (with the signing key's id and the requester), every
 * decision and its reason, every answer sent to the centre, every command sent to the autopilot, every phase change,
 * failsafe and warning, every privacy event (footprint over a zone, left, gimbal steered away), every district loaded
 * and every signing-key change. The record types and their fields are listed in {@code ARCHITECTURE.md}.
 *
 * <p>Never blocks: each method encodes the record on the caller's thread and returns the trail's future, which
 * completes once the record is on disk (or fails if it cannot be written: the trail then logs at ERROR, counts and
 * reports it; the companion keeps flying). {@link #inMemory()} keeps the last {@value #MEMORY_RECORDS} records in memory
 * instead, with futures already complete (tests, embedding without a disk; nothing is durable).
 *
 * <p>Thread-safe, without locks.
 */
public final class MissionAudit {

    /** How many records {@link #inMemory()} keeps. */
    public static final int MEMORY_RECORDS = 10_000;
    private static final int MAX_TEXT_CHARS = 2000;

    private final @Nullable AuditTrail trail;
    private final ConcurrentLinkedQueue<AuditEntry> memory = new ConcurrentLinkedQueue<>();
    private final AtomicInteger memorySize = new AtomicInteger();
    private final AtomicLong memorySeq = new AtomicLong();
    private volatile String signingKeyId;

    private MissionAudit(@Nullable AuditTrail trail, String signingKeyId) {
        this.trail = trail;
        this.signingKeyId = Objects.requireNonNull(signingKeyId, "signingKeyId");
    }

    /** @return an audit kept in memory only: the last {@value #MEMORY_RECORDS} records, none durable */
    public static MissionAudit inMemory() {
        return new MissionAudit(null, "");
    }

    /**
     * @param trail        the trail to write (the caller opens and closes it)
     * @param signingKeyId the id of the dispatch link's signing key in use ({@code SigningKey.fingerprint()}), or
     *                     empty when the link does not sign; follows {@link #keyChanged} SWITCHED steps
     * @return an audit writing to the trail
     */
    public static MissionAudit to(AuditTrail trail, String signingKeyId) {
        return new MissionAudit(Objects.requireNonNull(trail, "trail"), signingKeyId);
    }

    /** @return the trail written, if any */
    public java.util.Optional<AuditTrail> trail() {
        return java.util.Optional.ofNullable(trail);
    }

    /** @return the records kept in memory (oldest first; empty when writing to a trail) */
    public List<AuditEntry> recent() {
        return new ArrayList<>(memory);
    }

    /** @return the id of the signing key in use, as recorded with each order */
    public String signingKeyId() {
        return signingKeyId;
    }

    /**
     * Records any fact.
     *
     * @param e the entry
     * @return completes once it is on disk
     */
    public CompletableFuture<AuditReceipt> record(AuditEntry e) {
        if (trail != null) {
            return trail.append(e);
        }
        memory.add(e);
        if (memorySize.incrementAndGet() > MEMORY_RECORDS) {
            memory.poll();
            memorySize.decrementAndGet();
        }
        return CompletableFuture.completedFuture(new AuditReceipt(memorySeq.getAndIncrement(), ""));
    }

    /**
     * An authenticated order arrived on the dispatch link ({@code dispatch.received}).
     *
     * @param at        when
     * @param kind      DISPATCH, RETASK or CANCEL
     * @param requestId the centre's request id
     * @param sysId     sender's MAVLink system id
     * @param compId    sender's component id
     * @param linkId    the signing link id of the frame (-1 unsigned)
     * @param requester who ordered it
     * @param origin    where from
     * @param reason    why
     * @param request   the dispatch request (DISPATCH and RETASK), or null for CANCEL
     * @return completes once on disk
     */
    public CompletableFuture<AuditReceipt> orderReceived(Instant at, String kind, long requestId, int sysId,
                                                         int compId, int linkId, String requester, String origin,
                                                         String reason, @Nullable DispatchRequest request) {
        AuditEntry e = AuditEntry.of(at, "dispatch.received").with("kind", kind)
                .with("requestId", Long.toUnsignedString(requestId)).with("keyId", signingKeyId)
                .with("linkId", linkId).with("source", sysId + "/" + compId).with("requesterId", text(requester))
                .with("requesterOrigin", text(origin)).with("reason", text(reason));
        if (request != null) {
            e = withRequest(e, request);
        }
        return record(e);
    }

    /**
     * A decision on a dispatch ({@code dispatch.accepted}, {@code .refused}, {@code .retasked}, {@code .cancelled},
     * {@code .ended}): the facts of the old accountability log.
     *
     * @param at        when
     * @param decision  what was decided
     * @param r         the dispatch concerned
     * @param requester who asked (the request's, or the canceller's)
     * @param origin    from where
     * @param why       why it was asked
     * @param detail    the decision or outcome in a sentence
     * @return completes once on disk
     */
    public CompletableFuture<AuditReceipt> decision(Instant at, Decision decision, DispatchRequest r, String requester,
                                                    String origin, String why, String detail) {
        return record(withRequest(AuditEntry.of(at, "dispatch." + decision.name().toLowerCase(java.util.Locale.ROOT)),
                r).with("requesterId", text(requester)).with("requesterOrigin", text(origin))
                .with("reason", text(why)).with("detail", text(detail)));
    }

    /**
     * The answer sent to the centre ({@code dispatch.ack}); the dispatch server sends it once this is on disk.
     *
     * @param at        when
     * @param requestId the order's request id
     * @param status    the ACK status name
     * @param flightId  the flight id (0 none)
     * @param message   the ACK's sentence
     * @param sysId     addressee system id
     * @param compId    addressee component id
     * @return completes once on disk
     */
    public CompletableFuture<AuditReceipt> answered(Instant at, long requestId, String status, long flightId,
                                                    String message, int sysId, int compId) {
        return record(AuditEntry.of(at, "dispatch.ack").with("requestId", Long.toUnsignedString(requestId))
                .with("status", status).with("flightId", flightId).with("message", text(message))
                .with("to", sysId + "/" + compId));
    }

    /**
     * A flight event: phase changes ({@code flight.phase}), failsafes ({@code flight.failsafe}), warnings
     * ({@code flight.warning}) and autopilot messages of severity WARNING or worse ({@code autopilot.message});
     * progress and retask events are not recorded here (retasks are decisions).
     *
     * @param alertId the flight's alert
     * @param e       the event
     */
    public void flightEvent(String alertId, FlightEvent e) {
        if (e instanceof FlightEvent.PhaseChanged p) {
            record(AuditEntry.of(p.at(), "flight.phase").with("alertId", text(alertId)).with("from", p.from().name())
                    .with("to", p.to().name()).with("reason", text(p.reason())));
        } else if (e instanceof FlightEvent.FailsafeTriggered f) {
            record(AuditEntry.of(f.at(), "flight.failsafe").with("alertId", text(alertId))
                    .with("kind", f.kind().name()).with("action", text(f.action())));
        } else if (e instanceof FlightEvent.Warning w) {
            record(AuditEntry.of(w.at(), "flight.warning").with("alertId", text(alertId))
                    .with("message", text(w.message())));
        } else if (e instanceof FlightEvent.AutopilotMessage m && m.severity() <= 4) {
            record(AuditEntry.of(m.at(), "autopilot.message").with("alertId", text(alertId))
                    .with("severity", m.severity()).with("text", text(m.text())));
        }
    }

    /**
     * A command or plan item sent to the autopilot ({@code autopilot.command}; a gimbal pointed away from a privacy
     * zone is {@code privacy.steering}).
     *
     * @param at      when
     * @param message the MAVLink message (its type and every field, as text)
     * @param steering whether it steers the camera away from a privacy zone
     */
    public void commandSent(Instant at, Object message, boolean steering) {
        record(AuditEntry.of(at, steering ? "privacy.steering" : "autopilot.command")
                .with("message", message.getClass().getSimpleName()).with("fields", text(message.toString())));
    }

    /**
     * A privacy event from the KLV pipeline ({@code privacy.entered}: the camera footprint overlaps a privacy zone and
     * the packets are flagged; {@code privacy.left}).
     *
     * @param at when (scheduler clock)
     * @param e  the event
     */
    public void privacy(Instant at, PrivacyEvent e) {
        record(AuditEntry.of(at, e instanceof PrivacyEvent.Entered ? "privacy.entered" : "privacy.left")
                .with("zone", text(e.zoneName())).with("packetTimeUtcMicros", e.timeUtcMicros()));
    }

    /**
     * A district was loaded ({@code district.loaded}).
     *
     * @param at     when
     * @param d      the district
     * @param reason why (start-up, an operator's order)
     * @return completes once on disk
     */
    public CompletableFuture<AuditReceipt> districtLoaded(Instant at, District d, String reason) {
        return record(AuditEntry.of(at, "district.loaded").with("name", text(d.name()))
                .with("homeLatDeg", d.home().latDeg()).with("homeLonDeg", d.home().lonDeg())
                .with("exclusionZones", (long) d.exclusions().size())
                .with("privacyZones", (long) d.privacyZones().size()).with("reason", text(reason)));
    }

    /**
     * A step of a signing-key change ({@code key.installed}, {@code key.switched}, {@code key.retired}); a SWITCHED
     * step makes its key the one recorded with later orders.
     *
     * @param c the step
     * @return completes once on disk
     */
    public CompletableFuture<AuditReceipt> keyChanged(KeyChange c) {
        if (c.step() == KeyChange.Step.SWITCHED) {
            signingKeyId = c.keyId();
        }
        return record(AuditEntry.of(c.at(), "key." + c.step().name().toLowerCase(java.util.Locale.ROOT))
                .with("keyId", text(c.keyId())).with("previousKeyId", text(c.previousKeyId()))
                .with("detail", text(c.detail())));
    }

    /**
     * A step of a key rotation on a signed link, as the link's keyring reports it: installed, switched and retired
     * become {@link #keyChanged} records; a peer first heard signing with the new key is {@code key.heard}.
     *
     * @param e the keyring's event (key ids only, never a secret)
     * @return completes once on disk
     */
    public CompletableFuture<AuditReceipt> keyEvent(KeyEvent e) {
        if (e instanceof KeyEvent.KeyInstalled i) {
            return keyChanged(new KeyChange(i.at(), KeyChange.Step.INSTALLED, i.keyId(), i.currentKeyId(),
                    "installed beside the key in use: both accepted; outgoing switches by " + i.switchBy()
                            + ", the old key is retired at " + i.retireAt()));
        } else if (e instanceof KeyEvent.OutgoingSwitched o) {
            return keyChanged(new KeyChange(o.at(), KeyChange.Step.SWITCHED, o.toKeyId(), o.fromKeyId(),
                    "outgoing frames signed with the new key (" + o.reason().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + ")"));
        } else if (e instanceof KeyEvent.KeyRetired r) {
            return keyChanged(new KeyChange(r.at(), KeyChange.Step.RETIRED, r.keyId(), r.currentKeyId(),
                    r.early() ? "retired before the end of the switchover, on request" : "the switchover ended"));
        }
        KeyEvent.NewKeyHeard h = (KeyEvent.NewKeyHeard) e;
        return record(AuditEntry.of(h.at(), "key.heard").with("keyId", text(h.keyId()))
                .with("source", h.sysId() + "/" + h.compId()).with("linkId", (long) h.linkId()));
    }

    /**
     * A flight output deleted at the end of its retention period ({@code output.deleted}), or a deletion that failed
     * ({@code output.deletion_failed}).
     *
     * @param e the sweeper's event
     * @return completes once on disk
     */
    public CompletableFuture<AuditReceipt> retention(RetentionEvent e) {
        AuditEntry entry;
        if (e instanceof RetentionEvent.Deleted d) {
            entry = AuditEntry.of(d.at(), "output.deleted").with("kind", d.kind().name())
                    .with("ageS", d.age().toSeconds()).with("bytes", d.bytes());
        } else {
            entry = AuditEntry.of(e.at(), "output.deletion_failed")
                    .with("error", text(((RetentionEvent.DeletionFailed) e).error()));
        }
        return record(entry.with("alertId", text(e.alertId())).with("file", text(e.file().toString())));
    }

    private static AuditEntry withRequest(AuditEntry e, DispatchRequest r) {
        AuditEntry w = e.with("alertId", text(r.alertId())).with("targetLatDeg", r.targetLatDeg())
                .with("targetLonDeg", r.targetLonDeg()).with("priority", r.priority().name());
        return r.authorisationId().isPresent() ? w.with("authorisationId", text(r.authorisationId().get())) : w;
    }

    private static String text(String s) {
        return s.length() <= MAX_TEXT_CHARS ? s : s.substring(0, MAX_TEXT_CHARS) + "... (" + s.length() + " chars)";
    }

    /** What was decided about a dispatch. */
    public enum Decision {
        /** A dispatch was accepted and a flight started. */
        ACCEPTED,
        /** A dispatch was refused before any flight (planner, preflight, policy). */
        REFUSED,
        /** A dispatch retasked the flight in progress. */
        RETASKED,
        /** A flight ended (detail: outcome and reason). */
        ENDED,
        /** A flight was cancelled by the operator. */
        CANCELLED
    }
}

package org.vigie.dispatch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.vigie.dispatch.DecodeResult.Malformed;
import org.vigie.dispatch.DecodeResult.MalformedReason;

/**
 * Encodes and decodes dispatch message bodies (the layout is in {@link DispatchWire}). Positions travel as degE7
 * and altitudes as centimetres, so a decoded request equals the original up to that quantisation; on-scene times
 * travel as whole seconds (rounded up).
 *
 * <p>Stateless and thread-safe. {@link #encode} throws {@link IllegalArgumentException} only for a value that
 * cannot be represented (a string beyond its byte limit); {@link #decode} never throws on any bytes.
 */
public final class DispatchCodec {

    private DispatchCodec() {
    }

    /**
     * Encodes a message body.
     *
     * @param message the message
     * @return the body bytes, at most {@link DispatchWire#MAX_BODY_BYTES}
     * @throws IllegalArgumentException if a string exceeds its UTF-8 byte limit
     */
    public static byte[] encode(DispatchMessage message) {
        Objects.requireNonNull(message, "message");
        Writer w = new Writer();
        w.u8(message.kind());
        if (message instanceof DispatchMessage.Dispatch d) {
            w.u64(d.requestId());
            writeRequest(w, d.request());
        } else if (message instanceof DispatchMessage.Retask r) {
            w.u64(r.requestId());
            w.u32(r.flightId());
            writeRequest(w, r.request());
        } else if (message instanceof DispatchMessage.Cancel c) {
            w.u64(c.requestId());
            w.u32(c.flightId());
            w.str8("requesterId", c.requesterId(), DispatchWire.MAX_ID_BYTES);
            w.str16("requesterOrigin", c.requesterOrigin(), DispatchWire.MAX_ORIGIN_BYTES);
            w.str16("reason", c.reason(), DispatchWire.MAX_TEXT_BYTES);
        } else if (message instanceof DispatchMessage.Ack a) {
            w.u64(a.requestId());
            w.u8(a.status().code());
            w.u32(a.flightId());
            w.str16("message", a.message(), DispatchWire.MAX_TEXT_BYTES);
        } else if (message instanceof DispatchMessage.FlightStatus s) {
            w.u32(s.flightId());
            w.u64(s.requestId());
            w.u16(s.sequence());
            w.u8(phaseCode(s.phase()));
            w.u8(s.outcome().map(DispatchCodec::outcomeCode).orElse(0));
            w.str8("alertId", s.alertId(), DispatchWire.MAX_ID_BYTES);
            w.str16("message", s.message(), DispatchWire.MAX_TEXT_BYTES);
        }
        byte[] out = w.toByteArray();
        if (out.length > DispatchWire.MAX_BODY_BYTES) {
            throw new IllegalArgumentException("message is " + out.length + " bytes, more than "
                    + DispatchWire.MAX_BODY_BYTES);
        }
        return out;
    }

    private static void writeRequest(Writer w, DispatchRequest r) {
        w.i32(Math.round(r.targetLatDeg() * 1e7));
        w.i32(Math.round(r.targetLonDeg() * 1e7));
        boolean alt = r.altitudeRelM().isPresent();
        w.u8((alt ? 1 : 0) | (r.authorisationId().isPresent() ? 2 : 0));
        w.u16(alt ? (int) Math.round(r.altitudeRelM().getAsDouble() * 100) : 0);
        long s = r.onSceneTime().toSeconds() + (r.onSceneTime().toNanosPart() > 0 ? 1 : 0);
        w.u16((int) Math.max(1, Math.min(DispatchRequest.MAX_ON_SCENE_S, s)));
        w.u8(priorityCode(r.priority()));
        w.str8("alertId", r.alertId(), DispatchWire.MAX_ID_BYTES);
        w.str8("requesterId", r.requesterId(), DispatchWire.MAX_ID_BYTES);
        w.str16("requesterOrigin", r.requesterOrigin(), DispatchWire.MAX_ORIGIN_BYTES);
        w.str16("reason", r.reason(), DispatchWire.MAX_TEXT_BYTES);
        r.authorisationId().ifPresent(a -> w.str8("authorisationId", a, DispatchWire.MAX_ID_BYTES));
    }

    /**
     * Decodes a message body. Never throws.
     *
     * @param body   the bytes
     * @param offset where the body starts
     * @param length how many bytes
     * @return the message, or why the bytes are malformed
     */
    // Error Prone's NullTernary takes "yield failed ? null : message" below for an unboxing: the switch yields a
    // DispatchMessage, nothing is unboxed (a false positive of the check on switch-expression yields).
    @SuppressWarnings("NullTernary")
    public static DecodeResult decode(byte[] body, int offset, int length) {
        if (body == null || offset < 0 || length < 0 || offset > body.length - length) {
            return new Malformed(MalformedReason.EMPTY, "no body (null or out-of-range slice)", -1, 0);
        }
        Reader r = new Reader(body, offset, length);
        if (length == 0) {
            return new Malformed(MalformedReason.EMPTY, "empty message body", -1, 0);
        }
        int kind = r.u8("kind");
        try {
            DispatchMessage m = switch (kind) {
                case DispatchWire.KIND_DISPATCH -> {
                    long id = r.requestId();
                    DispatchRequest q = readRequest(r);
                    yield r.failed() || q == null ? null : new DispatchMessage.Dispatch(id, q);
                }
                case DispatchWire.KIND_RETASK -> {
                    long id = r.requestId();
                    long flight = r.u32("flight id");
                    DispatchRequest q = readRequest(r);
                    yield r.failed() || q == null ? null : new DispatchMessage.Retask(id, flight, q);
                }
                case DispatchWire.KIND_CANCEL -> {
                    long id = r.requestId();
                    long flight = r.u32("flight id");
                    String who = r.str8("requester id", DispatchWire.MAX_ID_BYTES);
                    String from = r.str16("origin", DispatchWire.MAX_ORIGIN_BYTES);
                    String why = r.str16("reason", DispatchWire.MAX_TEXT_BYTES);
                    yield r.failed() ? null : new DispatchMessage.Cancel(id, flight, who, from, why);
                }
                case DispatchWire.KIND_ACK -> {
                    long id = r.u64("request id");
                    r.requestId = id;
                    int code = r.u8("status");
                    long flight = r.u32("flight id");
                    String msg = r.str16("message", DispatchWire.MAX_TEXT_BYTES);
                    AckStatus st = AckStatus.ofCode(code);
                    if (!r.failed() && st == null) {
                        r.fail(MalformedReason.BAD_VALUE, "ACK status code " + code + " is unknown");
                    }
                    yield r.failed() || st == null ? null : new DispatchMessage.Ack(id, st, flight, msg);
                }
                case DispatchWire.KIND_FLIGHT_STATUS -> {
                    long flight = r.u32("flight id");
                    long id = r.u64("request id");
                    int seq = r.u16("sequence");
                    int pc = r.u8("phase");
                    int oc = r.u8("outcome");
                    String alert = r.str8("alert id", DispatchWire.MAX_ID_BYTES);
                    String msg = r.str16("message", DispatchWire.MAX_TEXT_BYTES);
                    FlightPhase phase = r.failed() ? null : phaseOf(pc);
                    if (!r.failed() && phase == null) {
                        r.fail(MalformedReason.BAD_VALUE, "phase code " + pc + " is unknown");
                    }
                    Optional<FlightOutcome> outcome = Optional.empty();
                    if (!r.failed() && oc != 0) {
                        FlightOutcome o = outcomeOf(oc);
                        if (o == null) {
                            r.fail(MalformedReason.BAD_VALUE, "outcome code " + oc + " is unknown");
                        }
                        outcome = Optional.ofNullable(o);
                    }
                    yield r.failed() || phase == null ? null
                            : new DispatchMessage.FlightStatus(flight, id, seq, phase, outcome, alert, msg);
                }
                default -> {
                    r.fail(MalformedReason.UNKNOWN_KIND, String.format("kind 0x%02x is not a dispatch message", kind));
                    yield null;
                }
            };
            if (r.failed()) {
                return r.malformed(kind);
            }
            if (r.remaining() > 0) {
                return new Malformed(MalformedReason.TRAILING_BYTES, r.remaining() + " bytes follow the last field",
                        kind, r.requestId);
            }
            return new DecodeResult.Decoded(Objects.requireNonNull(m, "every kind that did not fail yields a message"));
        } catch (IllegalArgumentException e) {
            return new Malformed(MalformedReason.BAD_VALUE, String.valueOf(e.getMessage()), kind, r.requestId);
        }
    }

    /**
     * Decodes a whole array.
     *
     * @param body the bytes
     * @return the message or why not
     */
    public static DecodeResult decode(byte[] body) {
        return decode(body, 0, body == null ? 0 : body.length);
    }

    private static @Nullable DispatchRequest readRequest(Reader r) {
        int latE7 = r.i32("latitude");
        int lonE7 = r.i32("longitude");
        int flags = r.u8("flags");
        int altCm = r.u16("altitude");
        int onSceneS = r.u16("on-scene time");
        int prio = r.u8("priority");
        String alert = r.str8("alert id", DispatchWire.MAX_ID_BYTES);
        String who = r.str8("requester id", DispatchWire.MAX_ID_BYTES);
        String from = r.str16("origin", DispatchWire.MAX_ORIGIN_BYTES);
        String why = r.str16("reason", DispatchWire.MAX_TEXT_BYTES);
        Optional<String> authorisation = (flags & 2) != 0
                ? Optional.of(r.str8("authorisation id", DispatchWire.MAX_ID_BYTES)) : Optional.empty();
        if (r.failed()) {
            return null;
        }
        if ((flags & ~3) != 0) {
            r.fail(MalformedReason.BAD_VALUE, String.format("flags 0x%02x has unknown bits", flags));
            return null;
        }
        DispatchPriority p = priorityOf(prio);
        if (p == null) {
            r.fail(MalformedReason.BAD_VALUE, "priority code " + prio + " is unknown");
            return null;
        }
        OptionalDouble alt = (flags & 1) != 0 ? OptionalDouble.of(altCm / 100.0) : OptionalDouble.empty();
        if ((flags & 1) == 0 && altCm != 0) {
            r.fail(MalformedReason.BAD_VALUE, "altitude " + altCm + " cm given without its flag");
            return null;
        }
        return new DispatchRequest(alert, latE7 / 1e7, lonE7 / 1e7, alt, p, why, Duration.ofSeconds(onSceneS), who,
                from, authorisation);
    }

    /**
     * The wire code of a flight phase (stable, independent of enum order).
     *
     * @param p the phase
     * @return 0 PREFLIGHT, 1 UPLOAD, 2 ARM, 3 TAKEOFF, 4 TRANSIT, 5 ON_SCENE, 6 RETURN, 7 LAND, 8 DONE, 9 ABORTED,
     *     10 FAILED
     */
    public static int phaseCode(FlightPhase p) {
        return switch (p) {
            case PREFLIGHT -> 0;
            case UPLOAD -> 1;
            case ARM -> 2;
            case TAKEOFF -> 3;
            case TRANSIT -> 4;
            case ON_SCENE -> 5;
            case RETURN -> 6;
            case LAND -> 7;
            case DONE -> 8;
            case ABORTED -> 9;
            case FAILED -> 10;
        };
    }

    /**
     * @param code a phase code from the wire
     * @return the phase, or null when unknown
     */
    public static @Nullable FlightPhase phaseOf(int code) {
        for (FlightPhase p : FlightPhase.values()) {
            if (phaseCode(p) == code) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param o an outcome
     * @return 1 COMPLETED, 2 REFUSED, 3 ABORTED, 4 FAILED (0 means "in progress" on the wire)
     */
    public static int outcomeCode(FlightOutcome o) {
        return switch (o) {
            case COMPLETED -> 1;
            case REFUSED -> 2;
            case ABORTED -> 3;
            case FAILED -> 4;
        };
    }

    /**
     * @param code an outcome code 1..4 from the wire
     * @return the outcome, or null when unknown
     */
    public static @Nullable FlightOutcome outcomeOf(int code) {
        for (FlightOutcome o : FlightOutcome.values()) {
            if (outcomeCode(o) == code) {
                return o;
            }
        }
        return null;
    }

    /**
     * @param p a priority
     * @return 0 ROUTINE, 1 URGENT, 2 EMERGENCY
     */
    public static int priorityCode(DispatchPriority p) {
        return switch (p) {
            case ROUTINE -> 0;
            case URGENT -> 1;
            case EMERGENCY -> 2;
        };
    }

    /**
     * @param code a priority code from the wire
     * @return the priority, or null when unknown
     */
    public static @Nullable DispatchPriority priorityOf(int code) {
        return switch (code) {
            case 0 -> DispatchPriority.ROUTINE;
            case 1 -> DispatchPriority.URGENT;
            case 2 -> DispatchPriority.EMERGENCY;
            default -> null;
        };
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(160);

        void u8(int v) {
            out.write(v & 0xFF);
        }

        void u16(int v) {
            u8(v);
            u8(v >>> 8);
        }

        void i32(long v) {
            u16((int) v);
            u16((int) (v >>> 16));
        }

        void u32(long v) {
            i32(v);
        }

        void u64(long v) {
            i32(v);
            i32(v >>> 32);
        }

        void str8(String name, String s, int max) {
            byte[] b = bytes(name, s, max);
            u8(b.length);
            out.write(b, 0, b.length);
        }

        void str16(String name, String s, int max) {
            byte[] b = bytes(name, s, max);
            u16(b.length);
            out.write(b, 0, b.length);
        }

        private static byte[] bytes(String name, String s, int max) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > max) {
                throw new IllegalArgumentException(name + " is " + b.length + " bytes in UTF-8, more than " + max);
            }
            return b;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;
        private @Nullable MalformedReason failure;
        private @Nullable String detail;
        long requestId;

        Reader(byte[] b, int off, int len) {
            this.b = b;
            this.pos = off;
            this.end = off + len;
        }

        boolean failed() {
            return failure != null;
        }

        int remaining() {
            return end - pos;
        }

        void fail(MalformedReason reason, String why) {
            if (failure == null) {
                failure = reason;
                detail = why;
            }
        }

        Malformed malformed(int kind) {
            return new Malformed(Objects.requireNonNull(failure, "called once failed"),
                    Objects.requireNonNull(detail, "set with the failure"), kind, requestId);
        }

        private boolean need(int n, String field) {
            if (failed()) {
                return false;
            }
            if (end - pos < n) {
                fail(MalformedReason.TRUNCATED, "body ends inside " + field + " (needs " + n + " bytes, "
                        + (end - pos) + " left)");
                return false;
            }
            return true;
        }

        int u8(String field) {
            return need(1, field) ? b[pos++] & 0xFF : 0;
        }

        int u16(String field) {
            if (!need(2, field)) {
                return 0;
            }
            int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
            pos += 2;
            return v;
        }

        int i32(String field) {
            if (!need(4, field)) {
                return 0;
            }
            int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
            pos += 4;
            return v;
        }

        long u32(String field) {
            return i32(field) & 0xFFFF_FFFFL;
        }

        long u64(String field) {
            if (!need(8, field)) {
                return 0;
            }
            long lo = i32(field) & 0xFFFF_FFFFL;
            long hi = i32(field) & 0xFFFF_FFFFL;
            return lo | hi << 32;
        }

        /** Reads a request id, remembers it for error answers, and rejects 0. */
        long requestId() {
            long id = u64("request id");
            if (!failed()) {
                requestId = id;
                if (id == 0) {
                    fail(MalformedReason.BAD_VALUE, "request id 0 is reserved");
                }
            }
            return id;
        }

        /** @return the string, or "" once the reader has failed (the message is then discarded) */
        String str8(String field, int max) {
            int n = u8(field + " length");
            return str(field, n, max);
        }

        /** @return the string, or "" once the reader has failed (the message is then discarded) */
        String str16(String field, int max) {
            int n = u16(field + " length");
            return str(field, n, max);
        }

        private String str(String field, int n, int max) {
            if (failed()) {
                return "";
            }
            if (n > max) {
                fail(MalformedReason.BAD_STRING, field + " is " + n + " bytes, more than " + max);
                return "";
            }
            if (!need(n, field)) {
                return "";
            }
            String s = Utf8.decode(b, pos, n);
            pos += n;
            if (s == null) {
                fail(MalformedReason.BAD_STRING, field + " is not valid UTF-8");
                return "";
            }
            return s;
        }
    }
}

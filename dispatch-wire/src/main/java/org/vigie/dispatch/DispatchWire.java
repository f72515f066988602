package org.vigie.dispatch;

/**
 * Constants of the Vigie dispatch wire format (version {@value #VERSION}), carried in MAVLink 2 TUNNEL messages.
 *
 * <h2>TUNNEL fields</h2>
 * <ul>
 *   <li>{@code target_system}, {@code target_component}: the addressee (the drone's dispatch link, or the centre for
 *       replies); a receiver ignores a TUNNEL addressed to another system, and accepts component 0 (broadcast) or
 *       its own component;</li>
 *   <li>{@code payload_type} = {@link #PAYLOAD_TYPE} (0xD15C, in the private range 32768..65535 that MAVLink leaves
 *       to applications); other payload types are not ours and are ignored (counted);</li>
 *   <li>{@code payload_length}: bytes used in {@code payload}, {@value #FRAGMENT_HEADER_LENGTH}..{@value
 *       #TUNNEL_PAYLOAD_MAX}; {@code payload}: one fragment.</li>
 * </ul>
 *
 * <h2>Fragment (one TUNNEL payload)</h2>
 * <pre>
 * offset size  field
 * 0      1     version          = 1
 * 1      2     transfer id      uint16 little-endian, per sender, incremented for every message sent (retries too)
 * 3      1     fragment index   0 .. count-1
 * 4      1     fragment count   1 .. 16
 * 5      n     chunk            n = payload_length - 5, at most 123 bytes
 * </pre>
 * The chunks of one transfer, in index order, make the message body. Every fragment but the last carries 123 bytes.
 *
 * <h2>Message body (little-endian; strings are UTF-8, length-prefixed, never NUL-terminated)</h2>
 * <pre>
 * DISPATCH      0x01 kind, u64 request id, i32 lat degE7, i32 lon degE7, u8 flags (bit 0: altitude present,
 *                    bit 1: authorisation id present), u16 altitude above home cm, u16 on-scene s (1..3600),
 *                    u8 priority (0 ROUTINE, 1 URGENT, 2 EMERGENCY), str8 alert id, str8 requester id,
 *                    str16 origin, str16 reason, then str8 authorisation id only when flag bit 1 is set
 * RETASK        0x02 kind, u64 request id, u32 flight id, then the DISPATCH fields after the request id
 * CANCEL        0x03 kind, u64 request id, u32 flight id, str8 requester id, str16 origin, str16 reason
 * ACK           0x81 kind, u64 request id answered (0 when unknown), u8 status ({@link AckStatus#code()}),
 *                    u32 flight id (0: none), str16 message (a sentence)
 * FLIGHT_STATUS 0x82 kind, u32 flight id, u64 request id that started the flight, u16 status sequence, u8 phase
 *                    ({@link DispatchCodec#phaseCode}), u8 outcome (0 in progress, 1 COMPLETED, 2 REFUSED,
 *                    3 ABORTED, 4 FAILED), str8 alert id, str16 message
 * </pre>
 * {@code str8} is a u8 byte count then the bytes, {@code str16} a u16 byte count then the bytes. Byte limits:
 * alert id and requester id {@value #MAX_ID_BYTES}, origin {@value #MAX_ORIGIN_BYTES}, reason and messages
 * {@value #MAX_TEXT_BYTES} (the character limits of {@link org.vigie.dispatch.DispatchRequest} always fit). Request
 * id 0 is reserved ("unknown"). Unknown kinds, unknown flag bits, bytes after the last field, bad UTF-8 and
 * out-of-range values make the message malformed. The authorisation id came later within version 1: a request
 * without one is byte for byte what it always was, and a drone that predates it refuses (as malformed: unknown flag
 * bit) a request that carries one rather than fly without it.
 *
 * <p>Immutable constants; thread-safe.
 */
public final class DispatchWire {

    /** MAVLink message id of TUNNEL. */
    public static final int TUNNEL_MSG_ID = 385;
    /** TUNNEL.payload_type of every Vigie dispatch fragment: 0xD15C, private range (&gt;= 32768). */
    public static final int PAYLOAD_TYPE = 0xD15C;
    /** Wire format version carried in byte 0 of each fragment. */
    public static final int VERSION = 1;
    /** Size of TUNNEL.payload, bytes. */
    public static final int TUNNEL_PAYLOAD_MAX = 128;
    /** Fragment header size, bytes. */
    public static final int FRAGMENT_HEADER_LENGTH = 5;
    /** Message bytes carried per fragment, bytes. */
    public static final int CHUNK_MAX = TUNNEL_PAYLOAD_MAX - FRAGMENT_HEADER_LENGTH;
    /** Most fragments one message may use. */
    public static final int MAX_FRAGMENTS = 16;
    /** Largest message body, bytes. */
    public static final int MAX_BODY_BYTES = CHUNK_MAX * MAX_FRAGMENTS;
    /** Byte limit of alert and requester ids in UTF-8. */
    public static final int MAX_ID_BYTES = 192;
    /** Byte limit of the requester origin in UTF-8. */
    public static final int MAX_ORIGIN_BYTES = 384;
    /** Byte limit of reasons and messages in UTF-8. */
    public static final int MAX_TEXT_BYTES = 600;

    /** Kind byte of DISPATCH. */
    public static final int KIND_DISPATCH = 0x01;
    /** Kind byte of RETASK. */
    public static final int KIND_RETASK = 0x02;
    /** Kind byte of CANCEL. */
    public static final int KIND_CANCEL = 0x03;
    /** Kind byte of ACK. */
    public static final int KIND_ACK = 0x81;
    /** Kind byte of FLIGHT_STATUS. */
    public static final int KIND_FLIGHT_STATUS = 0x82;

    private DispatchWire() {
    }
}

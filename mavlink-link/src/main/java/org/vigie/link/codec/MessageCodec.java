package org.vigie.link.codec;

import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadDeserializer;
import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadSerializer;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Typed encode/decode between payload bytes and dronefleet's generated message objects (for example
 * {@code io.dronefleet.mavlink.common.CommandLong}). Decoding happens only on demand: the router and the parser work
 * on raw frames.
 *
 * <p>Thread-safe: dronefleet's reflection serializers hold no per-call state, the fast decoders none at all.
 */
public final class MessageCodec {

    /** Largest MAVLink payload, bytes. */
    public static final int MAX_PAYLOAD_LENGTH = 255;

    private final MessageTable table;
    private final ReflectionPayloadDeserializer deserializer = new ReflectionPayloadDeserializer();
    private final ReflectionPayloadSerializer serializer = new ReflectionPayloadSerializer();

    /** Creates a codec for the ardupilotmega dialect. */
    public MessageCodec() {
        this(MessageTable.ardupilotmega());
    }

    /**
     * Creates a codec.
     *
     * @param table dialect knowledge
     */
    public MessageCodec(MessageTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** @return the dialect table */
    public MessageTable table() {
        return table;
    }

    /**
     * Decodes a frame to its dronefleet message object.
     *
     * @param frame the frame
     * @return the message, or empty if the id is unknown or the payload does not decode
     */
    public Optional<Object> decode(MavlinkFrame frame) {
        return Optional.ofNullable(decodeOrNull(frame.msgId(), frame.payload(), 0, frame.payload().length));
    }

    /**
     * Decodes the frame a parser is showing, without copying it first (the fast path for telemetry: call it inside
     * {@link FrameParser.Listener#onFrame}).
     *
     * @param view the parser's current frame
     * @return the message, or empty if the id is unknown or the payload does not decode
     */
    public Optional<Object> decode(FrameView view) {
        return Optional.ofNullable(decodeOrNull(view.msgId(), view.buffer(), view.payloadOffset(),
                view.payloadLength()));
    }

    /**
     * Decodes a payload to its dronefleet message object. The telemetry messages streamed every frame (HEARTBEAT,
     * SYS_STATUS, GPS_RAW_INT, ATTITUDE, GLOBAL_POSITION_INT, VFR_HUD, BATTERY_STATUS, MISSION_CURRENT,
     * EKF_STATUS_REPORT, HOME_POSITION, ... see {@link #hasFastDecoder}) take a hand-written path that builds the
     * very same object as dronefleet's reflection deserializer, many times faster; the others use the reflection
     * deserializer.
     *
     * @param msgId message id
     * @param buffer array holding the payload
     * @param offset index of the first payload byte
     * @param length payload length on the wire (MAVLink 2 truncation is zero-extended), 0..{@value #MAX_PAYLOAD_LENGTH}
     * @return the message, or null if the id is unknown or the payload does not decode
     * @throws IllegalArgumentException if the buffer is null, or the offset or the length is negative, or the slice
     *     runs past the buffer's end, or the length exceeds {@value #MAX_PAYLOAD_LENGTH} (the message names the value
     *     and the limit)
     */
    public @Nullable Object decodeOrNull(int msgId, byte[] buffer, int offset, int length) {
        checkSlice(buffer, offset, length);
        Object fast = FastDecoders.decode(msgId, buffer, offset, length);
        if (fast != null) {
            return fast;
        }
        Class<?> type = table.type(msgId);
        if (type == null) {
            return null;
        }
        byte[] payload = new byte[length];
        System.arraycopy(buffer, offset, payload, 0, length);
        return decodePayload(payload, msgId, type);
    }

    /**
     * Checks a payload slice before any byte of it is read.
     *
     * @param buffer the array
     * @param offset index of the first payload byte
     * @param length payload length
     * @throws IllegalArgumentException naming the offset, the length and the limit they break
     */
    static void checkSlice(byte[] buffer, int offset, int length) {
        if (buffer == null) {
            throw new IllegalArgumentException("payload buffer is null");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("payload offset " + offset + " is negative");
        }
        if (length < 0 || length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("payload length " + length + " is not in 0.." + MAX_PAYLOAD_LENGTH);
        }
        if (offset > buffer.length - length) {
            throw new IllegalArgumentException("payload offset " + offset + " + length " + length
                    + " runs past the end of the " + buffer.length + "-byte buffer");
        }
    }

    /**
     * Whether a message id takes the hand-written decode path.
     *
     * @param msgId message id
     * @return true if {@link #decode} avoids reflection for it
     */
    public static boolean hasFastDecoder(int msgId) {
        for (int id : FastDecoders.IDS) {
            if (id == msgId) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes a payload with dronefleet's reflection deserializer only (the reference the fast path is tested
     * against).
     *
     * @param msgId message id
     * @param payload payload bytes as on the wire
     * @return the message, or null if the id is unknown or the payload does not decode
     * @throws IllegalArgumentException if the payload is null or longer than {@value #MAX_PAYLOAD_LENGTH} bytes
     */
    public @Nullable Object decodeByReflection(int msgId, byte[] payload) {
        checkSlice(payload, 0, payload == null ? 0 : payload.length);
        Class<?> type = table.type(msgId);
        return type == null ? null : decodePayload(payload, msgId, type);
    }

    /**
     * Decodes a frame as a given message type.
     *
     * @param frame the frame
     * @param type expected dronefleet class
     * @param <T> message type
     * @return the message, or empty if the frame is of another id or does not decode
     */
    public <T> Optional<T> decode(MavlinkFrame frame, Class<T> type) {
        if (table.type(frame.msgId()) != type) {
            return Optional.empty();
        }
        return Optional.ofNullable(type.cast(decodeOrNull(frame.msgId(), frame.payload(), 0,
                frame.payload().length)));
    }

    /**
     * Serialises a dronefleet message object to its full payload (extensions included, not truncated).
     *
     * @param message a generated message object
     * @return payload bytes
     * @throws IllegalArgumentException if the object is not a message of the dialect
     */
    public byte[] encodePayload(Object message) {
        Objects.requireNonNull(message, "message");
        int id = MessageTable.idOf(message.getClass());
        if (!table.known(id)) {
            throw new IllegalArgumentException("message " + message.getClass().getSimpleName() + " (id " + id
                    + ") is not in the dialect");
        }
        byte[] p = serializer.serialize(message);
        int max = table.maxPayloadLength(id);
        if (p.length != max) {
            byte[] q = new byte[max];
            System.arraycopy(p, 0, q, 0, Math.min(max, p.length));
            p = q;
        }
        return p;
    }

    /**
     * Message id of a dronefleet message object.
     *
     * @param message the object
     * @return its id
     * @throws IllegalArgumentException if it is not a MAVLink message
     */
    public static int messageId(Object message) {
        return MessageTable.idOf(message.getClass());
    }

    private @Nullable Object decodePayload(byte[] payload, int msgId, Class<?> type) {
        int max = table.maxPayloadLength(msgId);
        byte[] full = payload;
        if (payload.length != max) {
            full = new byte[max];
            System.arraycopy(payload, 0, full, 0, Math.min(max, payload.length));
        }
        try {
            return deserializer.deserialize(full, type);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package org.vigie.link.codec;

import io.dronefleet.mavlink.MavlinkDialect;
import io.dronefleet.mavlink.annotations.MavlinkFieldInfo;
import io.dronefleet.mavlink.annotations.MavlinkMessageInfo;
import io.dronefleet.mavlink.ardupilotmega.ArdupilotmegaDialect;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the codec knows about each message id of a dialect: CRC_EXTRA, payload lengths, the dronefleet class, and the
 * wire offsets of {@code target_system} / {@code target_component} (used by the router without decoding).
 *
 * <p>Built once from dronefleet's generated classes (dialect ardupilotmega, which includes common and minimal).
 * Immutable and thread-safe after construction. Lookups are array reads: no allocation.
 */
public final class MessageTable {

    /** Returned by offset lookups when a message has no such field. */
    public static final int NONE = -1;

    private static final MessageTable ARDUPILOTMEGA = new MessageTable(new ArdupilotmegaDialect());

    private final int maxId;
    private final short[] crcExtra;      // -1 unknown
    private final short[] minLength;     // length without extensions (MAVLink 1 length)
    private final short[] maxLength;     // full length with extensions
    private final short[] targetSystemOffset;
    private final short[] targetComponentOffset;
    private final Class<?>[] types;
    private final List<List<FieldLayout>> layouts;

    /**
     * Builds the table for a dronefleet dialect.
     *
     * @param dialect the dialect; message ids 0..65535 are scanned
     */
    public MessageTable(MavlinkDialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        int max = 0;
        List<Class<?>> found = new ArrayList<>();
        for (int id = 0; id <= 0xFFFF; id++) {
            if (dialect.supports(id)) {
                Class<?> c = dialect.resolve(id);
                if (c != null && c.getAnnotation(MavlinkMessageInfo.class) != null) {
                    found.add(c);
                    max = Math.max(max, id);
                }
            }
        }
        maxId = max;
        crcExtra = new short[max + 1];
        minLength = new short[max + 1];
        maxLength = new short[max + 1];
        targetSystemOffset = new short[max + 1];
        targetComponentOffset = new short[max + 1];
        types = new Class<?>[max + 1];
        List<List<FieldLayout>> lay = new ArrayList<>(java.util.Collections.nCopies(max + 1, List.of()));
        Arrays.fill(crcExtra, (short) -1);
        Arrays.fill(targetSystemOffset, (short) NONE);
        Arrays.fill(targetComponentOffset, (short) NONE);
        for (Class<?> c : found) {
            MavlinkMessageInfo info = c.getAnnotation(MavlinkMessageInfo.class);
            int id = info.id();
            crcExtra[id] = (short) (info.crc() & 0xFF);
            types[id] = c;
            List<Field> fields = fields(c);
            int offset = 0;
            int min = 0;
            List<FieldLayout> fl = new ArrayList<>();
            for (Field f : fields) {
                fl.add(new FieldLayout(f.name, offset, f.size, f.unit, f.size / f.unit, f.extension, f.javaType));
                if (f.name.equals("targetSystem")) {
                    targetSystemOffset[id] = (short) offset;
                } else if (f.name.equals("targetComponent")) {
                    targetComponentOffset[id] = (short) offset;
                }
                offset += f.size;
                if (!f.extension) {
                    min = offset;
                }
            }
            minLength[id] = (short) min;
            maxLength[id] = (short) offset;
            lay.set(id, List.copyOf(fl));
        }
        layouts = List.copyOf(lay);
    }

    /**
     * The shared table for the ardupilotmega dialect (common + ardupilotmega + minimal).
     *
     * @return the table
     */
    public static MessageTable ardupilotmega() {
        return ARDUPILOTMEGA;
    }

    /**
     * Whether the dialect defines this message id.
     *
     * @param msgId message id
     * @return true if known
     */
    public boolean known(int msgId) {
        return msgId >= 0 && msgId <= maxId && crcExtra[msgId] >= 0;
    }

    /**
     * CRC_EXTRA seed byte of a message.
     *
     * @param msgId message id
     * @return 0..255, or -1 if unknown
     */
    public int crcExtra(int msgId) {
        return msgId >= 0 && msgId <= maxId ? crcExtra[msgId] : -1;
    }

    /**
     * Payload length without extension fields (the MAVLink 1 length).
     *
     * @param msgId message id
     * @return bytes, or -1 if unknown
     */
    public int minPayloadLength(int msgId) {
        return known(msgId) ? minLength[msgId] : -1;
    }

    /**
     * Full payload length including extension fields.
     *
     * @param msgId message id
     * @return bytes, or -1 if unknown
     */
    public int maxPayloadLength(int msgId) {
        return known(msgId) ? maxLength[msgId] : -1;
    }

    /**
     * Wire offset of the {@code target_system} field in the payload.
     *
     * @param msgId message id
     * @return byte offset, or {@link #NONE}
     */
    public int targetSystemOffset(int msgId) {
        return msgId >= 0 && msgId <= maxId ? targetSystemOffset[msgId] : NONE;
    }

    /**
     * Wire offset of the {@code target_component} field in the payload.
     *
     * @param msgId message id
     * @return byte offset, or {@link #NONE}
     */
    public int targetComponentOffset(int msgId) {
        return msgId >= 0 && msgId <= maxId ? targetComponentOffset[msgId] : NONE;
    }

    /**
     * The dronefleet message class for an id.
     *
     * @param msgId message id
     * @return the class, or null if unknown
     */
    public @Nullable Class<?> type(int msgId) {
        return known(msgId) ? types[msgId] : null;
    }

    /**
     * Message id of a dronefleet message class.
     *
     * @param type a generated message class
     * @return its id
     * @throws IllegalArgumentException if the class is not a MAVLink message
     */
    public static int idOf(Class<?> type) {
        MavlinkMessageInfo info = type.getAnnotation(MavlinkMessageInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " is not a MAVLink message class");
        }
        return info.id();
    }

    /**
     * All known message ids, ascending.
     *
     * @return a new array of ids
     */
    public int[] knownIds() {
        int n = 0;
        for (int i = 0; i <= maxId; i++) {
            if (crcExtra[i] >= 0) {
                n++;
            }
        }
        int[] ids = new int[n];
        n = 0;
        for (int i = 0; i <= maxId; i++) {
            if (crcExtra[i] >= 0) {
                ids[n++] = i;
            }
        }
        return ids;
    }

    /**
     * Wire layout of one field of a message payload.
     *
     * @param name dronefleet accessor name (camelCase, e.g. {@code targetSystem})
     * @param offset byte offset in the full payload
     * @param size bytes on the wire (unit size times array length)
     * @param unitSize bytes of one element (1, 2, 4 or 8)
     * @param arrayLength element count (1 for scalars)
     * @param extension whether it is a MAVLink 2 extension field (absent from MAVLink 1)
     * @param javaType the accessor's Java type (String for char arrays, EnumValue for enums)
     */
    public record FieldLayout(String name, int offset, int size, int unitSize, int arrayLength, boolean extension,
                              Class<?> javaType) {}

    /**
     * Payload layout of a message: its fields in wire order (base fields by descending element size, then
     * extensions in declaration order).
     *
     * @param msgId message id
     * @return immutable list of fields, empty if the id is unknown
     */
    public List<FieldLayout> fieldLayout(int msgId) {
        return known(msgId) ? layouts.get(msgId) : List.of();
    }

    private record Field(String name, int size, int unit, int position, boolean extension, Class<?> javaType) {}

    /** Fields in wire order: non-extension by descending unit size (stable by position), then extensions. */
    private static List<Field> fields(Class<?> c) {
        List<Field> list = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            MavlinkFieldInfo fi = m.getAnnotation(MavlinkFieldInfo.class);
            if (fi != null) {
                int count = Math.max(1, fi.arraySize());
                list.add(new Field(m.getName(), fi.unitSize() * count, fi.unitSize(), fi.position(), fi.extension(),
                        m.getReturnType()));
            }
        }
        List<Field> base = new ArrayList<>();
        List<Field> ext = new ArrayList<>();
        for (Field f : list) {
            (f.extension ? ext : base).add(f);
        }
        base.sort(Comparator.comparingInt((Field f) -> -f.unit).thenComparingInt(f -> f.position));
        ext.sort(Comparator.comparingInt(f -> f.position));
        base.addAll(ext);
        return base;
    }
}

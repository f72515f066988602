package org.vigie.link.codec;

import io.dronefleet.mavlink.MavlinkDialect;
import io.dronefleet.mavlink.annotations.MavlinkFieldInfo;
import io.dronefleet.mavlink.annotations.MavlinkMessageInfo;
import io.dronefleet.mavlink.ardupilotmega.ArdupilotmegaDialect;
import io.dronefleet.mavlink.minimal.MinimalDialect;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the codec knows about each message id of a dialect: CRC_EXTRA, payload lengths, the dronefleet class, and the
 * wire offsets of {@code target_system} / {@code target_component} (used by the router without decoding).
 *
 * <p>Read from dronefleet's generated classes (dialect ardupilotmega, which includes common and minimal), one message
 * id at a time, the first time that id is looked up: loading and reflecting over all of the dialect's ~750 classes
 * took most of a second (several under load) before a link could send its first HEARTBEAT, which needs one entry.
 * The minimal dialect (HEARTBEAT, PROTOCOL_VERSION) is answered without instantiating the full dialect at all.
 * Immutable and thread-safe after construction. Lookups are array reads: no allocation.
 */
public final class MessageTable {

    /** Returned by offset lookups when a message has no such field. */
    public static final int NONE = -1;

    /** Ids scanned: 0..MAX_ID (every id dronefleet's dialects define). */
    private static final int MAX_ID = 0xFFFF;

    private static final MessageTable ARDUPILOTMEGA = new MessageTable(new LazyDialect(ArdupilotmegaDialect::new),
            new MinimalDialect());

    /** One message id, read once; immutable, so it is published safely through the racy array below. */
    private record Entry(int crcExtra, int minLength, int maxLength, int targetSystemOffset,
                         int targetComponentOffset, @Nullable Class<?> type, List<FieldLayout> layout) {
        static final Entry UNKNOWN = new Entry(-1, -1, -1, NONE, NONE, null, List.of());
    }

    private final MavlinkDialect dialect;
    private final @Nullable MavlinkDialect firstTry;
    /** Filled on first lookup of each id; a race computes the same entry twice, harmlessly. */
    private final @Nullable Entry[] entries = new Entry[MAX_ID + 1];

    /**
     * A table for a dronefleet dialect; each id is read from it on its first lookup.
     *
     * @param dialect the dialect; message ids 0..65535
     */
    public MessageTable(MavlinkDialect dialect) {
        this(dialect, null);
    }

    private MessageTable(MavlinkDialect dialect, @Nullable MavlinkDialect firstTry) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.firstTry = firstTry;
    }

    /**
     * The shared table for the ardupilotmega dialect (common + ardupilotmega + minimal).
     *
     * @return the table
     */
    public static MessageTable ardupilotmega() {
        return ARDUPILOTMEGA;
    }

    private Entry entry(int msgId) {
        if (msgId < 0 || msgId > MAX_ID) {
            return Entry.UNKNOWN;
        }
        Entry e = entries[msgId];
        if (e == null) {
            e = read(msgId);
            entries[msgId] = e;
        }
        return e;
    }

    private Entry read(int id) {
        MavlinkDialect d = firstTry != null && firstTry.supports(id) ? firstTry : dialect;
        if (!d.supports(id)) {
            return Entry.UNKNOWN;
        }
        Class<?> c = d.resolve(id);
        if (c == null || c.getAnnotation(MavlinkMessageInfo.class) == null) {
            return Entry.UNKNOWN;
        }
        MavlinkMessageInfo info = c.getAnnotation(MavlinkMessageInfo.class);
        int ts = NONE;
        int tc = NONE;
        int offset = 0;
        int min = 0;
        List<FieldLayout> fl = new ArrayList<>();
        for (Field f : fields(c)) {
            fl.add(new FieldLayout(f.name, offset, f.size, f.unit, f.size / f.unit, f.extension, f.javaType));
            if (f.name.equals("targetSystem")) {
                ts = offset;
            } else if (f.name.equals("targetComponent")) {
                tc = offset;
            }
            offset += f.size;
            if (!f.extension) {
                min = offset;
            }
        }
        return new Entry(info.crc() & 0xFF, min, offset, ts, tc, c, List.copyOf(fl));
    }

    /**
     * Whether the dialect defines this message id.
     *
     * @param msgId message id
     * @return true if known
     */
    public boolean known(int msgId) {
        return entry(msgId).crcExtra() >= 0;
    }

    /**
     * CRC_EXTRA seed byte of a message.
     *
     * @param msgId message id
     * @return 0..255, or -1 if unknown
     */
    public int crcExtra(int msgId) {
        return entry(msgId).crcExtra();
    }

    /**
     * Payload length without extension fields (the MAVLink 1 length).
     *
     * @param msgId message id
     * @return bytes, or -1 if unknown
     */
    public int minPayloadLength(int msgId) {
        return entry(msgId).minLength();
    }

    /**
     * Full payload length including extension fields.
     *
     * @param msgId message id
     * @return bytes, or -1 if unknown
     */
    public int maxPayloadLength(int msgId) {
        return entry(msgId).maxLength();
    }

    /**
     * Wire offset of the {@code target_system} field in the payload.
     *
     * @param msgId message id
     * @return byte offset, or {@link #NONE}
     */
    public int targetSystemOffset(int msgId) {
        return entry(msgId).targetSystemOffset();
    }

    /**
     * Wire offset of the {@code target_component} field in the payload.
     *
     * @param msgId message id
     * @return byte offset, or {@link #NONE}
     */
    public int targetComponentOffset(int msgId) {
        return entry(msgId).targetComponentOffset();
    }

    /**
     * The dronefleet message class for an id.
     *
     * @param msgId message id
     * @return the class, or null if unknown
     */
    public @Nullable Class<?> type(int msgId) {
        return entry(msgId).type();
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
        return java.util.stream.IntStream.rangeClosed(0, MAX_ID).filter(this::known).toArray();
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
        return entry(msgId).layout();
    }

    /** A dialect made the first time it is asked anything (the full dialect loads every message class). */
    @SuppressWarnings("rawtypes") // dronefleet's MavlinkDialect interface is declared with raw Class types
    private static final class LazyDialect implements MavlinkDialect {
        private final java.util.function.Supplier<MavlinkDialect> factory;
        private volatile @Nullable MavlinkDialect dialect;

        LazyDialect(java.util.function.Supplier<MavlinkDialect> factory) {
            this.factory = factory;
        }

        private MavlinkDialect get() {
            MavlinkDialect d = dialect;
            if (d == null) {
                d = factory.get();
                dialect = d;
            }
            return d;
        }

        @Override
        public String name() {
            return get().name();
        }

        @Override
        public boolean supports(int messageId) {
            return get().supports(messageId);
        }

        @Override
        public Class resolve(int messageId) {
            return get().resolve(messageId);
        }

        @Override
        public java.util.List<Class> messageTypes() {
            return get().messageTypes();
        }
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

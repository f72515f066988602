package org.vigie.link.codec;

import io.dronefleet.mavlink.util.EnumValue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared {@link EnumValue} instances of one dronefleet enum, by wire value: {@code EnumValue.create} looks the entry
 * up by reflection, far too slow for every frame. EnumValue is immutable (final fields), so racy publication of the
 * cached instances is safe. Thread-safe.
 */
final class EnumCache<E extends Enum<E>> {

    private static final int MAX_LARGE = 4096;

    private final Class<E> type;
    @SuppressWarnings("unchecked")
    private final EnumValue<E>[] small = new EnumValue[256];
    private final ConcurrentHashMap<Integer, EnumValue<E>> large = new ConcurrentHashMap<>();

    EnumCache(Class<E> type) {
        this.type = type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    EnumValue<E> get(int value) {
        if ((value & ~0xFF) == 0) {
            EnumValue<E> e = small[value];
            if (e == null) {
                e = (EnumValue<E>) EnumValue.create((Class) type, value);
                small[value] = e;
            }
            return e;
        }
        EnumValue<E> e = large.get(value);
        if (e == null) {
            e = (EnumValue<E>) EnumValue.create((Class) type, value);
            if (large.size() < MAX_LARGE) {
                large.putIfAbsent(value, e);
            }
        }
        return e;
    }
}

package org.vigie.misb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One ST 0601 UAS Datalink Local Set: its items in the order they are (or were) sent. The checksum is not an item.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()} (which orders the precision time stamp first) or
 * from a list.
 *
 * @param items the items, in wire order; copied
 */
public record St0601Packet(List<St0601Value> items) {

    /**
     * Creates a packet.
     *
     * @throws NullPointerException if items or an element is null
     */
    public St0601Packet {
        items = List.copyOf(items);
    }

    /**
     * The first item of a type, if present.
     *
     * @param type the record class, e.g. {@code SensorLatitude.class}
     * @return the item or empty
     */
    public <T extends St0601Value> Optional<T> first(Class<T> type) {
        for (St0601Value v : items) {
            if (type.isInstance(v)) {
                return Optional.of(type.cast(v));
            }
        }
        return Optional.empty();
    }

    /**
     * The item with a tag, if present.
     *
     * @param tag ST 0601 tag number
     * @return the first item with that tag or empty
     */
    public Optional<St0601Value> byTag(int tag) {
        for (St0601Value v : items) {
            if (v.tag() == tag) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an item with the tag is present and encodable (an item whose value cannot be represented is not sent).
     *
     * @param tag ST 0601 tag number
     * @return true if the encoder will write it
     */
    public boolean sends(int tag) {
        for (St0601Value v : items) {
            if (v.tag() == tag && v.encodedLength() > 0) {
                return true;
            }
        }
        return false;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects items; the precision time stamp, when given, is moved first as ST 0601 requires. Not thread-safe. */
    public static final class Builder {
        private final List<St0601Value> items = new ArrayList<>(32);

        private Builder() {
        }

        /**
         * Adds an item (null is ignored, so optional values can be passed through).
         *
         * @param value the item or null
         * @return this builder
         */
        public Builder add(@Nullable St0601Value value) {
            if (value != null) {
                if (value instanceof PrecisionTimeStamp) {
                    items.add(0, value);
                } else {
                    items.add(value);
                }
            }
            return this;
        }

        /** @return the packet */
        public St0601Packet build() {
            return new St0601Packet(items);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("St0601Packet[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Objects.toString(items.get(i)));
        }
        return sb.append(']').toString();
    }
}

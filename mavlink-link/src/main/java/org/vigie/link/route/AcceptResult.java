package org.vigie.link.route;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Endpoint} says about a frame offered to it for output: {@link Accepted} (it goes out there),
 * {@link Filtered} (a user filter keeps it out) or {@link Rejected} (the routing rules keep it out). Instances are
 * shared constants: returning one allocates nothing.
 */
public sealed interface AcceptResult permits AcceptResult.Accepted, AcceptResult.Filtered, AcceptResult.Rejected {

    /** The shared {@link Accepted} instance. */
    Accepted ACCEPTED = new Accepted();

    /** Why a filter kept a frame out. */
    enum FilterReason {
        /** The message id is on the block list. */
        MESSAGE_BLOCKED,
        /** An allow list of message ids exists and this id is not on it. */
        MESSAGE_NOT_ALLOWED,
        /** The source system is on the block list. */
        SOURCE_SYSTEM_BLOCKED,
        /** An allow list of source systems exists and this system is not on it. */
        SOURCE_SYSTEM_NOT_ALLOWED
    }

    /** Why the routing rules kept a frame out. */
    enum RejectReason {
        /** The frame came from this endpoint: never echoed back. */
        SOURCE_ENDPOINT,
        /** The frame targets a system/component never seen on this endpoint. */
        TARGET_NOT_HERE,
        /** SETUP_SIGNING (id 256) carries a secret key: never forwarded. */
        SETUP_SIGNING
    }

    /** The frame goes out on this endpoint. */
    record Accepted() implements AcceptResult {}

    /**
     * A filter keeps the frame out.
     *
     * @param reason which rule
     */
    record Filtered(FilterReason reason) implements AcceptResult {
        private static final Map<FilterReason, Filtered> CACHE = new EnumMap<>(FilterReason.class);

        static {
            for (FilterReason r : FilterReason.values()) {
                CACHE.put(r, new Filtered(r));
            }
        }

        /** Validates. */
        public Filtered {
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * The shared instance for a reason.
         *
         * @param reason the reason
         * @return the constant
         */
        public static Filtered of(FilterReason reason) {
            return Objects.requireNonNull(CACHE.get(reason), "every reason is cached");
        }
    }

    /**
     * The routing rules keep the frame out.
     *
     * @param reason which rule
     */
    record Rejected(RejectReason reason) implements AcceptResult {
        private static final Map<RejectReason, Rejected> CACHE = new EnumMap<>(RejectReason.class);

        static {
            for (RejectReason r : RejectReason.values()) {
                CACHE.put(r, new Rejected(r));
            }
        }

        /** Validates. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * The shared instance for a reason.
         *
         * @param reason the reason
         * @return the constant
         */
        public static Rejected of(RejectReason reason) {
            return Objects.requireNonNull(CACHE.get(reason), "every reason is cached");
        }
    }
}

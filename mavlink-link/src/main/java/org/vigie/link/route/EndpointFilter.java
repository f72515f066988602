package org.vigie.link.route;

import java.util.BitSet;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.FrameView;
import org.vigie.link.route.AcceptResult.FilterReason;

/**
 * An immutable per-endpoint, per-direction filter on message ids and source systems. Block lists win over allow
 * lists; an empty allow list allows everything. Lookups are array reads: no allocation. Thread-safe.
 *
 * <pre>{@code
 * EndpointFilter f = EndpointFilter.builder().blockMessages(256, 11).allowSourceSystems(1, 255).build();
 * }</pre>
 */
public final class EndpointFilter {

    private static final int MAX_MSG_ID = 0xFFFFFF;
    private static final EndpointFilter ALLOW_ALL = new EndpointFilter(new BitSet(), new BitSet(), new boolean[256],
            new boolean[256], false, false);

    private final BitSet allowMsg;
    private final BitSet blockMsg;
    private final boolean[] allowSys;
    private final boolean[] blockSys;
    private final boolean hasAllowMsg;
    private final boolean hasAllowSys;
    private final boolean passAll;

    private EndpointFilter(BitSet allowMsg, BitSet blockMsg, boolean[] allowSys, boolean[] blockSys,
            boolean hasAllowMsg, boolean hasAllowSys) {
        this.allowMsg = allowMsg;
        this.blockMsg = blockMsg;
        this.allowSys = allowSys;
        this.blockSys = blockSys;
        this.hasAllowMsg = hasAllowMsg;
        this.hasAllowSys = hasAllowSys;
        boolean anyBlockSys = false;
        for (boolean b : blockSys) {
            anyBlockSys |= b;
        }
        this.passAll = !hasAllowMsg && !hasAllowSys && blockMsg.isEmpty() && !anyBlockSys;
    }

    /** @return the filter that lets everything through */
    public static EndpointFilter allowAll() {
        return ALLOW_ALL;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true if this filter lets everything through */
    public boolean passesEverything() {
        return passAll;
    }

    /**
     * Judges a frame.
     *
     * @param frame the frame
     * @return null if it passes, otherwise why it is kept out
     */
    public @Nullable FilterReason check(FrameView frame) {
        if (passAll) {
            return null;
        }
        return check(frame.msgId(), frame.sysId());
    }

    /**
     * Judges a message id and source system.
     *
     * @param msgId message id
     * @param sourceSystem source system id 0..255
     * @return null if it passes, otherwise why it is kept out
     */
    public @Nullable FilterReason check(int msgId, int sourceSystem) {
        if (passAll) {
            return null;
        }
        if (blockMsg.get(msgId)) {
            return FilterReason.MESSAGE_BLOCKED;
        }
        if (hasAllowMsg && !allowMsg.get(msgId)) {
            return FilterReason.MESSAGE_NOT_ALLOWED;
        }
        int s = sourceSystem & 0xFF;
        if (blockSys[s]) {
            return FilterReason.SOURCE_SYSTEM_BLOCKED;
        }
        if (hasAllowSys && !allowSys[s]) {
            return FilterReason.SOURCE_SYSTEM_NOT_ALLOWED;
        }
        return null;
    }

    /** Builds an {@link EndpointFilter}. Not thread-safe. */
    public static final class Builder {
        private final BitSet allowMsg = new BitSet();
        private final BitSet blockMsg = new BitSet();
        private final boolean[] allowSys = new boolean[256];
        private final boolean[] blockSys = new boolean[256];
        private boolean hasAllowMsg;
        private boolean hasAllowSys;

        private Builder() {}

        private static int msg(int id) {
            if (id < 0 || id > MAX_MSG_ID) {
                throw new IllegalArgumentException("message id " + id + " is out of range 0.." + MAX_MSG_ID);
            }
            return id;
        }

        private static int sys(int id) {
            if (id < 0 || id > 255) {
                throw new IllegalArgumentException("system id " + id + " is out of range 0..255");
            }
            return id;
        }

        /**
         * Only these message ids pass (cumulative over calls).
         *
         * @param msgIds message ids 0..16777215
         * @return this
         * @throws IllegalArgumentException for an id out of range
         */
        public Builder allowMessages(int... msgIds) {
            for (int id : msgIds) {
                allowMsg.set(msg(id));
                hasAllowMsg = true;
            }
            return this;
        }

        /**
         * These message ids never pass.
         *
         * @param msgIds message ids 0..16777215
         * @return this
         * @throws IllegalArgumentException for an id out of range
         */
        public Builder blockMessages(int... msgIds) {
            for (int id : msgIds) {
                blockMsg.set(msg(id));
            }
            return this;
        }

        /**
         * Only frames from these source systems pass (cumulative over calls).
         *
         * @param systemIds 0..255
         * @return this
         * @throws IllegalArgumentException for an id out of range
         */
        public Builder allowSourceSystems(int... systemIds) {
            for (int id : systemIds) {
                allowSys[sys(id)] = true;
                hasAllowSys = true;
            }
            return this;
        }

        /**
         * Frames from these source systems never pass.
         *
         * @param systemIds 0..255
         * @return this
         * @throws IllegalArgumentException for an id out of range
         */
        public Builder blockSourceSystems(int... systemIds) {
            for (int id : systemIds) {
                blockSys[sys(id)] = true;
            }
            return this;
        }

        /** @return the immutable filter */
        public EndpointFilter build() {
            return new EndpointFilter((BitSet) allowMsg.clone(), (BitSet) blockMsg.clone(), allowSys.clone(),
                    blockSys.clone(), hasAllowMsg, hasAllowSys);
        }
    }
}

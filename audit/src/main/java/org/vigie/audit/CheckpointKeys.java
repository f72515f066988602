package org.vigie.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keys a verifier trusts, by key id. A checkpoint naming a key not in the ring is counted as unverified, not as
 * broken; a checkpoint naming a key in the ring must verify with it. Immutable.
 */
public final class CheckpointKeys {

    private static final CheckpointKeys NONE = new CheckpointKeys(Map.of());

    private final Map<String, CheckpointVerifier> byId;

    private CheckpointKeys(Map<String, CheckpointVerifier> byId) {
        this.byId = byId;
    }

    /** @return a ring with no key: checkpoints are counted, not verified */
    public static CheckpointKeys none() {
        return NONE;
    }

    /**
     * @param verifiers the keys
     * @return a ring of them
     * @throws IllegalArgumentException if two share a key id
     */
    public static CheckpointKeys of(List<? extends CheckpointVerifier> verifiers) {
        Map<String, CheckpointVerifier> m = new LinkedHashMap<>();
        for (CheckpointVerifier v : verifiers) {
            if (m.put(v.keyId(), v) != null) {
                throw new IllegalArgumentException("two checkpoint keys share the id '" + v.keyId() + "'");
            }
        }
        return new CheckpointKeys(Map.copyOf(m));
    }

    /**
     * @param verifier one key
     * @return a ring of it
     */
    public static CheckpointKeys of(CheckpointVerifier verifier) {
        return of(List.of(verifier));
    }

    /**
     * @param keyId a key id
     * @return its verifier, or null if the ring does not hold it
     */
    public @Nullable CheckpointVerifier find(String keyId) {
        return byId.get(keyId);
    }

    /** @return whether the ring is empty */
    public boolean isEmpty() {
        return byId.isEmpty();
    }
}

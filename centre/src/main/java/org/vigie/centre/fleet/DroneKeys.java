package org.vigie.centre.fleet;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vigie.link.signing.SigningKey;

/**
 * The centre's dispatch signing keys by key id, with revocation. A drone is registered with a key id; a link is only
 * opened with a known, unrevoked key. Thread-safe (configuration read from any thread).
 */
public final class DroneKeys {

    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    /**
     * Adds a key.
     *
     * @param keyId the key's id, not blank
     * @param key   the secret (never the all-zero key, which turns signing off)
     * @return this
     * @throws IllegalArgumentException if the id is blank, already used, or the key is all zeros
     */
    public DroneKeys add(String keyId, SigningKey key) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId is missing");
        }
        Objects.requireNonNull(key, "key");
        if (key.isZero()) {
            throw new IllegalArgumentException("key '" + keyId + "' is all zeros: that turns signing off");
        }
        if (keys.putIfAbsent(keyId, key) != null) {
            throw new IllegalArgumentException("key id '" + keyId + "' is already in use");
        }
        return this;
    }

    /**
     * Revokes a key: no link is opened with it any more (links already open are closed by their owner).
     *
     * @param keyId the key's id
     * @return true if the key was known and not yet revoked
     */
    public boolean revoke(String keyId) {
        return keys.containsKey(keyId) && revoked.add(keyId);
    }

    /**
     * The key a drone may speak with.
     *
     * @param keyId the key's id
     * @return the key
     * @throws IllegalArgumentException naming the key id when it is unknown or revoked
     */
    public SigningKey require(String keyId) {
        SigningKey k = keys.get(keyId);
        if (k == null) {
            throw new IllegalArgumentException("signing key '" + keyId + "' is unknown to the centre");
        }
        if (revoked.contains(keyId)) {
            throw new IllegalArgumentException("signing key '" + keyId + "' is revoked");
        }
        return k;
    }

    /** @param keyId a key id @return true when the key is known and not revoked */
    public boolean usable(String keyId) {
        return keys.containsKey(keyId) && !revoked.contains(keyId);
    }
}

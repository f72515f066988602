package org.vigie.fleet.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Idempotent order ids: the id of a dispatch order is derived from the alert it answers and the drone it goes to, so
 * the active centre and a standby that takes over send the same order under the same id, and the drone's dispatch
 * server (which remembers orders by sender and id) answers the repeat without flying twice.
 */
public final class OrderIds {

    private OrderIds() {
    }

    /**
     * @param alertId       the alert's id
     * @param droneSystemId the drone
     * @return a non-zero 64-bit id, the same for the same alert and drone on every centre
     */
    public static long of(String alertId, int droneSystemId) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest((droneSystemId + "/" + alertId)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = id << 8 | (h[i] & 0xFF);
        }
        return id == 0 ? 1 : id;
    }
}

package org.vigie.link.mission;

/**
 * Timing and policies of mission transfers.
 *
 * <p>Per-message timeouts and retries follow the MAVLink mission protocol's recommended defaults: 1500 ms for
 * handshake messages (MISSION_COUNT, MISSION_REQUEST_LIST, MISSION_CLEAR_ALL, the final ACK), 250 ms for items, 5
 * retries, the retry count restarting at each step of progress.
 *
 * @param handshakeTimeoutMs wait after a handshake message, &gt; 0
 * @param itemTimeoutMs wait after an item or item request, &gt; 0
 * @param retries resends per step before TIMEOUT, 0..100
 * @param transferAttempts transfer-level attempts: a transfer ending with a {@link TransferResult#retryable()} result
 *                         is started again from the beginning up to this many attempts in total (1 = never)
 * @param verifyByDownload after an accepted upload, read the list back and compare (command, frame in INT numbering,
 *                         x, y exactly; z within what the autopilot stores: 1 cm for missions, and on ArduPilot 0.5 m
 *                         for rally points and not at all for fence items; params are not compared, ArduPilot keeps
 *                         many in reduced forms; ArduPilot's home item 0 excluded); a difference is
 *                         {@link TransferResult#VERIFY_MISMATCH}
 * @param answerLegacyRequestWithItemInt answer the legacy MISSION_REQUEST with MISSION_ITEM_INT (what ArduCopter
 *                                       accepts, and exact) rather than the float MISSION_ITEM
 */
public record TransferOptions(long handshakeTimeoutMs, long itemTimeoutMs, int retries, int transferAttempts,
                              boolean verifyByDownload, boolean answerLegacyRequestWithItemInt) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public TransferOptions {
        if (handshakeTimeoutMs <= 0) {
            throw new IllegalArgumentException("handshakeTimeoutMs must be > 0, was " + handshakeTimeoutMs);
        }
        if (itemTimeoutMs <= 0) {
            throw new IllegalArgumentException("itemTimeoutMs must be > 0, was " + itemTimeoutMs);
        }
        if (retries < 0 || retries > 100) {
            throw new IllegalArgumentException("retries must be 0..100, was " + retries);
        }
        if (transferAttempts < 1 || transferAttempts > 100) {
            throw new IllegalArgumentException("transferAttempts must be 1..100, was " + transferAttempts);
        }
    }

    /** @return the spec defaults: 1500 ms, 250 ms, 5 retries, one attempt, no verify, MISSION_ITEM_INT answers */
    public static TransferOptions defaults() {
        return new TransferOptions(1500, 250, 5, 1, false, true);
    }

    /**
     * A copy with a transfer-level retry policy.
     *
     * @param attempts attempts in total, 1..100
     * @param verify whether to verify uploads by downloading
     * @return the copy
     */
    public TransferOptions withTransferPolicy(int attempts, boolean verify) {
        return new TransferOptions(handshakeTimeoutMs, itemTimeoutMs, retries, attempts, verify,
                answerLegacyRequestWithItemInt);
    }
}

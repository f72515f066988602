package org.vigie.dispatch;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Joins fragments (TUNNEL payloads, see {@link DispatchWire}) back into message bodies, per sender and transfer id,
 * in any arrival order. A transfer not complete within the timeout is dropped and counted; at most
 * {@code maxPartialTransfers} transfers and {@code maxTotalBytes} bytes of buffers are held at once (the oldest
 * transfers are dropped to make room). Memory is reserved when a transfer's first fragment arrives: its fragment
 * count times {@value DispatchWire#CHUNK_MAX} bytes. One sender may hold at most {@code maxBytesPerSender} bytes of
 * incomplete transfers: a fragment opening a transfer beyond that is rejected, naming the limit, and counted
 * ({@link #limitRefusalCount()}), so one sender cannot take the whole budget. Duplicate fragments with the same
 * bytes are ignored; fragments that contradict the transfer (another count, other bytes at the same index, a wrong
 * chunk length) drop it. A fragment of a transfer completed less than one timeout ago is a late
 * duplicate: ignored and counted, never a second message. Never throws on any bytes.
 *
 * <p>Threading: not thread-safe; owned by one event thread.
 */
public final class Reassembler {

    /** Outcome of offering one fragment. */
    public sealed interface Result {
    }

    /**
     * The fragment completed a message.
     *
     * @param body       the message body
     * @param transferId the transfer it came in
     */
    // equals, hashCode and toString below are defined over the body's bytes
    @SuppressWarnings("ArrayRecordComponent")
    public record Complete(byte[] body, int transferId) implements Result {

        /** @return true for the same transfer and equal body bytes */
        @Override
        public boolean equals(Object o) {
            return o instanceof Complete c && transferId == c.transferId && Arrays.equals(body, c.body);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(body) + transferId;
        }

        @Override
        public String toString() {
            return "Complete[" + body.length + " bytes, transfer " + transferId + "]";
        }
    }

    /** The fragment was kept (or was a harmless duplicate); more are needed. */
    public record Pending() implements Result {
    }

    /**
     * The fragment is not valid.
     *
     * @param badVersion true when the fault is only the wire version (answer REFUSED_VERSION)
     * @param detail     a sentence saying what is wrong
     */
    public record Rejected(boolean badVersion, String detail) implements Result {
    }

    /** Default byte budget of one sender's incomplete transfers: four transfers of the largest size. */
    public static final int DEFAULT_MAX_BYTES_PER_SENDER = 4 * DispatchWire.MAX_BODY_BYTES;
    /** Default byte budget of all incomplete transfers together: 1 MiB. */
    public static final int DEFAULT_MAX_TOTAL_BYTES = 1 << 20;

    private static final Pending PENDING = new Pending();
    private static final int RECENT_MAX = 1024;

    private final long timeoutMs;
    private final int maxPartialTransfers;
    private final int maxBytesPerSender;
    private final int maxTotalBytes;
    private final java.util.HashMap<Integer, Integer> heldBySender = new java.util.HashMap<>();
    private int heldBytes;
    private long limitRefusals;
    private final LinkedHashMap<Long, Partial> partials = new LinkedHashMap<>();
    /** Transfers completed within the last timeout (key to completion time): late duplicates are ignored. */
    private final LinkedHashMap<Long, Long> recent = new LinkedHashMap<>();
    private long completed;
    private long timedOut;
    private long rejected;
    private long evicted;
    private long duplicates;

    private static final class Partial {
        final int sender;
        final int count;
        final byte[] data;
        final boolean[] have;
        int received;
        int lastLength = -1;
        final long firstMs;

        Partial(int sender, int count, long firstMs) {
            this.sender = sender;
            this.count = count;
            this.data = new byte[count * DispatchWire.CHUNK_MAX];
            this.have = new boolean[count];
            this.firstMs = firstMs;
        }
    }

    /**
     * Creates a reassembler.
     *
     * @param timeout             how long a transfer may take from its first fragment, 1 ms..1 min
     * @param maxPartialTransfers how many incomplete transfers are held at once, 1..4096
     * @throws IllegalArgumentException if a value is out of range
     */
    public Reassembler(Duration timeout, int maxPartialTransfers) {
        this(timeout, maxPartialTransfers, DEFAULT_MAX_BYTES_PER_SENDER, DEFAULT_MAX_TOTAL_BYTES);
    }

    /**
     * Creates a reassembler with explicit memory budgets.
     *
     * @param timeout             how long a transfer may take from its first fragment, 1 ms..1 min
     * @param maxPartialTransfers how many incomplete transfers are held at once, 1..4096
     * @param maxBytesPerSender   buffer bytes one sender's incomplete transfers may hold,
     *                            {@link DispatchWire#MAX_BODY_BYTES}..{@code maxTotalBytes}
     * @param maxTotalBytes       buffer bytes all incomplete transfers may hold,
     *                            {@link DispatchWire#MAX_BODY_BYTES}..64 MiB
     * @throws IllegalArgumentException if a value is out of range
     */
    public Reassembler(Duration timeout, int maxPartialTransfers, int maxBytesPerSender, int maxTotalBytes) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("reassembly timeout " + timeout + " is not in 1 ms..1 min");
        }
        if (maxPartialTransfers < 1 || maxPartialTransfers > 4096) {
            throw new IllegalArgumentException("maxPartialTransfers " + maxPartialTransfers + " is not in 1..4096");
        }
        if (maxTotalBytes < DispatchWire.MAX_BODY_BYTES || maxTotalBytes > 64 << 20) {
            throw new IllegalArgumentException("maxTotalBytes " + maxTotalBytes + " is not in "
                    + DispatchWire.MAX_BODY_BYTES + ".." + (64 << 20));
        }
        if (maxBytesPerSender < DispatchWire.MAX_BODY_BYTES || maxBytesPerSender > maxTotalBytes) {
            throw new IllegalArgumentException("maxBytesPerSender " + maxBytesPerSender + " is not in "
                    + DispatchWire.MAX_BODY_BYTES + ".." + maxTotalBytes + " (maxTotalBytes)");
        }
        this.timeoutMs = timeout.toMillis();
        this.maxPartialTransfers = maxPartialTransfers;
        this.maxBytesPerSender = maxBytesPerSender;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Offers one fragment.
     *
     * @param sender  who sent it (e.g. {@code sysId << 8 | compId}); transfers of different senders never mix
     * @param payload the TUNNEL payload array
     * @param length  TUNNEL payload_length (bytes used in {@code payload})
     * @param nowMs   monotonic time, milliseconds
     * @return complete, pending or rejected
     */
    public Result accept(int sender, byte[] payload, int length, long nowMs) {
        expire(nowMs);
        if (payload == null || length < DispatchWire.FRAGMENT_HEADER_LENGTH || length > payload.length
                || length > DispatchWire.TUNNEL_PAYLOAD_MAX) {
            return reject(false, "fragment length " + length + " is not in " + DispatchWire.FRAGMENT_HEADER_LENGTH
                    + ".." + DispatchWire.TUNNEL_PAYLOAD_MAX);
        }
        int version = payload[0] & 0xFF;
        if (version != DispatchWire.VERSION) {
            return reject(true, "wire version " + version + " is not " + DispatchWire.VERSION);
        }
        int transferId = (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8;
        int index = payload[3] & 0xFF;
        int count = payload[4] & 0xFF;
        int n = length - DispatchWire.FRAGMENT_HEADER_LENGTH;
        if (count < 1 || count > DispatchWire.MAX_FRAGMENTS || index >= count) {
            return reject(false, "fragment " + index + " of " + count + " is impossible (1.."
                    + DispatchWire.MAX_FRAGMENTS + " fragments)");
        }
        boolean last = index == count - 1;
        if (last ? n < 1 : n != DispatchWire.CHUNK_MAX) {
            return reject(false, "fragment " + index + " of " + count + " carries " + n + " bytes");
        }
        long key = (long) sender << 16 | transferId;
        if (recent.containsKey(key)) {
            duplicates++;
            return PENDING;
        }
        if (count == 1) {
            return complete(key, nowMs, Arrays.copyOfRange(payload, DispatchWire.FRAGMENT_HEADER_LENGTH, length),
                    transferId);
        }
        Partial p = partials.get(key);
        if (p != null && p.count != count) {
            drop(key);
            return reject(false, "transfer " + transferId + " announced " + p.count + " fragments, now " + count);
        }
        if (p == null) {
            int need = count * DispatchWire.CHUNK_MAX;
            int held = heldBySender.getOrDefault(sender, 0);
            if (held + need > maxBytesPerSender) {
                limitRefusals++;
                return reject(false, "transfer " + transferId + " of " + count + " fragments needs " + need
                        + " bytes; this sender already holds " + held + " bytes of incomplete transfers, and the limit"
                        + " per sender is " + maxBytesPerSender + " bytes");
            }
            while (!partials.isEmpty()
                    && (partials.size() >= maxPartialTransfers || heldBytes + need > maxTotalBytes)) {
                drop(partials.keySet().iterator().next());
                evicted++;
            }
            p = new Partial(sender, count, nowMs);
            partials.put(key, p);
            heldBySender.merge(sender, need, Integer::sum);
            heldBytes += need;
        }
        int off = index * DispatchWire.CHUNK_MAX;
        if (p.have[index]) {
            boolean same = Arrays.equals(p.data, off, off + n, payload, DispatchWire.FRAGMENT_HEADER_LENGTH, length)
                    && (!last || p.lastLength == n);
            if (same) {
                duplicates++;
                return PENDING;
            }
            drop(key);
            return reject(false, "fragment " + index + " of transfer " + transferId + " arrived twice, different");
        }
        System.arraycopy(payload, DispatchWire.FRAGMENT_HEADER_LENGTH, p.data, off, n);
        p.have[index] = true;
        p.received++;
        if (last) {
            p.lastLength = n;
        }
        if (p.received < count) {
            return PENDING;
        }
        drop(key);
        return complete(key, nowMs, Arrays.copyOf(p.data, (count - 1) * DispatchWire.CHUNK_MAX + p.lastLength),
                transferId);
    }

    /** Removes a partial transfer and gives its bytes back to its sender's and the total budget. */
    private void drop(long key) {
        Partial p = partials.remove(key);
        if (p != null) {
            release(p);
        }
    }

    private void release(Partial p) {
        int n = p.count * DispatchWire.CHUNK_MAX;
        heldBytes -= n;
        heldBySender.computeIfPresent(p.sender, (k, v) -> v - n > 0 ? v - n : null);
    }

    private Complete complete(long key, long nowMs, byte[] body, int transferId) {
        completed++;
        recent.put(key, nowMs);
        if (recent.size() > RECENT_MAX) {
            Iterator<Long> it = recent.keySet().iterator();
            it.next();
            it.remove();
        }
        return new Complete(body, transferId);
    }

    /**
     * Drops the transfers older than the timeout.
     *
     * @param nowMs monotonic time, milliseconds
     * @return how many were dropped now
     */
    public int expire(long nowMs) {
        int n = 0;
        for (Iterator<Partial> it = partials.values().iterator(); it.hasNext(); ) {
            Partial p = it.next();
            if (nowMs - p.firstMs >= timeoutMs) {
                it.remove();
                release(p);
                n++;
            }
        }
        timedOut += n;
        for (Iterator<Long> it = recent.values().iterator(); it.hasNext(); ) {
            if (nowMs - it.next() >= timeoutMs) {
                it.remove();
            } else {
                break;
            }
        }
        return n;
    }

    private Result reject(boolean badVersion, String detail) {
        rejected++;
        return new Rejected(badVersion, detail);
    }

    /** @return incomplete transfers held now */
    public int partialCount() {
        return partials.size();
    }

    /** @return buffer bytes held by incomplete transfers now */
    public int heldBytes() {
        return heldBytes;
    }

    /** @return fragments rejected because their sender's byte budget was spent (also in {@link #rejectedCount()}) */
    public long limitRefusalCount() {
        return limitRefusals;
    }

    /** @return messages completed so far */
    public long completedCount() {
        return completed;
    }

    /** @return transfers dropped because they did not complete in time */
    public long timedOutCount() {
        return timedOut;
    }

    /** @return fragments rejected as invalid */
    public long rejectedCount() {
        return rejected;
    }

    /** @return incomplete transfers dropped to make room for newer ones */
    public long evictedCount() {
        return evicted;
    }

    /** @return identical duplicate fragments ignored (including late duplicates of completed transfers) */
    public long duplicateCount() {
        return duplicates;
    }
}

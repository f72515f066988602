package org.vigie.link.signing;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay memory of incoming signed streams: for each stream (source system, source component, signing link id)
 * the last accepted signing timestamp, kept across restarts through a {@link StreamTimestampStore}.
 *
 * <p>Persistence rule (write-ahead reservation): each stream has a persisted bound, and no frame above it is
 * accepted before a new bound {@code timestamp + persistStep} is stored. So every timestamp ever accepted is at or
 * below the stored bound, and after a restart ({@link #open}) a frame of a known stream is accepted only above that
 * bound: a byte-exact replay of anything accepted before the restart is refused, whatever its message type. Cost: at
 * most one store write per {@code persistStep} of a stream's timestamps (all streams close to their bound are
 * reserved in the same write); after a restart quicker than {@code persistStep}, a peer's frames still below the
 * bound are refused until its clock passes it. A failed write is logged at ERROR and counted
 * ({@link #persistFailures()}); the frame is still accepted (refusing would cut the link on a disk fault) and the
 * write is retried with the next frame.
 *
 * <p>{@link #restartFloor()} is the highest bound loaded at open: "newer than anything seen before the restart".
 *
 * <p>Limits: at most {@value #MAX_STREAMS} streams; {@link #hasRoomFor(int)} says whether a new one fits.
 *
 * <p>Threading: not thread-safe; used by one {@link SignatureChecker} on the link's event thread. Store writes are
 * synchronous on that thread (a small file, at most once per {@code persistStep} per stream).
 */
public final class StreamTimestamps {

    /** Most streams remembered; a frame opening one more stream is refused. */
    public static final int MAX_STREAMS = 4096;
    /** Default reservation step: 5 s of a stream's timestamps per store write. */
    public static final Duration DEFAULT_PERSIST_STEP = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(StreamTimestamps.class);

    private final StreamTimestampStore store;
    private final boolean persistent;
    private final long stepTs;
    /**
     * Per stream: [0] last accepted timestamp (or the bound loaded at open), [1] the stored bound, [2] 1 while no
     * frame of the stream was accepted in this run (its bound is kept as loaded).
     */
    private final Map<Integer, long[]> streams = new HashMap<>();
    private final long restartFloor;
    private long saves;
    private long persistFailures;

    private StreamTimestamps(StreamTimestampStore store, boolean persistent, long stepTs, Map<Integer, Long> loaded) {
        this.store = store;
        this.persistent = persistent;
        this.stepTs = stepTs;
        long floor = -1;
        for (Map.Entry<Integer, Long> e : loaded.entrySet()) {
            long bound = e.getValue();
            streams.put(e.getKey(), new long[] {bound, bound, 1});
            floor = Math.max(floor, bound);
        }
        this.restartFloor = floor;
    }

    /**
     * Loads the stored memory, reserving {@link #DEFAULT_PERSIST_STEP} per write.
     *
     * @param store where the memory lives
     * @return the memory
     * @throws IOException if the store cannot be read or exceeds its limits
     */
    public static StreamTimestamps open(StreamTimestampStore store) throws IOException {
        return open(store, DEFAULT_PERSIST_STEP);
    }

    /**
     * Loads the stored memory.
     *
     * @param store       where the memory lives
     * @param persistStep how far above a stream's last timestamp each write reserves, 10 ms..60 s
     * @return the memory
     * @throws IOException if the store cannot be read or exceeds its limits
     * @throws IllegalArgumentException if the step is out of range
     */
    public static StreamTimestamps open(StreamTimestampStore store, Duration persistStep) throws IOException {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(persistStep, "persistStep");
        if (persistStep.toMillis() < 10 || persistStep.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("persistStep " + persistStep + " is not in 10 ms..60 s");
        }
        Map<Integer, Long> loaded = store.load();
        if (loaded.size() > MAX_STREAMS) {
            throw new IOException(store + " holds " + loaded.size() + " streams, more than the limit of "
                    + MAX_STREAMS);
        }
        return new StreamTimestamps(store, true, persistStep.toNanos() / 10_000, loaded);
    }

    /**
     * A memory that is never stored (the MAVLink specification's minimum: replays are refused only within one run).
     *
     * @return a new, empty memory
     */
    public static StreamTimestamps volatileMemory() {
        return new StreamTimestamps(StreamTimestampStore.inMemory(), false, 0, Map.of());
    }

    /**
     * The key of a stream.
     *
     * @param sysId  source system id (low 8 bits used)
     * @param compId source component id (low 8 bits used)
     * @param linkId signing link id (low 8 bits used)
     * @return {@code sysId << 16 | compId << 8 | linkId}
     */
    public static int streamKey(int sysId, int compId, int linkId) {
        return (sysId & 0xFF) << 16 | (compId & 0xFF) << 8 | (linkId & 0xFF);
    }

    /**
     * @param streamKey a {@link #streamKey} value
     * @return the last accepted timestamp of the stream (or the bound loaded at open), -1 if the stream is unknown
     */
    public long last(int streamKey) {
        long[] s = streams.get(streamKey);
        return s == null ? -1 : s[0];
    }

    /**
     * @param streamKey a {@link #streamKey} value
     * @return true if the stream is known or one more stream fits under {@link #MAX_STREAMS}
     */
    public boolean hasRoomFor(int streamKey) {
        return streams.size() < MAX_STREAMS || streams.containsKey(streamKey);
    }

    /**
     * Records an accepted frame (the caller has checked it is newer than {@link #last}); stores a new bound first
     * when the timestamp passes the stored one.
     *
     * @param streamKey a {@link #streamKey} value
     * @param timestamp the frame's signing timestamp
     */
    void accept(int streamKey, long timestamp) {
        long[] s = streams.get(streamKey);
        if (s == null) {
            s = new long[] {timestamp, -1, 0};
            streams.put(streamKey, s);
        } else {
            s[0] = timestamp;
            s[2] = 0;
        }
        if (persistent && timestamp > s[1]) {
            reserve();
        }
    }

    private void reserve() {
        Map<Integer, Long> bounds = new HashMap<>(streams.size() * 2);
        for (Map.Entry<Integer, long[]> e : streams.entrySet()) {
            bounds.put(e.getKey(), boundFor(e.getValue()));
        }
        try {
            store.save(bounds);
            saves++;
            for (long[] s : streams.values()) {
                s[1] = boundFor(s);
            }
        } catch (IOException | RuntimeException e) {
            persistFailures++;
            LOG.error("could not store the replay memory of incoming streams to {}: {}; a restart may accept "
                    + "replays of frames accepted since the last successful write", store, e.toString());
        }
    }

    private long boundFor(long[] s) {
        return s[2] == 0 && s[0] + stepTs / 2 > s[1] ? Math.min(Signing.MAX_TIMESTAMP, s[0] + stepTs) : s[1];
    }

    /** @return the highest bound loaded at open (frames at or below it are older than something seen before the
     *     restart), -1 if nothing was loaded */
    public long restartFloor() {
        return restartFloor;
    }

    /** @return streams remembered */
    public int size() {
        return streams.size();
    }

    /** @return successful store writes */
    public long saves() {
        return saves;
    }

    /** @return failed store writes */
    public long persistFailures() {
        return persistFailures;
    }

    /** @return whether the memory is stored (false for {@link #volatileMemory()}) */
    public boolean persistent() {
        return persistent;
    }

    @Override
    public String toString() {
        return "StreamTimestamps[" + streams.size() + " streams, store=" + store + ", floor=" + restartFloor + "]";
    }
}

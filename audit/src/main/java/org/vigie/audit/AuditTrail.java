package org.vigie.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, hash-chained, durable audit trail in one file ({@link AuditFormat}).
 *
 * <p><b>Durability point.</b> {@link #append} returns at once with a future; the trail's own writer thread takes every
 * record waiting, writes them in one positional write and calls {@link FileChannel#force(boolean) force(true)}
 * (fsync) once for all of them (group commit), and only then completes their futures with an {@link AuditReceipt}.
 * A completed future means the record survives a crash of the process or of the machine (as far as the disk honours
 * fsync). A record whose future has not completed may or may not be in the file after a crash.
 *
 * <p><b>Threading.</b> {@link #append}, {@link #flushed}, {@link #changeSigner} and {@link #stats} may be called from
 * any thread and never block: they encode the entry on the caller's thread (a few microseconds) and queue it. All file
 * I/O happens on the writer thread, except in {@link #open} (recovery) and {@link #close} (which waits for the
 * writer). Futures complete, and events are delivered, on the callback executor.
 *
 * <p><b>Recovery.</b> {@link #open} verifies the file; bytes after the last line end (a write cut short by a crash)
 * are cut off and a {@code trail.cut} record says so; a broken chain is a {@link BrokenTrailException} naming the
 * first bad record, and the file is left untouched. Each open appends a {@code trail.opened} record.
 *
 * <p><b>Failure.</b> If a write or force fails, the batch's futures fail with {@link AuditTrailException}, the failure
 * is counted ({@link AuditStats#failed}), logged at ERROR and reported as {@link AuditTrailEvent.WriteFailed}; the
 * file is cut back to its last durable length and later records are tried again. Nothing acknowledged is rewritten.
 *
 * <p><b>Memory</b> is bounded by {@link AuditTrailOptions#maxPendingBytes} (records waiting) and one batch (at most
 * 4 MiB; the batch buffer goes back to 64 KiB after a batch over 256 KiB). Nothing is kept once written.
 */
public final class AuditTrail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_BATCH_BYTES = 4 << 20;
    private static final long CLOSE_WAIT_MS = 30_000;

    private final Path file;
    private final AuditTrailOptions options;
    private final FileChannel channel;
    private final FileLock lock;
    private final java.util.concurrent.Executor callbacks;
    private final @Nullable ExecutorService ownCallbacks;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean writerDone;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong durable = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final Thread writer;

    // Confined to the writer thread (and to open() before the writer starts).
    private final MessageDigest sha = AuditFormat.sha256();
    private final GrowableBuffer buffer = new GrowableBuffer();
    private @Nullable CheckpointSigner signer;
    private long nextSeq;
    private byte[] prev;
    private long durableSize;
    private boolean dirtyTail;
    private long unattested;
    private long firstUnattestedNanos;

    private AuditTrail(Path file, AuditTrailOptions options, FileChannel channel, FileLock lock,
                       AuditVerification found) {
        this.file = file;
        this.options = options;
        this.channel = channel;
        this.lock = lock;
        this.signer = options.signer();
        this.nextSeq = found.lastSeq() + 1;
        this.prev = AuditFormat.unhex(found.headSha256());
        this.durableSize = found.validBytes();
        this.unattested = found.recordsAfterLastCheckpoint();
        this.firstUnattestedNanos = System.nanoTime();
        if (options.callbackExecutor() != null) {
            this.callbacks = options.callbackExecutor();
            this.ownCallbacks = null;
        } else {
            ExecutorService own = Executors.newSingleThreadExecutor(r -> daemon(r, "vigie-audit-callbacks"));
            this.callbacks = own;
            this.ownCallbacks = own;
        }
        this.writer = daemon(this::runWriter, "vigie-audit-writer");
    }

    /**
     * Opens a trail, creating it if needed: verifies it (streaming), cuts a torn last record and records the cut,
     * appends a {@code trail.opened} record, forces it, and starts the writer thread. Blocking: call it at start-up,
     * not on an event thread. The file is locked against a second writer (in this or another process).
     *
     * @param file    the trail file (parent directories are created)
     * @param options behaviour
     * @return the open trail
     * @throws BrokenTrailException if the chain is broken (naming the first bad record)
     * @throws IOException          if the file cannot be read, locked or written
     */
    public static AuditTrail open(Path file, AuditTrailOptions options) throws IOException {
        return open(file, options, p -> FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    /** Opens the channel; tests substitute one that fails. */
    interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    static AuditTrail open(Path file, AuditTrailOptions options, ChannelOpener opener) throws IOException {
        Objects.requireNonNull(options, "options");
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        boolean created = !Files.exists(abs);
        FileChannel ch = opener.open(abs);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("audit trail " + abs + " is already open for writing (by this or another process)");
        }
        try {
            AuditVerification found = AuditVerifier.verify(Files.newInputStream(abs), options.trustedKeys());
            if (found.state() == AuditVerification.State.BROKEN) {
                throw new BrokenTrailException(abs, found);
            }
            AuditTrail t = new AuditTrail(abs, options, ch, lock, found);
            t.recover(found, created, dir);
            t.writer.start();
            return t;
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    private void recover(AuditVerification found, boolean created, @Nullable Path dir) throws IOException {
        Instant now = options.clock().instant();
        List<AuditEntry> first = new ArrayList<>();
        if (found.records() == 0) {
            first.add(AuditEntry.of(now, "trail.created").with("format", AuditFormat.FORMAT));
        }
        if (found.tornTailBytes() > 0) {
            first.add(AuditEntry.of(now, "trail.cut").with("offset", found.validBytes())
                    .with("bytesCut", found.tornTailBytes())
                    .with("reason", "bytes after the last complete record (a write interrupted by a crash)"));
            channel.truncate(found.validBytes());
            channel.force(true);
            LOG.warn("audit trail {}: cut {} torn byte(s) at byte {}", file, found.tornTailBytes(), found.validBytes());
        }
        first.add(AuditEntry.of(now, "trail.opened").with("format", AuditFormat.FORMAT)
                .with("recordsFound", found.records()).with("checkpointsFound", found.checkpoints()));
        List<Pending> batch = new ArrayList<>();
        for (AuditEntry e : first) {
            batch.add(new Pending(e.type(), AuditFormat.body(e), new CompletableFuture<>()));
        }
        IOException failure = writeBatch(batch, false);
        if (failure != null) {
            throw failure;
        }
        durable.set(0);
        if (created && dir != null) {
            forceDirectory(dir);
        }
        if (found.tornTailBytes() > 0) {
            emit(new AuditTrailEvent.TailCut(now, found.validBytes(), found.tornTailBytes()));
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {} ({}); the file's own fsync stands", dir, e.toString());
        }
    }

    /**
     * Queues a record. Never blocks; the entry is encoded on the caller's thread.
     *
     * @param entry the fact
     * @return completes with the receipt once the record is on disk; fails with {@link AuditTrailException} if it
     *         was refused or could not be written
     * @throws IllegalArgumentException if the entry encodes to more than {@link AuditFormat#MAX_RECORD_BYTES}
     */
    public CompletableFuture<AuditReceipt> append(AuditEntry entry) {
        byte[] body = AuditFormat.body(entry);
        CompletableFuture<AuditReceipt> f = new CompletableFuture<>();
        String refusal = null;
        if (closing.get()) {
            refusal = "the audit trail is closed";
        } else if (pendingBytes.addAndGet(body.length) > options.maxPendingBytes()) {
            pendingBytes.addAndGet(-body.length);
            refusal = "the audit trail's backlog is over its limit of " + options.maxPendingBytes() + " bytes";
        }
        if (refusal != null) {
            refused.incrementAndGet();
            LOG.error("audit record '{}' refused: {}", entry.type(), refusal);
            emit(new AuditTrailEvent.AppendRefused(options.clock().instant(), entry.type(), refusal));
            String r = refusal;
            callbacks.execute(() -> f.completeExceptionally(new AuditTrailException(r, null)));
            return f;
        }
        appended.incrementAndGet();
        queue.add(new Pending(entry.type(), body, f));
        LockSupport.unpark(writer);
        failLeftovers();
        return f;
    }

    /**
     * @return completes once every record appended before this call is on disk (or has failed); never fails itself
     */
    public CompletableFuture<Void> flushed() {
        CompletableFuture<AuditReceipt> f = new CompletableFuture<>();
        if (closing.get()) {
            return CompletableFuture.completedFuture(null);
        }
        queue.add(new Pending("", null, f));
        LockSupport.unpark(writer);
        failLeftovers();
        return f.handle((r, e) -> null);
    }

    /**
     * Switches the checkpoint key (a key rotation): the writer signs a checkpoint with the old key (if any and if
     * records are unattested), records {@code trail.signer} naming the new key id and algorithm, and signs a checkpoint
     * with the new key right after it. Never blocks.
     *
     * @param next the new signer
     * @return completes once the new key's first checkpoint is on disk
     */
    public CompletableFuture<AuditReceipt> changeSigner(CheckpointSigner next) {
        Objects.requireNonNull(next, "next");
        CompletableFuture<AuditReceipt> f = new CompletableFuture<>();
        if (closing.get()) {
            callbacks.execute(() -> f.completeExceptionally(new AuditTrailException("the audit trail is closed",
                    null)));
            return f;
        }
        queue.add(new Pending(next, f));
        LockSupport.unpark(writer);
        failLeftovers();
        return f;
    }

    /** @return the trail's counters now */
    public AuditStats stats() {
        return new AuditStats(appended.get(), durable.get(), failed.get(), refused.get(), batches.get(),
                checkpoints.get(), bytesWritten.get(), pendingBytes.get());
    }

    /** @return the trail file */
    public Path file() {
        return file;
    }

    /**
     * Refuses further records, lets the writer make every queued record durable, writes a final checkpoint for any
     * unattested record, and closes the file. Blocks up to 30 s for the writer.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LockSupport.unpark(writer);
        try {
            writer.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.error("audit trail {}: the writer did not finish within {} ms", file, CLOSE_WAIT_MS);
        }
        if (ownCallbacks != null) {
            ownCallbacks.shutdown();
            try {
                ownCallbacks.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runWriter() {
        try {
            List<Pending> batch = new ArrayList<>();
            while (true) {
                Pending p = queue.poll();
                if (p == null) {
                    boolean closingNow = closing.get();
                    if (closingNow && (p = queue.poll()) == null) {
                        if (unattested > 0 && signer != null) {
                            writeBatch(List.of(), true);
                        }
                        break;
                    }
                    if (p == null) {
                        if (checkpointDue()) {
                            writeBatch(List.of(), true);
                            continue;
                        }
                        parkUntilWork();
                        continue;
                    }
                }
                batch.clear();
                long bytes = 0;
                while (p != null) {
                    batch.add(p);
                    bytes += p.size();
                    if (p.nextSigner != null || bytes >= MAX_BATCH_BYTES) {
                        break;
                    }
                    p = queue.poll();
                }
                writeBatch(batch, false);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("audit trail {}: the writer thread died: {}", file, e.toString(), e);
        } finally {
            writerDone = true;
            failLeftovers();
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing audit trail {}: {}", file, e.toString());
            }
        }
    }

    /** Fails what was queued after the writer stopped (a race with close), so no future is left pending. */
    private void failLeftovers() {
        if (writerDone) {
            for (Pending p; (p = queue.poll()) != null; ) {
                fail(p, new AuditTrailException("the audit trail is closed", null));
            }
        }
    }

    private boolean checkpointDue() {
        return signer != null && unattested > 0
                && System.nanoTime() - firstUnattestedNanos >= options.checkpointInterval().toNanos();
    }

    private void parkUntilWork() {
        if (signer != null && unattested > 0) {
            long wait = options.checkpointInterval().toNanos() - (System.nanoTime() - firstUnattestedNanos);
            LockSupport.parkNanos(this, Math.max(1, wait));
        } else {
            LockSupport.park(this);
        }
    }

    /** Writes, forces and acknowledges one batch; returns the I/O failure (already reported) or null. */
    private @Nullable IOException writeBatch(List<Pending> batch, boolean forceCheckpoint) {
        long seq = nextSeq;
        byte[] head = prev;
        long unatt = unattested;
        buffer.reset();
        List<AuditReceipt> receipts = new ArrayList<>(batch.size());
        List<String> checkpointKeys = new ArrayList<>(2);
        List<Long> checkpointSeqs = new ArrayList<>(2);
        CheckpointSigner sig = signer;
        for (Pending p : batch) {
            if (p.nextSigner != null) {
                if (sig != null && unatt > 0) {
                    head = line(Checkpoints.entry(options.clock().instant(), seq, head, sig), seq, head);
                    checkpointKeys.add(sig.keyId());
                    checkpointSeqs.add(seq);
                    seq++;
                }
                AuditEntry changed = AuditEntry.of(options.clock().instant(), "trail.signer")
                        .with("keyId", p.nextSigner.keyId()).with("alg", p.nextSigner.algorithm())
                        .with("previousKeyId", sig == null ? "" : sig.keyId());
                head = line(changed, seq, head);
                seq++;
                sig = p.nextSigner;
                unatt = 1;
                head = line(Checkpoints.entry(options.clock().instant(), seq, head, sig), seq, head);
                receipts.add(new AuditReceipt(seq, AuditFormat.hex(head)));
                checkpointKeys.add(sig.keyId());
                checkpointSeqs.add(seq);
                seq++;
                unatt = 0;
                continue;
            }
            if (p.body == null) {
                receipts.add(new AuditReceipt(seq - 1, AuditFormat.hex(head)));
                continue;
            }
            head = lineOf(p.body, seq, head);
            receipts.add(new AuditReceipt(seq, AuditFormat.hex(head)));
            seq++;
            unatt++;
        }
        if (unatt > 0 && unattested == 0) {
            firstUnattestedNanos = System.nanoTime();
        }
        if (sig != null && unatt > 0 && (forceCheckpoint || unatt >= options.checkpointEveryRecords()
                || System.nanoTime() - firstUnattestedNanos >= options.checkpointInterval().toNanos())) {
            head = line(Checkpoints.entry(options.clock().instant(), seq, head, sig), seq, head);
            checkpointKeys.add(sig.keyId());
            checkpointSeqs.add(seq);
            seq++;
            unatt = 0;
        }
        long pendingTotal = 0;
        for (Pending p : batch) {
            pendingTotal += p.body == null ? 0 : p.body.length;
        }
        pendingBytes.addAndGet(-pendingTotal);
        try {
            if (dirtyTail) {
                channel.truncate(durableSize);
                dirtyTail = false;
            }
            ByteBuffer bb = buffer.asByteBuffer();
            long pos = durableSize;
            while (bb.hasRemaining()) {
                pos += channel.write(bb, pos);
            }
            channel.force(true);
        } catch (IOException e) {
            dirtyTail = true;
            long n = batch.stream().filter(p -> p.body != null).count();
            failed.addAndGet(n);
            LOG.error("audit trail {}: {} record(s) could not be written or forced; records acknowledged before are "
                    + "intact: {}", file, n, e.toString());
            emit(new AuditTrailEvent.WriteFailed(options.clock().instant(), n, e.toString()));
            AuditTrailException failure = new AuditTrailException("audit record not durable: " + e, e);
            for (Pending p : batch) {
                fail(p, failure);
            }
            return e;
        }
        durableSize += buffer.size();
        bytesWritten.addAndGet(buffer.size());
        nextSeq = seq;
        prev = head;
        unattested = unatt;
        signer = sig;
        batches.incrementAndGet();
        checkpoints.addAndGet(checkpointKeys.size());
        long acknowledged = 0;
        for (Pending p : batch) {
            if (p.body != null) {
                acknowledged++;
            }
        }
        durable.addAndGet(acknowledged);
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<AuditReceipt> f = batch.get(i).future;
            AuditReceipt r = receipts.get(i);
            callbacks.execute(() -> f.complete(r));
        }
        Instant now = options.clock().instant();
        for (int i = 0; i < checkpointKeys.size(); i++) {
            emit(new AuditTrailEvent.CheckpointWritten(now, checkpointSeqs.get(i), checkpointKeys.get(i)));
        }
        return null;
    }

    private byte[] line(AuditEntry e, long seq, byte[] head) {
        return lineOf(AuditFormat.body(e), seq, head);
    }

    private byte[] lineOf(byte[] body, long seq, byte[] head) {
        byte[] header = AuditFormat.header(seq, head);
        buffer.write(header);
        buffer.write(body);
        sha.update(header);
        sha.update(body);
        return sha.digest();
    }

    private void fail(Pending p, AuditTrailException e) {
        callbacks.execute(() -> p.future.completeExceptionally(e));
    }

    private void emit(AuditTrailEvent e) {
        callbacks.execute(() -> {
            try {
                options.listener().accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("audit trail listener threw: {}", ex.toString());
            }
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A queued record, flush barrier (no body) or signer change. */
    private static final class Pending {
        final String type;
        final byte @Nullable [] body;
        final @Nullable CheckpointSigner nextSigner;
        final CompletableFuture<AuditReceipt> future;

        Pending(String type, byte @Nullable [] body, CompletableFuture<AuditReceipt> future) {
            this.type = type;
            this.body = body;
            this.nextSigner = null;
            this.future = future;
        }

        Pending(CheckpointSigner nextSigner, CompletableFuture<AuditReceipt> future) {
            this.type = "trail.signer";
            this.body = null;
            this.nextSigner = nextSigner;
            this.future = future;
        }

        int size() {
            return body == null ? 0 : body.length;
        }

        @Override
        public String toString() {
            return "Pending[" + type + "]";
        }
    }

    /** A reusable byte buffer for one batch. */
    private static final class GrowableBuffer {
        private byte[] bytes = new byte[64 * 1024];
        private int size;

        void reset() {
            size = 0;
            if (bytes.length > 256 * 1024) {
                bytes = new byte[64 * 1024];
            }
        }

        void write(byte[] b) {
            if (size + b.length > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        int size() {
            return size;
        }

        ByteBuffer asByteBuffer() {
            return ByteBuffer.wrap(bytes, 0, size);
        }
    }
}

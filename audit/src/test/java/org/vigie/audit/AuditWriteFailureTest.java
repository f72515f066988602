package org.vigie.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fails: the failure is visible, later records go on, nothing acknowledged is lost. */
class AuditWriteFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFailedForceFailsThatRecordOnlyAndTheTrailGoesOn() throws Exception {
        Path f = dir.resolve("t.jsonl");
        FailingChannel[] ch = new FailingChannel[1];
        List<AuditTrailEvent> events = new CopyOnWriteArrayList<>();
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults().withListener(events::add), p -> {
            ch[0] = new FailingChannel(FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            return ch[0];
        })) {
            AuditReceipt a = t.append(AuditEntry.of(AuditTrailTest.T0, "a")).get(10, TimeUnit.SECONDS);
            ch[0].failForce = true;
            CompletableFuture<AuditReceipt> b = t.append(AuditEntry.of(AuditTrailTest.T0, "b"));
            assertThat(b).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(AuditTrailException.class).withMessageContaining("not durable");
            ch[0].failForce = false;
            AuditReceipt c = t.append(AuditEntry.of(AuditTrailTest.T0, "c")).get(10, TimeUnit.SECONDS);
            assertThat(c.seq()).isEqualTo(a.seq() + 1);
            assertThat(t.stats().failed()).isEqualTo(1);
            assertThat(t.stats().durable()).isEqualTo(2);
            t.flushed().get(10, TimeUnit.SECONDS);
        }
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(AuditTrailEvent.WriteFailed.class));
        assertThat(AuditTrailTest.readAll(f)).extracting(AuditRecord::type)
                .containsExactly("trail.created", "trail.opened", "a", "c");
        assertThat(AuditVerifier.verify(f, CheckpointKeys.none()).state()).isEqualTo(AuditVerification.State.INTACT);
    }

    @Test
    void aBacklogOverItsLimitIsRefusedAtOnce() throws Exception {
        Path f = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults().withMaxPendingBytes(1 << 20))) {
            AuditEntry big = AuditEntry.of(AuditTrailTest.T0, "big").with("pad", "x".repeat(600_000));
            List<CompletableFuture<AuditReceipt>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                fs.add(t.append(big));
            }
            CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).handle((r, e) -> null).get(30,
                    TimeUnit.SECONDS);
            long refused = fs.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            assertThat(refused).isPositive().isEqualTo(t.stats().refused());
            assertThat(t.stats().durable()).isEqualTo(20 - refused);
        }
    }

    /** Delegates to a real channel; fails {@code force} on demand. */
    static final class FailingChannel extends FileChannel {
        final FileChannel d;
        volatile boolean failForce;

        FailingChannel(FileChannel d) {
            this.d = d;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failForce) {
                throw new IOException("injected: no space left on device");
            }
            d.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return d.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return d.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return d.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return d.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return d.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            d.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return d.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            d.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return d.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return d.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return d.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return d.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return d.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return d.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return d.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            d.close();
        }
    }
}

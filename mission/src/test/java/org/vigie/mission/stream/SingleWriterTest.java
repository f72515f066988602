package org.vigie.mission.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SingleWriterTest {

    private final SingleWriter writer = new SingleWriter("test");
    private final List<String> done = new CopyOnWriteArrayList<>();

    @Test
    void anUncontendedActionRunsOnTheCallersThreadBeforePostReturns() {
        Thread caller = Thread.currentThread();
        writer.post(() -> done.add(Thread.currentThread() == caller ? "here" : "elsewhere"));
        assertThat(done).containsExactly("here");
        writer.post(() -> {
            throw new IllegalStateException("a failing action is logged");
        });
        writer.post(() -> done.add("after a failure"));
        assertThat(done).containsExactly("here", "after a failure");
    }

    @Test
    void anActionPostedWhileAnotherThreadWritesRunsThereRightAfterInOrder() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> writer.post(() -> {
            writing.countDown();
            await(release);
            done.add("first on " + Thread.currentThread().getName());
        }));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        writer.post(() -> done.add("second on " + Thread.currentThread().getName()));
        writer.post(() -> done.add("third"));
        assertThat(done).isEmpty();                 // posted, not run: the other thread is writing
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> writer.postAndWait(() -> done.add("close")));
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        closing.get(10, TimeUnit.SECONDS);
        assertThat(done).hasSize(4);
        String writerThread = done.get(0).substring("first on ".length());
        assertThat(done).containsExactly("first on " + writerThread, "second on " + writerThread, "third", "close");
    }

    @Test
    void waitingFromInsideAnActionDoesNotDeadlock() {
        writer.post(() -> {
            writer.postAndWait(() -> done.add("inner"));
            done.add("outer");
        });
        assertThat(done).containsExactly("outer", "inner");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

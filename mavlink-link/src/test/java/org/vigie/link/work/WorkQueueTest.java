package org.vigie.link.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

class WorkQueueTest {

    private static final class Item extends WorkItem {
        final String name;

        Item(String name) {
            this.name = name;
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> started = new ArrayList<>();

    @Test
    void itemsStartOneAtATimeInOrderAndEachOnce() {
        WorkQueue<Item> q = new WorkQueue<>(i -> started.add(i.name), Runnable::run);
        Item a = new Item("a");
        Item b = new Item("b");
        Item c = new Item("c");
        q.submit(a);
        q.submit(b);
        q.submit(c);
        assertThat(started).containsExactly("a");
        assertThat(q.active()).isSameAs(a);
        assertThat(q.items()).containsExactly(a, b, c);
        assertThat(a.finishOnce()).isTrue();
        assertThat(a.finishOnce()).isFalse();
        q.finished(a);
        q.finished(a);
        assertThat(started).containsExactly("a", "b");
        assertThat(b.started()).isTrue();
        assertThat(c.started()).isFalse();
    }

    @Test
    void aDeferredQueueStartsTheNextAfterTheTasksAlreadyQueued() {
        WorkQueue<Item> q = new WorkQueue<>(i -> started.add(i.name), scheduler::execute);
        Item a = new Item("a");
        q.submit(a);
        q.submit(new Item("b"));
        scheduler.execute(() -> started.add("event before"));
        q.finished(a);
        assertThat(started).containsExactly("a");
        scheduler.runPending();
        assertThat(started).containsExactly("a", "event before", "b");
    }

    @Test
    void endAllEndsQueuedThenActiveAndAClosedQueueStartsNothing() {
        WorkQueue<Item> q = new WorkQueue<>(i -> started.add(i.name), Runnable::run);
        Item a = new Item("a");
        Item b = new Item("b");
        Item c = new Item("c");
        q.submit(a);
        q.submit(b);
        q.submit(c);
        q.close();
        List<String> ended = new ArrayList<>();
        q.endAll(i -> {
            ended.add(i.name);
            i.finishOnce();
            q.finished(i);
        });
        assertThat(ended).containsExactly("b", "c", "a");
        assertThat(q.isEmpty()).isTrue();
        assertThat(started).containsExactly("a");
    }

    @Test
    void theDeadlineFiresOnceAndIsReplacedByRearming() {
        Item a = new Item("a");
        List<String> fired = new ArrayList<>();
        a.arm(scheduler, 100, () -> fired.add("first"));
        a.arm(scheduler, 300, () -> fired.add("second"));
        scheduler.advance(Duration.ofMillis(200));
        assertThat(fired).isEmpty();
        scheduler.advance(Duration.ofMillis(200));
        assertThat(fired).containsExactly("second");
        a.arm(scheduler, 100, () -> fired.add("third"));
        a.finishOnce();
        scheduler.advance(Duration.ofMillis(500));
        assertThat(fired).containsExactly("second");
        a.countRetry();
        a.countRetry();
        assertThat(a.retries()).isEqualTo(2);
        a.resetRetries();
        assertThat(a.retries()).isZero();
    }
}

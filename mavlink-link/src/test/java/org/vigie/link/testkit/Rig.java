package org.vigie.link.testkit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.vigie.link.command.Target;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * A ground side (system 255, component 190, like the captures' ground station) and a {@link FakeAutopilot} (1/1) on
 * one manual scheduler, joined directly (5 ms latency) or through a {@link LossyLink}.
 */
public final class Rig {

    /** The shared clock. */
    public final ManualScheduler scheduler = new ManualScheduler();
    /** Our side. */
    public final TestPort gcs = new TestPort(scheduler, 255, 190);
    /** The autopilot side. */
    public final TestPort ap = new TestPort(scheduler, 1, 1);
    /** The scripted autopilot. */
    public final FakeAutopilot autopilot = new FakeAutopilot(ap);
    /** The lossy link, if any. */
    public final LossyLink link;

    /** A rig with a perfect 5 ms link. */
    public Rig() {
        TestPort.connect(gcs, ap, 5);
        link = null;
    }

    /**
     * A rig over a lossy link.
     *
     * @param config faults
     * @param seed seed
     */
    public Rig(LossyLink.Config config, long seed) {
        link = LossyLink.connect(gcs, ap, config, seed);
    }

    /**
     * The target to give services.
     *
     * @param flavour flavour
     * @return system 1 component 1
     */
    public static Target target(AutopilotFlavour flavour) {
        return Target.autopilot(flavour);
    }

    /**
     * Advances virtual time in 1 ms steps until the future is done, at most {@code limit}.
     *
     * @param f the future
     * @param limit bound
     * @param <T> type
     * @return the value
     * @throws AssertionError if not done within the limit
     */
    public <T> T await(CompletableFuture<T> f, Duration limit) {
        if (!scheduler.advanceUntil(f::isDone, Duration.ofMillis(1), limit)) {
            throw new AssertionError("not done after " + limit + " of virtual time");
        }
        return f.join();
    }

    /**
     * Advances virtual time.
     *
     * @param ms milliseconds
     */
    public void advanceMs(long ms) {
        scheduler.advance(Duration.ofMillis(ms));
    }
}

package org.vigie.link.testkit;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Connects two {@link TestPort}s through a seeded, lossy, in-memory channel. Each frame, independently in each
 * direction, may be dropped, corrupted (one byte flipped: the receiver's parser rejects it by CRC), duplicated, or
 * delayed enough to be reordered behind later frames. Fully deterministic for a seed and a scheduler.
 */
public final class LossyLink {

    /**
     * Channel behaviour, probabilities in 0..1 per frame and direction.
     *
     * @param drop probability a frame is lost
     * @param corrupt probability a frame arrives with one byte flipped
     * @param duplicate probability a frame arrives twice
     * @param reorder probability a frame is held back by {@code reorderDelayMs}
     * @param latencyMs one-way delay
     * @param reorderDelayMs extra delay of a reordered frame
     */
    public record Config(double drop, double corrupt, double duplicate, double reorder, long latencyMs,
                         long reorderDelayMs) {
        /**
         * Loss only.
         *
         * @param loss drop probability
         * @return the config (5 ms latency)
         */
        public static Config loss(double loss) {
            return new Config(loss, 0, 0, 0, 5, 0);
        }

        /**
         * A mix: the given total fault rate split into drop 70%, corrupt 10%, duplicate 10%, reorder 10%.
         *
         * @param rate total rate
         * @return the config (5 ms latency, 20 ms reorder delay)
         */
        public static Config mixed(double rate) {
            return new Config(rate * 0.7, rate * 0.1, rate * 0.1, rate * 0.1, 5, 20);
        }
    }

    private final SplittableRandom random; // well mixed: java.util.Random gives near-equal first draws for consecutive seeds
    private final Config config;
    private long framesIn;
    private long framesDelivered;

    private LossyLink(long seed, Config config) {
        this.random = new SplittableRandom(seed);
        this.config = config;
    }

    /**
     * Wires {@code a} and {@code b} together through a lossy channel.
     *
     * @param a one side
     * @param b the other side
     * @param config faults
     * @param seed random seed
     * @return the link (for statistics)
     */
    public static LossyLink connect(TestPort a, TestPort b, Config config, long seed) {
        LossyLink l = new LossyLink(seed, config);
        a.wire(bytes -> l.carry(a, bytes, b));
        b.wire(bytes -> l.carry(b, bytes, a));
        return l;
    }

    private void carry(TestPort from, byte[] bytes, TestPort to) {
        framesIn++;
        if (random.nextDouble() < config.drop()) {
            return;
        }
        byte[] b = bytes.clone();
        if (random.nextDouble() < config.corrupt()) {
            int i = 1 + random.nextInt(b.length - 1);
            b[i] ^= (byte) (1 + random.nextInt(255));
        }
        long delay = config.latencyMs();
        if (random.nextDouble() < config.reorder()) {
            delay += config.reorderDelayMs();
        }
        deliver(from, to, b, delay);
        if (random.nextDouble() < config.duplicate()) {
            deliver(from, to, b, delay + 1);
        }
    }

    private void deliver(TestPort from, TestPort to, byte[] b, long delayMs) {
        framesDelivered++;
        from.scheduler().schedule(Duration.ofMillis(delayMs), () -> to.receiveBytes(b));
    }

    /** @return frames handed to the link */
    public long framesIn() {
        return framesIn;
    }

    /** @return frames delivered (duplicates counted) */
    public long framesDelivered() {
        return framesDelivered;
    }
}

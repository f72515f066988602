package org.vigie.sim.link;

import java.util.Random;

/**
 * Seeded fault injection on one simulator link, applied frame by frame in both directions. Probabilities are in
 * [0, 1]; all zero (the default) means a perfect link. {@link #setDown(boolean)} cuts the link completely (nothing
 * in, nothing out) until restored.
 *
 * <p>Threading: setters may be called from any thread (fields are volatile). The random draws of each direction
 * use their own seeded generator, so a given seed and traffic sequence always give the same faults.
 */
public final class LinkFaults {

    private volatile boolean down;
    private volatile double dropProbability;
    private volatile double duplicateProbability;
    private volatile double reorderProbability;
    private volatile double corruptProbability;
    private final Random outRandom;
    private final Random inRandom;

    /**
     * Creates a perfect link.
     *
     * @param seed seed of the fault draws
     */
    public LinkFaults(long seed) {
        outRandom = new Random(seed);
        inRandom = new Random(seed * 31 + 7);
    }

    /**
     * Cuts or restores the link.
     *
     * @param isDown true to drop everything in both directions
     */
    public void setDown(boolean isDown) {
        down = isDown;
    }

    /** @return whether the link is cut */
    public boolean isDown() {
        return down;
    }

    /**
     * Sets the per-frame fault probabilities.
     *
     * @param drop probability that a frame is lost
     * @param duplicate probability that a frame is delivered twice
     * @param reorder probability that a frame is held back and delivered after the next one
     * @param corrupt probability that one byte of a frame is flipped (the receiver's CRC check discards it)
     * @throws IllegalArgumentException if a probability is outside [0, 1]
     */
    public void setProbabilities(double drop, double duplicate, double reorder, double corrupt) {
        check("drop", drop);
        check("duplicate", duplicate);
        check("reorder", reorder);
        check("corrupt", corrupt);
        dropProbability = drop;
        duplicateProbability = duplicate;
        reorderProbability = reorder;
        corruptProbability = corrupt;
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " probability must be in [0, 1], was " + p);
        }
    }

    /** The fate of one frame. */
    enum Fate { DELIVER, DROP, DUPLICATE, REORDER, CORRUPT }

    boolean perfect() {
        return !down && dropProbability == 0 && duplicateProbability == 0 && reorderProbability == 0
                && corruptProbability == 0;
    }

    Fate drawOutgoing() {
        return draw(outRandom);
    }

    Fate drawIncoming() {
        synchronized (inRandom) {
            return draw(inRandom);
        }
    }

    int corruptIndex(int length) {
        return 1 + outRandom.nextInt(Math.max(1, length - 1));
    }

    private Fate draw(Random r) {
        if (down) {
            return Fate.DROP;
        }
        if (perfect()) {
            return Fate.DELIVER;
        }
        double x = r.nextDouble();
        double p = dropProbability;
        if (x < p) {
            return Fate.DROP;
        }
        p += corruptProbability;
        if (x < p) {
            return Fate.CORRUPT;
        }
        p += duplicateProbability;
        if (x < p) {
            return Fate.DUPLICATE;
        }
        p += reorderProbability;
        if (x < p) {
            return Fate.REORDER;
        }
        return Fate.DELIVER;
    }
}

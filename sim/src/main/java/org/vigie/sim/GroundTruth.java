package org.vigie.sim;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records the true state of the vehicle at every physics step, in a bounded ring of primitive arrays (grown on
 * demand up to {@link SimConfig#groundTruthCapacity()}, then the oldest samples are overwritten). Tests read it to
 * prove where the drone really went, independently of what the library believes.
 *
 * <p>Threading: written on the simulator's event thread; all public methods are synchronized, so a test thread may
 * read while a realtime simulator runs.
 */
public final class GroundTruth {

    private static final int FIELDS = 12;
    private final int capacity;
    private double[] data;
    private int start;
    private int size;
    private double maxAltRelM;
    private double maxDistanceFromHomeM;

    /**
     * Creates a recorder.
     *
     * @param capacity samples kept, at least 16
     */
    public GroundTruth(int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("capacity must be >= 16, was " + capacity);
        }
        this.capacity = capacity;
        this.data = new double[Math.min(capacity, 256) * FIELDS];
    }

    synchronized void record(double timeS, double latDeg, double lonDeg, double altRelM, double northM, double eastM,
                             double groundSpeedMps, double climbMps, double headingDeg, boolean armed, int mode,
                             double consumedMah) {
        int slots = data.length / FIELDS;
        if (size == slots && slots < capacity) {
            double[] bigger = new double[Math.min(capacity, slots * 2) * FIELDS];
            for (int i = 0; i < size; i++) {
                System.arraycopy(data, ((start + i) % slots) * FIELDS, bigger, i * FIELDS, FIELDS);
            }
            data = bigger;
            start = 0;
            slots = data.length / FIELDS;
        }
        int slot;
        if (size < slots) {
            slot = (start + size) % slots;
            size++;
        } else {
            slot = start;
            start = (start + 1) % slots;
        }
        int o = slot * FIELDS;
        data[o] = timeS;
        data[o + 1] = latDeg;
        data[o + 2] = lonDeg;
        data[o + 3] = altRelM;
        data[o + 4] = northM;
        data[o + 5] = eastM;
        data[o + 6] = groundSpeedMps;
        data[o + 7] = climbMps;
        data[o + 8] = headingDeg;
        data[o + 9] = consumedMah;
        data[o + 10] = armed ? 1 : 0;
        data[o + 11] = mode;
        maxAltRelM = Math.max(maxAltRelM, altRelM);
        maxDistanceFromHomeM = Math.max(maxDistanceFromHomeM, GeoNe.hypot(northM, eastM));
    }

    private TruthSample at(int i) {
        int slots = data.length / FIELDS;
        int o = ((start + i) % slots) * FIELDS;
        return new TruthSample(data[o], data[o + 1], data[o + 2], data[o + 3], data[o + 4], data[o + 5],
                data[o + 6], data[o + 7], data[o + 8], data[o + 10] != 0, (int) data[o + 11], data[o + 9]);
    }

    /** @return number of samples held */
    public synchronized int size() {
        return size;
    }

    /** @return the newest sample, or null before the first physics step */
    public synchronized @Nullable TruthSample latest() {
        return size == 0 ? null : at(size - 1);
    }

    /** @return a copy of every held sample, oldest first */
    public synchronized List<TruthSample> samples() {
        List<TruthSample> l = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            l.add(at(i));
        }
        return l;
    }

    /** @return the highest true altitude above home since start (including overwritten samples), metres */
    public synchronized double maxAltitudeRelM() {
        return maxAltRelM;
    }

    /** @return the farthest true horizontal distance from home since start, metres */
    public synchronized double maxDistanceFromHomeM() {
        return maxDistanceFromHomeM;
    }
}

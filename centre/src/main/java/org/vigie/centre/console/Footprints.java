package org.vigie.centre.console;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest camera footprint of each drone, for the console. The seam through which the footprints reach it: the
 * drone link (a KLV or CAMERA_FOV_STATUS reader) calls {@link #accept}; the console reads. Thread-safe.
 */
public final class Footprints {

    private final Map<Integer, CameraFootprint> latest = new ConcurrentHashMap<>();

    /** @param f a drone's newest footprint (any thread) */
    public void accept(CameraFootprint f) {
        latest.put(f.droneSystemId(), f);
    }

    /** @param droneSystemId a drone @return its latest footprint, or empty */
    public Optional<CameraFootprint> latest(int droneSystemId) {
        return Optional.ofNullable(latest.get(droneSystemId));
    }
}

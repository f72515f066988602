package org.vigie.mission.output;

import java.util.List;
import java.util.Objects;
import org.vigie.mission.TrackPoint;

/**
 * Everything drawn on a flight map. Immutable; lists are copied.
 *
 * @param districtName the district's name
 * @param inclusion    the district boundary ring (first point need not repeat at the end)
 * @param exclusions   no-fly zones, each a ring
 * @param privacy      privacy zones (may be flown over, must not be filmed), each a ring
 * @param home         take-off and landing point
 * @param targets      dispatch targets, in order (the last one is the final target)
 * @param planned      planned routes, each drawn as its own line
 * @param flown        flown track from telemetry
 */
public record MapScene(String districtName, List<LatLon> inclusion, List<List<LatLon>> exclusions,
                       List<List<LatLon>> privacy, LatLon home, List<LatLon> targets, List<List<TrackPoint>> planned,
                       List<TrackPoint> flown) {

    /** Copies the lists and rejects nulls. */
    public MapScene {
        Objects.requireNonNull(districtName, "districtName");
        Objects.requireNonNull(home, "home");
        inclusion = List.copyOf(inclusion);
        exclusions = exclusions.stream().map(List::copyOf).toList();
        privacy = privacy.stream().map(List::copyOf).toList();
        targets = List.copyOf(targets);
        planned = planned.stream().map(List::copyOf).toList();
        flown = List.copyOf(flown);
    }
}

package org.vigie.mission.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.zone.District;
import org.vigie.mission.TrackPoint;

/**
 * Everything drawn on a flight map. Immutable; lists are copied.
 *
 * @param districtName   the district's name
 * @param inclusion      the district boundary ring (first point need not repeat at the end)
 * @param exclusions     no-fly zones, each a ring
 * @param privacy        privacy zones (may be flown over, must not be filmed), each a ring
 * @param home           take-off and landing point
 * @param targets        dispatch targets, in order (the last one is the final target)
 * @param planned        planned routes, each drawn as its own line
 * @param flown          flown track from telemetry
 * @param exclusionNames the name of each no-fly zone, in the order of {@code exclusions} ("police cordon")
 * @param privacyNames   the name of each privacy zone, in the order of {@code privacy}
 * @param district       the district itself when known, so that the GeoJSON carries it exactly (circles, reasons,
 *                       altitudes and margins) and reads back as a district; null for a scene drawn from rings alone
 */
public record MapScene(String districtName, List<LatLon> inclusion, List<List<LatLon>> exclusions,
                       List<List<LatLon>> privacy, LatLon home, List<LatLon> targets, List<List<TrackPoint>> planned,
                       List<TrackPoint> flown, List<String> exclusionNames, List<String> privacyNames,
                       @Nullable District district) {

    /** Copies the lists and rejects nulls; a zone needs one name each. */
    public MapScene {
        Objects.requireNonNull(districtName, "districtName");
        Objects.requireNonNull(home, "home");
        inclusion = List.copyOf(inclusion);
        exclusions = exclusions.stream().map(List::copyOf).toList();
        privacy = privacy.stream().map(List::copyOf).toList();
        targets = List.copyOf(targets);
        planned = planned.stream().map(List::copyOf).toList();
        flown = List.copyOf(flown);
        exclusionNames = List.copyOf(exclusionNames);
        privacyNames = List.copyOf(privacyNames);
        if (exclusionNames.size() != exclusions.size() || privacyNames.size() != privacy.size()) {
            throw new IllegalArgumentException("one name per zone: " + exclusions.size() + " exclusions and "
                    + exclusionNames.size() + " names, " + privacy.size() + " privacy zones and "
                    + privacyNames.size() + " names");
        }
    }

    /**
     * A scene drawn from rings alone: zones named "exclusion 1", "privacy 1", ..., no district attached.
     *
     * @param districtName the district's name
     * @param inclusion    the district boundary ring
     * @param exclusions   no-fly zones, each a ring
     * @param privacy      privacy zones, each a ring
     * @param home         take-off and landing point
     * @param targets      dispatch targets, in order
     * @param planned      planned routes
     * @param flown        flown track
     */
    public MapScene(String districtName, List<LatLon> inclusion, List<List<LatLon>> exclusions,
                    List<List<LatLon>> privacy, LatLon home, List<LatLon> targets, List<List<TrackPoint>> planned,
                    List<TrackPoint> flown) {
        this(districtName, inclusion, exclusions, privacy, home, targets, planned, flown,
                numbered("exclusion", exclusions.size()), numbered("privacy", privacy.size()), null);
    }

    private static List<String> numbered(String what, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(what + " " + i);
        }
        return names;
    }
}

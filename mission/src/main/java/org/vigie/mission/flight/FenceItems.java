package org.vigie.mission.flight;

import java.util.List;
import org.vigie.geofence.zone.District;
import org.vigie.link.mission.MissionItem;

/** Turns a district into the autopilot's fence list (mission type FENCE). Stateless implementations. */
@FunctionalInterface
public interface FenceItems {

    /**
     * @param district the district
     * @return fence items in upload order (inclusion polygon vertices, exclusion polygons, exclusion circles)
     * @throws IllegalArgumentException if the district cannot be expressed within the autopilot's limits
     */
    List<MissionItem> of(District district);
}

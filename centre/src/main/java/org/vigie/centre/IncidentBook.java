package org.vigie.centre;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;

/**
 * Every incident, oldest first, with the merge look-up: the nearest open incident of a district within
 * {@link CentreOptions#mergeRadiusM()} opened within {@link CentreOptions#mergeWindow()}. Event thread only.
 */
final class IncidentBook {

    private final CentreOptions options;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, List<Incident>> recentByDistrict = new HashMap<>();
    private long nextSeq;

    IncidentBook(CentreOptions options) {
        this.options = options;
    }

    /** Opens an incident (id {@code I000001}, …) and remembers it for merging. */
    Incident open(IncidentKind kind, String district, GeoPoint where, Instant now, DispatchPriority priority,
                  String description) {
        long seq = ++nextSeq;
        Incident inc = new Incident(seq, String.format("I%06d", seq), kind, district, where, now, priority,
                description);
        incidents.put(inc.id, inc);
        recentByDistrict.computeIfAbsent(district, k -> new ArrayList<>()).add(inc);
        return inc;
    }

    @Nullable Incident get(String id) {
        return incidents.get(id);
    }

    Collection<Incident> all() {
        return incidents.values();
    }

    /** @return the nearest incident of the district that a new alert at {@code where} joins, or null */
    @Nullable Incident mergeTarget(String district, GeoPoint where, Instant now) {
        List<Incident> recent = recentByDistrict.get(district);
        if (recent == null) {
            return null;
        }
        Instant oldest = now.minus(options.mergeWindow());
        recent.removeIf(i -> i.openedAt.isBefore(oldest));
        Incident best = null;
        double bestM = Double.MAX_VALUE;
        for (Incident i : recent) {
            if (i.state == IncidentState.REFUSED || i.state == IncidentState.CANCELLED) {
                continue;
            }
            double m = Geodesy.distanceM(where, i.position);
            if (m <= options.mergeRadiusM() && m < bestM) {
                best = i;
                bestM = m;
            }
        }
        return best;
    }
}

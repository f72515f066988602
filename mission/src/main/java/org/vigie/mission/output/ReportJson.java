package org.vigie.mission.output;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.vigie.mission.FailsafeKind;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.TrackPoint;

/** Writes a {@link FlightReport} as one JSON object. Stateless, thread-safe. */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * @param r the report
     * @return the JSON text (UTF-8 when written), keys in a fixed order, times ISO-8601, durations in seconds
     */
    public static String write(FlightReport r) {
        Json j = new Json().beginObject();
        j.key("alertId").value(r.alertId());
        j.key("requesterId").value(r.requesterId());
        j.key("requesterOrigin").value(r.requesterOrigin());
        j.key("reason").value(r.reason());
        j.key("target").beginObject().key("latDeg").value(r.targetLatDeg(), 7).key("lonDeg")
                .value(r.targetLonDeg(), 7).endObject();
        j.key("outcome").value(r.outcome().name());
        j.key("finalPhase").value(r.finalPhase().name());
        j.key("outcomeReason").value(r.outcomeReason());
        j.key("startedAt").value(String.valueOf(r.startedAt()));
        j.key("endedAt").value(String.valueOf(r.endedAt()));
        j.key("totalTimeS").value(seconds(r.totalTime()), 1);
        j.key("phaseTimesS").beginObject();
        for (Map.Entry<FlightPhase, Duration> e : r.phaseTimes().entrySet()) {
            j.key(e.getKey().name()).value(seconds(e.getValue()), 1);
        }
        j.endObject();
        j.key("plannedDistanceM").value(r.plannedDistanceM(), 1);
        j.key("flownDistanceM").value(r.flownDistanceM(), 1);
        j.key("plannedToSceneS").value(r.plannedToSceneS(), 1);
        j.key("flownToSceneS").value(r.flownToSceneS(), 1);
        j.key("energyPlannedWh").value(r.energyPlannedWh(), 2);
        j.key("energyUsedWh").value(r.energyUsedWh(), 2);
        j.key("failsafes").beginArray();
        for (FailsafeKind k : r.failsafes()) {
            j.value(k.name());
        }
        j.endArray();
        j.key("retasks").value(r.retasks());
        if (r.standOff() != null) {
            var s = r.standOff();
            j.key("standOff").beginObject();
            j.key("zone");
            if (s.zoneName() != null) {
                j.value(s.zoneName());
            } else {
                j.nullValue();
            }
            j.key("latDeg").value(s.point().latDeg(), 7).key("lonDeg").value(s.point().lonDeg(), 7);
            j.key("distanceM").value(s.distanceM(), 1).key("message").value(s.sentence());
            j.endObject();
        }
        j.key("plannedRoutes").beginArray();
        for (List<TrackPoint> route : r.plannedRoutes()) {
            track(j, route);
        }
        j.endArray();
        track(j.key("flownTrack"), r.flownTrack());
        return j.endObject().toString();
    }

    static void track(Json j, Iterable<TrackPoint> track) {
        j.beginArray();
        for (TrackPoint p : track) {
            j.beginArray().value(p.timeS(), 1).value(p.latDeg(), 7).value(p.lonDeg(), 7).value(p.altitudeRelM(), 1)
                    .endArray();
        }
        j.endArray();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

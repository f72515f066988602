package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.FlightOutcome;
import org.vigie.mission.FlightReport;
import org.vigie.mission.TrackPoint;

class QuickStartTest {

    @Test
    void quickStartCompletesInsideTheFenceAndWritesEveryFile(@TempDir Path out) throws Exception {
        FlightReport r = QuickStart.run(out);
        assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
        for (String f : new String[] {"report.json", "flight.geojson", "map.svg", "flight.klv", "accountability.jsonl"}) {
            assertThat(Files.size(out.resolve(f))).as(f).isPositive();
        }
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"outcome\":\"COMPLETED\"");
        assertThat(Files.readString(out.resolve("map.svg"))).contains("<svg", "exclusion", "privacy", "flown");
        District d = QuickStart.demoDistrict();
        assertThat(r.flownTrack()).hasSizeGreaterThan(60);
        for (TrackPoint p : r.flownTrack()) {
            GeoPoint g = new GeoPoint(p.latDeg(), p.lonDeg(), 0);
            assertThat(d.geofence().contains(g)).isTrue();
            assertThat(d.geofence().exclusionAt(g)).isEmpty();
        }
        // the police cordon sits on the direct line: the planned route must be longer than the straight line
        double straight = d.geofence().frame().toLocal(d.home())
                .horizontalDistanceM(d.geofence().frame().toLocal(QuickStart.PLACE_DES_VOSGES));
        assertThat(r.plannedDistanceM() / 2).isGreaterThan(straight);
    }
}

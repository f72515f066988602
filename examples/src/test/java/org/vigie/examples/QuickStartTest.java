package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.Json;
import org.vigie.geofence.zone.District;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;
import org.vigie.mission.TrackPoint;

class QuickStartTest {

    @Test
    void quickStartCompletesInsideTheFenceAndWritesEveryFile(@TempDir Path out) throws Exception {
        FlightReport r = QuickStart.run(out);
        assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
        for (String f : new String[] {"report.json", "flight.geojson", "map.svg", "flight.klv", "telemetry.jsonl",
            "accountability.jsonl"}) {
            assertThat(Files.size(out.resolve(f))).as(f).isPositive();
        }
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"outcome\":\"COMPLETED\"");
        assertThat(Files.readString(out.resolve("map.svg"))).contains("<svg", "exclusion", "privacy", "flown");
        // the telemetry stream: every line one JSON object with a phase and a time that never goes back, every
        // phase of the flight in order, ending DONE; on scene with an ETA of zero and the camera's frame centre
        List<String> lines = Files.readAllLines(out.resolve("telemetry.jsonl"));
        assertThat(lines).hasSizeGreaterThan((int) (r.totalTime().toSeconds() * 5));
        List<String> phases = new ArrayList<>();
        int onScene = 0;
        int onSceneWithCentre = 0;
        long lastT = Long.MIN_VALUE;
        for (String line : lines) {
            Object parsed = Json.parse(line);
            assertThat(parsed).as(line).isInstanceOf(Map.class);
            Map<?, ?> m = (Map<?, ?>) parsed;
            assertThat(m.get("phase")).as(line).isInstanceOf(String.class);
            long t = ((Number) m.get("t_us")).longValue();
            assertThat(t).as(line).isGreaterThanOrEqualTo(lastT);
            lastT = t;
            String phase = (String) m.get("phase");
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                phases.add(phase);
            }
            if (phase.equals("ON_SCENE")) {
                onScene++;
                assertThat(((Number) ((Map<?, ?>) m.get("eta")).get("s")).doubleValue()).isZero();
                if (m.get("camera") instanceof Map<?, ?> cam && cam.get("centre") != null) {
                    onSceneWithCentre++;
                }
            }
        }
        assertThat(phases).containsExactly("PREFLIGHT", "UPLOAD", "ARM", "TAKEOFF", "TRANSIT", "ON_SCENE", "RETURN",
                "LAND", "DONE");
        assertThat(onScene).as("60 s on scene at 10 Hz").isGreaterThan(400);
        assertThat(onSceneWithCentre).isGreaterThan(onScene / 2);

        District d = QuickStart.demoDistrict();
        assertThat(r.flownTrack()).hasSizeGreaterThan(60);
        for (TrackPoint p : r.flownTrack()) {
            GeoPoint g = new GeoPoint(p.latDeg(), p.lonDeg(), 0);
            assertThat(d.geofence().contains(g)).isTrue();
            assertThat(d.geofence().exclusionAt(g)).isEmpty();
        }
        // every planned route, sampled every metre, stays inside the district and out of the exclusion zones
        var fr = d.geofence().frame();
        for (var route : r.plannedRoutes()) {
            for (int i = 0; i + 1 < route.size(); i++) {
                var a = fr.toLocal(new GeoPoint(route.get(i).latDeg(), route.get(i).lonDeg(), 0));
                var b = fr.toLocal(new GeoPoint(route.get(i + 1).latDeg(), route.get(i + 1).lonDeg(), 0));
                double len = a.horizontalDistanceM(b);
                for (double k = 0; k <= len; k += 1) {
                    double u = len == 0 ? 0 : k / len;
                    GeoPoint g = fr.toGeo(a.eastM() + (b.eastM() - a.eastM()) * u,
                            a.northM() + (b.northM() - a.northM()) * u, 0);
                    assertThat(d.geofence().contains(g)).as("planned point %s", g).isTrue();
                    assertThat(d.geofence().exclusionAt(g)).as("planned point %s", g).isEmpty();
                }
            }
        }
        // the police cordon sits on the direct line: the planned route must be longer than the straight line
        double straight = d.geofence().frame().toLocal(d.home())
                .horizontalDistanceM(d.geofence().frame().toLocal(QuickStart.PLACE_DES_VOSGES));
        assertThat(r.plannedDistanceM() / 2).isGreaterThan(straight);
    }
}

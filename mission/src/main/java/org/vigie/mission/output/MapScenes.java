package org.vigie.mission.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.PolygonExclusion;
import org.vigie.geofence.zone.PrivacyZone;
import org.vigie.mission.FlightReport;

/** Builds a {@link MapScene} from a district and a flight report, and writes the flight's files. Stateless. */
public final class MapScenes {

    private static final int CIRCLE_POINTS = 36;

    private MapScenes() {
    }

    /**
     * @param district the district flown in
     * @param report   the flight report (tracks and final target)
     * @return the scene: district, exclusions (circles as 36-gons), privacy zones, their names, home, target, tracks
     */
    public static MapScene of(District district, FlightReport report) {
        List<LatLon> inclusion = ring(district.inclusion().shell());
        List<List<LatLon>> exclusions = new ArrayList<>();
        List<String> exclusionNames = new ArrayList<>();
        List<String> privacyNames = new ArrayList<>();
        LocalFrame frame = district.geofence().frame();
        for (ExclusionZone z : district.exclusions()) {
            exclusionNames.add(z.name());
            if (z instanceof PolygonExclusion p) {
                exclusions.add(ring(p.ring()));
            } else if (z instanceof CircleExclusion c) {
                var centre = frame.toLocal(c.centre());
                List<LatLon> r = new ArrayList<>();
                for (int i = 0; i < CIRCLE_POINTS; i++) {
                    double a = 2 * Math.PI * i / CIRCLE_POINTS;
                    GeoPoint g = frame.toGeo(centre.eastM() + c.radiusM() * Math.cos(a),
                            centre.northM() + c.radiusM() * Math.sin(a), 0);
                    r.add(new LatLon(g.latDeg(), g.lonDeg()));
                }
                exclusions.add(r);
            }
        }
        List<List<LatLon>> privacy = new ArrayList<>();
        for (PrivacyZone p : district.privacyZones()) {
            privacy.add(ring(p.ring()));
            privacyNames.add(p.name());
        }
        GeoPoint h = district.home();
        return new MapScene(district.name(), inclusion, exclusions, privacy, new LatLon(h.latDeg(), h.lonDeg()),
                List.of(new LatLon(report.targetLatDeg(), report.targetLonDeg())), report.plannedRoutes(),
                report.flownTrack(), exclusionNames, privacyNames, district);
    }

    private static List<LatLon> ring(List<GeoPoint> pts) {
        List<LatLon> out = new ArrayList<>(pts.size());
        for (GeoPoint p : pts) {
            out.add(new LatLon(p.latDeg(), p.lonDeg()));
        }
        return out;
    }

    /**
     * Writes {@code report.json}, {@code flight.geojson} and {@code map.svg} into a folder (created if needed).
     *
     * @param folder   the output folder
     * @param district the district
     * @param report   the report
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> writeAll(Path folder, District district, FlightReport report) throws IOException {
        Files.createDirectories(folder);
        MapScene scene = of(district, report);
        Path json = folder.resolve("report.json");
        Path geo = folder.resolve("flight.geojson");
        Path svg = folder.resolve("map.svg");
        Files.writeString(json, ReportJson.write(report) + "\n", StandardCharsets.UTF_8);
        Files.writeString(geo, FlightGeoJson.write(scene) + "\n", StandardCharsets.UTF_8);
        Files.writeString(svg, SvgMap.write(scene), StandardCharsets.UTF_8);
        return List.of(json, geo, svg);
    }
}

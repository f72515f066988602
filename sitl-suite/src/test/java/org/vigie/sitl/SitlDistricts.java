package org.vigie.sitl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceExporter;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.plan.Route;
import org.vigie.geofence.plan.Waypoint;
import org.vigie.geofence.plan.WaypointKind;
import org.vigie.mission.flight.AutopilotFenceCheck;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.Geofence;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;

/** The bundled Paris districts the real-autopilot suite flies, and targets in them. */
final class SitlDistricts {

    private static List<ParisQuartiers.Quartier> quartiers;

    private SitlDistricts() {
    }

    static synchronized List<ParisQuartiers.Quartier> quartiers() {
        if (quartiers == null) {
            try {
                quartiers = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return quartiers;
    }

    /** @return the quartier with the most boundary vertices (the fence simplified hardest), with four zones */
    static District largestFence() {
        ParisQuartiers.Quartier q = quartiers().stream()
                .max(Comparator.comparingInt(x -> x.polygon().shell().size())).orElseThrow();
        return DemoZones.withZones(ParisQuartiers.district(q), 4, q.number());
    }

    /** @return the named quartier, with {@code zones} seeded exclusion zones */
    static District quartier(String name, int zones) {
        ParisQuartiers.Quartier q = ParisQuartiers.byName(quartiers(), name);
        return DemoZones.withZones(ParisQuartiers.district(q), zones, q.number());
    }

    /**
     * A target whose straight line from home keeps {@code clearM} from every boundary of the district and clears the
     * fence ArduCopter will enforce (exported for 560 bytes), as far as possible up to {@code maxM} from home along one
     * of 16 bearings. (Targets whose route the simplified fence cuts are the time-to-scene issue's, not this suite's.)
     */
    static GeoPoint target(District d, double minM, double maxM, double clearM) {
        return target(d, minM, maxM, clearM, d.home(), 0);
    }

    /** As {@link #target(District, double, double, double)}, at least {@code awayM} from {@code avoid}. */
    static GeoPoint target(District d, double minM, double maxM, double clearM, GeoPoint avoid, double awayM) {
        Geofence f = d.geofence();
        FenceExport.Exported fence = (FenceExport.Exported) new FenceExporter(FenceCapacity.arduPilotDefault(), false)
                .export(d);
        AutopilotFenceCheck check = new AutopilotFenceCheck(f.frame(), fence.shapes(), d.horizontalMarginM());
        GeoPoint best = null;
        double bestDist = 0;
        for (int b = 0; b < 16; b++) {
            double a = 2 * Math.PI * b / 16;
            for (double r = maxM; r >= minM; r -= 20) {
                GeoPoint p = DemoZones.offset(d, r * Math.sin(a), r * Math.cos(a));
                if (r > bestDist && Geodesy.distanceM(p, avoid) >= awayM && lineClear(f, d.home(), p, clearM) && check.problem(new Route(List.of(
                        new Waypoint(d.home(), WaypointKind.START), new Waypoint(p, WaypointKind.ARRIVAL)), p, p, r,
                        0, 0), "outbound") == null) {
                    best = p;
                    bestDist = r;
                    break;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no free target " + minM + ".." + maxM + " m from home in " + d.name());
        }
        return best;
    }

    /** Whether every point of the segment, every 5 m, lies at least clearM inside the district's free space. */
    static boolean lineClear(Geofence f, GeoPoint a, GeoPoint b, double clearM) {
        double len = Geodesy.distanceM(a, b);
        int n = Math.max(2, (int) Math.ceil(len / 5));
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            GeoPoint p = GeoPoint.of(a.latDeg() + t * (b.latDeg() - a.latDeg()),
                    a.lonDeg() + t * (b.lonDeg() - a.lonDeg()));
            if (!f.contains(p) || f.signedDistanceM(p) < clearM) {
                return false;
            }
        }
        return true;
    }

    static DispatchRequest request(String alertId, GeoPoint target, Duration onScene, DispatchPriority priority) {
        return DispatchRequest.builder(alertId, target.latDeg(), target.lonDeg()).priority(priority)
                .reason("real-autopilot suite").requester("sitl-suite", "integration test").onSceneTime(onScene)
                .build();
    }
}

package org.vigie.bench.geofence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;

/** Finds and loads {@code data/paris-quartiers.geojson} from the repository root or a module folder. */
final class ParisData {

    private ParisData() {
    }

    static List<ParisQuartiers.Quartier> quartiers() throws IOException {
        String prop = System.getProperty("vigie.paris");
        if (prop != null) {
            return ParisQuartiers.load(Path.of(prop));
        }
        for (Path p : new Path[] {Path.of("data", "paris-quartiers.geojson"),
            Path.of("..", "data", "paris-quartiers.geojson")}) {
            if (Files.exists(p)) {
                return ParisQuartiers.load(p);
            }
        }
        throw new IllegalStateException("data/paris-quartiers.geojson not found from "
                + Path.of("").toAbsolutePath() + " (set -Dvigie.paris=PATH)");
    }

    /** Seeded random targets inside the district's fence (possibly inside exclusion zones: stand-offs included). */
    static GeoPoint[] targets(District d, int n, long seed) {
        Random r = new Random(seed);
        var env = d.geofence().inclusionEnu().getEnvelopeInternal();
        GeoPoint[] out = new GeoPoint[n];
        int k = 0;
        while (k < n) {
            double e = env.getMinX() + r.nextDouble() * env.getWidth();
            double no = env.getMinY() + r.nextDouble() * env.getHeight();
            GeoPoint p = DemoZones.offset(d, e, no);
            if (d.geofence().signedDistanceM(p) > -30 && d.geofence().inclusionEnu().covers(
                    d.geofence().inclusionEnu().getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(e,
                            no)))) {
                out[k++] = p;
            }
        }
        return out;
    }
}

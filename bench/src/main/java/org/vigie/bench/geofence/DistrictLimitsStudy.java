package org.vigie.bench.geofence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.io.GeoJsonDistricts;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.DistrictLimits;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * What a district costs as it grows, to choose {@link DistrictLimits}: for a jagged star inclusion (the adversarial
 * shape: about half the vertices reflex, every one a graph node) of growing vertex count, and for growing numbers of
 * circular zones, the time to read and validate the district file, the heap it keeps, the one-time planner graph
 * build and a plan's median. Single runs (not JMH): the figures are for choosing limits within an order of magnitude.
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target/benchmarks.jar org.vigie.bench.geofence.DistrictLimitsStudy}.
 */
public final class DistrictLimitsStudy {

    private static final GeoPoint HOME = GeoPoint.of(48.85, 2.35);
    private static final LocalFrame FRAME = new LocalFrame(HOME);

    private DistrictLimitsStudy() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        DistrictLimits wide = new DistrictLimits(1_000_000, 1_000_000, 100_000, 50_000, 200, 2000);
        System.out.println("| district | file | read + validate | heap kept | planner build | graph nodes | plan median |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int n : new int[] {1_000, 5_000, 10_000, 20_000}) {
            row("star, " + n + " vertices", star(n), wide);
        }
        for (int z : new int[] {10, 100, 250, 500, 2_000}) {
            row("square 3 km, " + z + " circle zones", zones(z), wide);
        }
        refusal("1,000,000-vertex district file", millionVertices());
        refusal("10 M character district name", FILE_HEAD + "x".repeat(10_000_000) + "\"},\"geometry\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[2.34,48.85],[2.36,48.85],[2.36,48.86],[2.34,48.85]]]}}]}");
    }

    private static final String FILE_HEAD = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"role\":\"home\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.35,48.85]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\",\"name\":\"";

    private static String millionVertices() {
        int n = 1_000_000;
        StringBuilder sb = new StringBuilder(FILE_HEAD).append("big\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[");
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            sb.append('[').append(2.35 + 0.01 * Math.cos(t)).append(',').append(48.85 + 0.01 * Math.sin(t))
                    .append("],");
        }
        return sb.append("[2.36,48.85]]]}}]}").toString();
    }

    /** Reads a file beyond the default limits three times; prints the last time, the heap grown and the message. */
    private static void refusal(String label, String text) {
        String message = "";
        double ms = 0;
        long grown = 0;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long before = used();
            long t0 = System.nanoTime();
            try {
                GeoJsonDistricts.read(new java.io.StringReader(text), DistrictLimits.DEFAULT);
            } catch (RuntimeException e) {
                message = e.getMessage();
            }
            ms = (System.nanoTime() - t0) / 1e6;
            grown = used() - before;
        }
        System.out.printf(Locale.ROOT, "%s (%.1f MB of text): refused in %.1f ms, heap grown %.1f MB: %s%n", label,
                text.length() / 1e6, ms, grown / 1e6, message);
    }

    private static void row(String label, District d, DistrictLimits limits) {
        String text = GeoJsonDistricts.write(d);
        System.gc();
        long before = used();
        long t0 = System.nanoTime();
        District back = GeoJsonDistricts.read(new java.io.StringReader(text), limits);
        double readMs = (System.nanoTime() - t0) / 1e6;
        System.gc();
        long kept = used() - before;
        t0 = System.nanoTime();
        DistrictPlanner p = new DistrictPlanner(back);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        Random r = new Random(1);
        double[] us = new double[41];
        var env = back.geofence().inclusionEnu().getEnvelopeInternal();
        for (int i = 0; i < us.length; i++) {
            GeoPoint t = FRAME.toGeo(env.getMinX() + r.nextDouble() * env.getWidth(),
                    env.getMinY() + r.nextDouble() * env.getHeight(), 0);
            long s = System.nanoTime();
            p.plan(back.home(), t);
            us[i] = (System.nanoTime() - s) / 1e3;
        }
        Arrays.sort(us);
        System.out.printf(Locale.ROOT, "| %s | %.1f MB | %.0f ms | %.1f MB | %.0f ms | %d | %.0f µs |%n", label,
                text.length() / 1e6, readMs, kept / 1e6, buildMs, p.nodeCount(), us[us.length / 2]);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A jagged star: vertices every 6 m on average, radius jittered by 30 %. */
    static District star(int n) {
        double radius = Math.max(1000, n * 6 / (2 * Math.PI));
        Random r = new Random(n);
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double rad = radius * (0.7 + 0.3 * r.nextDouble());
            ring.add(FRAME.toGeo(rad * Math.cos(a), rad * Math.sin(a), 0));
        }
        return District.builder("star " + n).home(HOME).inclusion(GeoPolygon.of(ring))
                .limits(new DistrictLimits(1_000_000, 1_000_000, 100_000, 50_000, 200, 2000)).build();
    }

    /** A 3 km square with circles of 10 m on a grid, clear of home. */
    static District zones(int count) {
        List<GeoPoint> sq = List.of(FRAME.toGeo(-1500, -1500, 0), FRAME.toGeo(1500, -1500, 0),
                FRAME.toGeo(1500, 1500, 0), FRAME.toGeo(-1500, 1500, 0));
        District.Builder b = District.builder("zones " + count).home(HOME).inclusion(GeoPolygon.of(sq))
                .limits(new DistrictLimits(1_000_000, 1_000_000, 100_000, 50_000, 200, 2000));
        int side = (int) Math.ceil(Math.sqrt(count + 1));
        double step = 2800.0 / side;
        int k = 0;
        for (int i = 0; i < side && k < count; i++) {
            for (int j = 0; j < side && k < count; j++) {
                double x = -1400 + (i + 0.5) * step;
                double y = -1400 + (j + 0.5) * step;
                if (Math.hypot(x, y) < 100) {
                    continue;
                }
                b.exclusion(new CircleExclusion("zone " + k, "study", FRAME.toGeo(x, y, 0), Math.min(10, step / 4)));
                k++;
            }
        }
        return b.build();
    }
}

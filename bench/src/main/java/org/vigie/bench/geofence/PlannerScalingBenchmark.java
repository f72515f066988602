package org.vigie.bench.geofence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * Cost growth with vertex count: a seeded star-shaped district (2 km across, radius jittered by 30 % at every vertex,
 * so about half the vertices are reflex) of 100, 1,000 and 10,000 vertices; graph build (once per district) and cached
 * plan between seeded random points inside the fence (out to 95 % of the radius, so many routes bend along the
 * jagged boundary or stop at the margin). The build is measured single-shot.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PlannerScalingBenchmark {

    @Param({"100", "1000", "10000"})
    public int vertices;

    District district;
    DistrictPlanner planner;
    GeoPoint[] targets;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        GeoPoint home = GeoPoint.of(48.85, 2.35);
        LocalFrame f = new LocalFrame(home);
        Random r = new Random(vertices);
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < vertices; i++) {
            double a = 2 * Math.PI * i / vertices;
            double rad = 1000 * (0.7 + 0.3 * r.nextDouble());
            ring.add(f.toGeo(rad * Math.cos(a), rad * Math.sin(a), 0));
        }
        district = District.builder("star " + vertices).home(home).inclusion(GeoPolygon.of(ring)).build();
        planner = new DistrictPlanner(district);
        targets = new GeoPoint[64];
        int k = 0;
        while (k < 64) {
            double a = 2 * Math.PI * r.nextDouble();
            double rad = 950 * Math.sqrt(r.nextDouble());
            GeoPoint p = f.toGeo(rad * Math.cos(a), rad * Math.sin(a), 0).withAltitudeRelM(0);
            if (district.geofence().contains(p)) {
                targets[k++] = p;
            }
        }
    }

    @Benchmark
    public PlanResult planCached() {
        next = (next + 1) & 63;
        GeoPoint a = targets[next];
        GeoPoint b = targets[(next + 17) & 63];
        return planner.plan(a, b);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DistrictPlanner buildGraph() {
        return new DistrictPlanner(district);
    }
}

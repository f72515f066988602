package org.vigie.bench.geofence;

import java.util.List;
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
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.geofence.zone.District;

/**
 * Planning in a real quartier with 10 exclusion zones: the cached planner (visibility graph built once per district)
 * against the uncached baseline (the same exact planner rebuilt for every plan), plus all of Paris as one district.
 * Sample-time mode reports mean and percentiles (p0.50 = median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PlannerBenchmark {

    /** One quartier with 10 seeded demo exclusion zones, and 64 seeded targets. */
    @State(Scope.Benchmark)
    public static class Quartier {
        @Param({"Hôpital-Saint-Louis", "Notre-Dame", "Clignancourt"})
        public String name;
        District district;
        DistrictPlanner planner;
        GeoPoint[] targets;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            List<ParisQuartiers.Quartier> qs = ParisData.quartiers();
            ParisQuartiers.Quartier q = ParisQuartiers.byName(qs, name);
            district = DemoZones.withZones(ParisQuartiers.district(q), 10, q.number());
            planner = new DistrictPlanner(district);
            targets = ParisData.targets(district, 64, 42);
        }

        GeoPoint target() {
            next = (next + 1) & 63;
            return targets[next];
        }
    }

    /** All 80 quartiers merged into one district. */
    @State(Scope.Benchmark)
    public static class Paris {
        District district;
        DistrictPlanner planner;
        GeoPoint[] targets;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            district = ParisQuartiers.unionDistrict(ParisData.quartiers(), 20000);
            planner = new DistrictPlanner(district);
            targets = ParisData.targets(district, 64, 7);
        }

        GeoPoint target() {
            next = (next + 1) & 63;
            return targets[next];
        }
    }

    @Benchmark
    public PlanResult quartierCached(Quartier s) {
        return s.planner.plan(s.district.home(), s.target());
    }

    @Benchmark
    public PlanResult quartierUncachedBaseline(Quartier s) {
        return new DistrictPlanner(s.district).plan(s.district.home(), s.target());
    }

    @Benchmark
    public PlanResult parisUnionCached(Paris s) {
        return s.planner.plan(s.district.home(), s.target());
    }

    @Benchmark
    public DistrictPlanner parisUnionBuildGraph(Paris s) {
        return new DistrictPlanner(s.district);
    }
}

package org.vigie.bench.geofence;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.Geofence;

/**
 * Containment checks per second on the largest quartier (Picpus, 10 demo zones): the compiled {@link Geofence}
 * (prepared geometry, WGS84 input converted to ENU per call) against the baseline, a plain JTS
 * {@code Geometry.covers} on the unprepared allowed area; plus signed distance and time to breach.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ContainmentBenchmark {

    District district;
    Geofence fence;
    Geometry allowedUnprepared;
    GeoPoint[] points;
    Point[] enuPoints;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ParisQuartiers.Quartier q = ParisQuartiers.byName(ParisData.quartiers(), "Picpus");
        district = DemoZones.withZones(ParisQuartiers.district(q), 10, q.number());
        fence = district.geofence();
        Geometry allowed = fence.inclusionEnu();
        for (Geometry g : fence.exclusionsEnu()) {
            allowed = allowed.difference(g);
        }
        allowedUnprepared = allowed;
        Random r = new Random(3);
        var env = fence.inclusionEnu().getEnvelopeInternal();
        points = new GeoPoint[1024];
        enuPoints = new Point[1024];
        GeometryFactory gf = new GeometryFactory();
        for (int i = 0; i < points.length; i++) {
            double e = env.getMinX() + r.nextDouble() * env.getWidth();
            double n = env.getMinY() + r.nextDouble() * env.getHeight();
            points[i] = DemoZones.offset(district, e, n).withAltitudeRelM(50);
            enuPoints[i] = gf.createPoint(new Coordinate(e, n));
        }
    }

    @Benchmark
    public boolean geofenceContains3d() {
        next = (next + 1) & 1023;
        return fence.contains3d(points[next]);
    }

    @Benchmark
    public boolean geofenceContainsEnu() {
        next = (next + 1) & 1023;
        Point p = enuPoints[next];
        return fence.containsEnu(p.getX(), p.getY());
    }

    @Benchmark
    public boolean baselineUnpreparedCovers() {
        next = (next + 1) & 1023;
        return allowedUnprepared.covers(enuPoints[next]);
    }

    @Benchmark
    public double signedDistance() {
        next = (next + 1) & 1023;
        return fence.signedDistanceM(points[next]);
    }

    @Benchmark
    public double timeToBreach() {
        next = (next + 1) & 1023;
        return fence.timeToBreachS(points[next], 8.0, -3.0, 0.5);
    }
}

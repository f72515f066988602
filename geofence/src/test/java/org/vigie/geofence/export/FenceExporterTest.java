package org.vigie.geofence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.vigie.geofence.TestDistricts;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.PolygonExclusion;

class FenceExporterTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static List<ParisQuartiers.Quartier> quartiers;

    @BeforeAll
    static void load() throws Exception {
        quartiers = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
    }

    private static Polygon polygon(List<GeoPoint> ring) {
        Coordinate[] cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            cs[i] = new Coordinate(ring.get(i).lonDeg(), ring.get(i).latDeg());
        }
        cs[ring.size()] = new Coordinate(cs[0]);
        return GF.createPolygon(cs);
    }

    /** Splits exported items into polygons by command, checking param1 counts. */
    private static List<Polygon> polygons(List<FenceItem> items, int command) {
        List<Polygon> out = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            FenceItem it = items.get(i);
            if (it.command() != command) {
                i++;
                continue;
            }
            int n = (int) it.param1();
            Coordinate[] cs = new Coordinate[n + 1];
            for (int k = 0; k < n; k++) {
                FenceItem v = items.get(i + k);
                assertThat(v.command()).isEqualTo(command);
                assertThat((int) v.param1()).isEqualTo(n);
                cs[k] = new Coordinate(v.lonDeg(), v.latDeg());
            }
            cs[n] = new Coordinate(cs[0]);
            out.add(GF.createPolygon(cs));
            i += n;
        }
        return out;
    }

    private static void assertConservative(District d, FenceExport result, int budget) {
        assertThat(result).as(d.name()).isInstanceOf(FenceExport.Exported.class);
        List<FenceItem> items = ((FenceExport.Exported) result).items();
        assertThat(items.size()).isLessThanOrEqualTo(budget);
        List<Polygon> inc = polygons(items, FenceItem.POLYGON_VERTEX_INCLUSION);
        assertThat(inc).hasSize(1);
        assertThat(inc.get(0).isValid()).isTrue();
        assertThat(polygon(d.inclusion().shell()).covers(inc.get(0))).as("inclusion of %s shrinks", d.name()).isTrue();
        List<Polygon> exc = polygons(items, FenceItem.POLYGON_VERTEX_EXCLUSION);
        List<Polygon> trueExc = new ArrayList<>();
        d.inclusion().holes().forEach(h -> trueExc.add(polygon(h)));
        List<CircleExclusion> circles = new ArrayList<>();
        for (ExclusionZone z : d.exclusions()) {
            if (z instanceof PolygonExclusion p) {
                trueExc.add(polygon(p.ring()));
            } else {
                circles.add((CircleExclusion) z);
            }
        }
        assertThat(exc).hasSameSizeAs(trueExc);
        for (int i = 0; i < exc.size(); i++) {
            assertThat(exc.get(i).covers(trueExc.get(i))).as("exclusion %d of %s grows", i, d.name()).isTrue();
        }
        List<FenceItem> cs = items.stream().filter(it -> it.command() == FenceItem.CIRCLE_EXCLUSION).toList();
        assertThat(cs).hasSameSizeAs(circles);
        for (int i = 0; i < cs.size(); i++) {
            double shift = Geodesy.distanceM(circles.get(i).centre(), GeoPoint.of(cs.get(i).latDeg(),
                    cs.get(i).lonDeg()));
            assertThat((double) cs.get(i).param1()).isGreaterThanOrEqualTo(circles.get(i).radiusM() + shift);
        }
        FenceItem ret = items.get(items.size() - 1);
        assertThat(ret.command()).isEqualTo(FenceItem.RETURN_POINT);
    }

    @Test
    void allEightyQuartiersExportConservativelyForArduPilotAndPx4() {
        int simplified = 0;
        for (ParisQuartiers.Quartier q : quartiers) {
            District d = DemoZones.withZones(ParisQuartiers.district(q), 4, q.number());
            for (int budget : new int[] {FenceExporter.ARDUPILOT_MAX_ITEMS, FenceExporter.PX4_MAX_ITEMS}) {
                FenceExport r = new FenceExporter(budget, true).export(d);
                assertConservative(d, r, budget);
                if (((FenceExport.Exported) r).removedVertices() > 0) {
                    simplified++;
                }
            }
        }
        assertThat(simplified).as("most quartiers have more than 64 vertices").isGreaterThan(80);
    }

    @Test
    void smallFenceIsExportedUnchanged() {
        District d = District.builder("Small").home(TestDistricts.HOME).inclusion(TestDistricts.square(300))
                .exclusion(new CircleExclusion("Helipad", "hospital", TestDistricts.enu(100, 100), 30)).build();
        FenceExport r = new FenceExporter(10, true).export(d);
        assertConservative(d, r, 10);
        assertThat(((FenceExport.Exported) r).removedVertices()).isZero();
        assertThat(((FenceExport.Exported) r).items()).hasSize(6);
    }

    @Test
    void refusesWhenNoConservativeFenceFits() {
        District d = District.builder("Busy").home(TestDistricts.HOME).inclusion(TestDistricts.square(400))
                .exclusion(new PolygonExclusion("A", "", TestDistricts.ring(100, 100, 200, 100, 200, 200)))
                .exclusion(new PolygonExclusion("B", "", TestDistricts.ring(-100, -100, -200, -100, -200, -200)))
                .build();
        FenceExport r = new FenceExporter(8, true).export(d);
        assertThat(r).isInstanceOf(FenceExport.Refused.class);
        assertThat(((FenceExport.Refused) r).message()).isEqualTo("district 'Busy' needs at least 10 fence items"
                + " (3 polygons of 3 vertices, 0 circles, a return point) but the autopilot takes 8");
        // a convex 40-gon exclusion cannot be grown by removing vertices
        List<GeoPoint> round = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            round.add(TestDistricts.enu(200 + 50 * Math.cos(i * Math.PI / 20), 50 * Math.sin(i * Math.PI / 20)));
        }
        District convex = District.builder("Round").home(TestDistricts.HOME).inclusion(TestDistricts.square(400))
                .exclusion(new PolygonExclusion("Dome", "", round)).build();
        FenceExport r2 = new FenceExporter(20, true).export(convex);
        assertThat(((FenceExport.Refused) r2).message()).contains("needs 45 fence items after every conservative"
                + " simplification; the autopilot takes 20");
    }
}

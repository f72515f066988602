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

    private static Polygon polygon(FenceShape.Polygon p) {
        Coordinate[] cs = new Coordinate[p.vertices().size() + 1];
        for (int k = 0; k < p.vertices().size(); k++) {
            cs[k] = new Coordinate(p.vertices().get(k).lonDeg(), p.vertices().get(k).latDeg());
        }
        cs[cs.length - 1] = new Coordinate(cs[0]);
        return GF.createPolygon(cs);
    }

    private static List<Polygon> polygons(List<FenceShape> shapes, FenceShape.Role role) {
        List<Polygon> out = new ArrayList<>();
        for (FenceShape s : shapes) {
            if (s instanceof FenceShape.Polygon p && p.role() == role) {
                out.add(polygon(p));
            }
        }
        return out;
    }

    private static void assertConservative(District d, FenceExport result, FenceCapacity capacity) {
        assertThat(result).as(d.name()).isInstanceOf(FenceExport.Exported.class);
        FenceExport.Exported e = (FenceExport.Exported) result;
        List<FenceShape> shapes = e.shapes();
        assertThat(e.itemCount()).isLessThanOrEqualTo(capacity.maxItems());
        if (capacity.maxStorageBytes() > 0) {
            assertThat(e.storageBytes()).as("bytes of %s", d.name()).isLessThanOrEqualTo(capacity.maxStorageBytes());
        }
        for (FenceShape s : shapes) {
            if (s instanceof FenceShape.Polygon p) {
                assertThat(p.vertices().size()).isLessThanOrEqualTo(capacity.maxVerticesPerPolygon());
            }
        }
        List<Polygon> inc = polygons(shapes, FenceShape.Role.INCLUSION);
        assertThat(inc).hasSize(1);
        assertThat(inc.get(0).isValid()).isTrue();
        assertThat(polygon(d.inclusion().shell()).covers(inc.get(0))).as("inclusion of %s shrinks", d.name()).isTrue();
        List<Polygon> exc = polygons(shapes, FenceShape.Role.EXCLUSION);
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
        List<FenceShape.Circle> cs = shapes.stream().filter(FenceShape.Circle.class::isInstance)
                .map(FenceShape.Circle.class::cast).toList();
        assertThat(cs).hasSameSizeAs(circles);
        for (int i = 0; i < cs.size(); i++) {
            double shift = Geodesy.distanceM(circles.get(i).centre(), GeoPoint.of(cs.get(i).centre().latDeg(),
                    cs.get(i).centre().lonDeg()));
            assertThat((double) cs.get(i).radiusM()).isGreaterThanOrEqualTo(circles.get(i).radiusM() + shift);
            assertThat(cs.get(i).role()).isEqualTo(FenceShape.Role.EXCLUSION);
        }
        assertThat(shapes.get(shapes.size() - 1)).isInstanceOf(FenceShape.ReturnPoint.class);
    }

    @Test
    void allEightyQuartiersExportConservativelyForArduPilotAndPx4() {
        int simplified = 0;
        for (ParisQuartiers.Quartier q : quartiers) {
            District d = DemoZones.withZones(ParisQuartiers.district(q), 4, q.number());
            for (FenceCapacity capacity : new FenceCapacity[] {FenceCapacity.arduPilotDefault(),
                    FenceCapacity.px4Default()}) {
                FenceExport r = new FenceExporter(capacity, true).export(d);
                assertConservative(d, r, capacity);
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
        assertConservative(d, r, FenceCapacity.items(10));
        assertThat(((FenceExport.Exported) r).removedVertices()).isZero();
        assertThat(((FenceExport.Exported) r).itemCount()).isEqualTo(6);
        assertThat(((FenceExport.Exported) r).storageBytes()).isEqualTo(4 + 2 + 4 * 8 + 13 + 9 + 1);
    }

    @Test
    void refusesWhenNoConservativeFenceFits() {
        District d = District.builder("Busy").home(TestDistricts.HOME).inclusion(TestDistricts.square(400))
                .exclusion(new PolygonExclusion("A", "", TestDistricts.ring(100, 100, 200, 100, 200, 200)))
                .exclusion(new PolygonExclusion("B", "", TestDistricts.ring(-100, -100, -200, -100, -200, -200)))
                .build();
        FenceExport r = new FenceExporter(8, true).export(d);
        assertThat(r).isInstanceOf(FenceExport.Refused.class);
        assertThat(((FenceExport.Refused) r).message()).isEqualTo("district 'Busy' needs at least 3 polygons of 3"
                + " vertices and 0 circles and a return point, more than the autopilot stores (8 items, no byte"
                + " limit, 8 vertices per polygon)");
        // a convex 40-gon exclusion cannot be grown by removing vertices
        List<GeoPoint> round = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            round.add(TestDistricts.enu(200 + 50 * Math.cos(i * Math.PI / 20), 50 * Math.sin(i * Math.PI / 20)));
        }
        District convex = District.builder("Round").home(TestDistricts.HOME).inclusion(TestDistricts.square(400))
                .exclusion(new PolygonExclusion("Dome", "", round)).build();
        FenceExport r2 = new FenceExporter(20, true).export(convex);
        assertThat(((FenceExport.Refused) r2).message()).contains("needs 45 fence items after every conservative"
                + " simplification; the autopilot stores 20 items");
    }

    @Test
    void everyQuartierFitsArduCoptersStorageBytesNotOnlyItsItemCount() {
        // 70 items would fit the item count, but one 70-vertex polygon takes 4 + 2 + 560 + 1 = 567 bytes of 560
        // (header, type and count, vertices, end-of-storage marker)
        FenceCapacity ac = FenceCapacity.arduPilotDefault();
        assertThat(ac.fits(new int[] {70}, 0, false)).isFalse();
        assertThat(ac.fits(new int[] {69}, 0, false)).isTrue();
        assertThat(ac.fits(new int[] {3}, 40, false)).isTrue();
        assertThat(ac.fits(new int[] {3}, 41, false)).isFalse();
        // 66 vertices and two circles fill the 560 bytes exactly without the end marker: ArduPilot would accept it
        // and then fail to read it back; the marker is counted
        assertThat(ac.fits(new int[] {66}, 2, false)).isFalse();
        assertThat(ac.fits(new int[] {65}, 2, false)).isTrue();
        int overByItemsOnly = 0;
        for (ParisQuartiers.Quartier q : quartiers) {
            District d = DemoZones.withZones(ParisQuartiers.district(q), 4, q.number());
            FenceExport.Exported itemsOnly = (FenceExport.Exported) new FenceExporter(70, false).export(d);
            if (itemsOnly.storageBytes() > 560) {
                overByItemsOnly++;
            }
            FenceExport r = new FenceExporter(ac, false).export(d);
            assertThat(r).as(d.name()).isInstanceOf(FenceExport.Exported.class);
            assertThat(((FenceExport.Exported) r).storageBytes()).as(d.name()).isLessThanOrEqualTo(560);
        }
        assertThat(overByItemsOnly).as("districts an item budget of 70 alone would not fit").isGreaterThan(10);
    }

    @Test
    void aPolygonAboveTheVertexLimitIsCutDownFirst() {
        List<GeoPoint> round = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            round.add(TestDistricts.enu(400 * Math.cos(i * Math.PI / 150), 400 * Math.sin(i * Math.PI / 150)));
        }
        District d = District.builder("Many").home(TestDistricts.HOME)
                .inclusion(org.vigie.geofence.zone.GeoPolygon.of(round)).build();
        FenceCapacity cap = new FenceCapacity(1000, 0, 255);
        FenceExport r = new FenceExporter(cap, false).export(d);
        assertThat(r).isInstanceOf(FenceExport.Exported.class);
        assertThat(((FenceExport.Exported) r).itemCount()).isLessThanOrEqualTo(255).isGreaterThan(240);
    }

    @Test
    void aCapacityBelowARefusedFenceIsStrictlySmaller() {
        District d = DemoZones.withZones(ParisQuartiers.district(quartiers.get(0)), 4, quartiers.get(0).number());
        FenceCapacity generous = FenceCapacity.arduPilot(4096);
        FenceExport.Exported big = (FenceExport.Exported) new FenceExporter(generous, true).export(d);
        FenceCapacity smaller = generous.below(big.shapes());
        assertThat(smaller.maxStorageBytes()).isLessThan(big.storageBytes());
        FenceExport.Exported again = (FenceExport.Exported) new FenceExporter(smaller, true).export(d);
        assertThat(again.storageBytes()).isLessThan(big.storageBytes());
        assertConservative(d, again, smaller);
    }
}

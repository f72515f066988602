package org.vigie.mission.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.vigie.mission.FailsafeKind;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.TrackPoint;
import org.xml.sax.InputSource;

class OutputWritersTest {

    static MapScene scene() {
        List<LatLon> district = List.of(new LatLon(48.850, 2.350), new LatLon(48.850, 2.360),
                new LatLon(48.860, 2.360), new LatLon(48.860, 2.350));
        List<LatLon> excl = List.of(new LatLon(48.853, 2.353), new LatLon(48.853, 2.355), new LatLon(48.855, 2.355));
        List<LatLon> priv = List.of(new LatLon(48.857, 2.357), new LatLon(48.858, 2.357), new LatLon(48.858, 2.358));
        List<TrackPoint> planned = List.of(new TrackPoint(0, 48.851, 2.351, 30), new TrackPoint(60, 48.859, 2.359, 30));
        List<TrackPoint> flown = List.of(new TrackPoint(0, 48.851, 2.351, 0), new TrackPoint(1, 48.8512, 2.3512, 5),
                new TrackPoint(2, 48.852, 2.352, 12));
        return new MapScene("Arsenal <&> \"quoted\"", district, List.of(excl), List.of(priv),
                new LatLon(48.851, 2.351), List.of(new LatLon(48.859, 2.359)), List.of(planned), flown);
    }

    @Test
    void geoJsonIsReadByJtsWithEveryLayer() throws Exception {
        String text = FlightGeoJson.write(scene());
        Geometry g = new GeoJsonReader().read(text);
        assertThat(g).isInstanceOf(GeometryCollection.class);
        // district, exclusion, privacy, home, target, planned, flown
        assertThat(g.getNumGeometries()).isEqualTo(7);
        assertThat(g.getGeometryN(0).getGeometryType()).isEqualTo("Polygon");
        assertThat(g.getGeometryN(0).getCoordinates()).hasSize(5);
        assertThat(g.getGeometryN(0).getArea()).isCloseTo(1e-4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(g.getGeometryN(6).getGeometryType()).isEqualTo("LineString");
        assertThat(text).contains("\"kind\":\"exclusion\"", "\"kind\":\"privacy\"", "\"kind\":\"flown\"",
                "\\\"quoted\\\"");
        // RFC 7946: exterior rings counter-clockwise
        assertThat(g.getGeometryN(0).getCoordinates()[1].x).isGreaterThan(g.getGeometryN(0).getCoordinates()[0].x);
    }

    @Test
    void svgIsWellFormedXmlWithEveryLayer() throws Exception {
        String svg = SvgMap.write(scene());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polygon").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("polyline").getLength()).as("flown, then the plan's casing and dashes")
                .isEqualTo(3);
        assertThat(svg).contains("Arsenal &lt;&amp;&gt;", "100 m", "planned route");
        assertThat(svg.indexOf("<title>planned route</title>")).as("the plan is drawn over the flown track")
                .isGreaterThan(svg.indexOf("<title>flown track</title>"));
        assertThat(svg).contains(">exclusion 1</text>", ">privacy 1</text>", "dashed blue", "solid orange");
        assertThat(svg).doesNotContain("NaN");
    }

    @Test
    void aFlightGeoJsonReadsBackAsTheDistrictFlownWithItsZonesNamed() {
        org.vigie.geofence.geodesy.GeoPoint home = org.vigie.geofence.geodesy.GeoPoint.of(48.8530, 2.3530);
        List<org.vigie.geofence.geodesy.GeoPoint> square = List.of(
                org.vigie.geofence.geodesy.GeoPoint.of(48.850, 2.350), org.vigie.geofence.geodesy.GeoPoint.of(48.850, 2.360),
                org.vigie.geofence.geodesy.GeoPoint.of(48.860, 2.360), org.vigie.geofence.geodesy.GeoPoint.of(48.860, 2.350));
        org.vigie.geofence.zone.District d = org.vigie.geofence.zone.District.builder("Marais test").home(home)
                .inclusion(org.vigie.geofence.zone.GeoPolygon.of(square)).maxExtentM(6000).transitAltitudeRelM(55)
                .exclusion(new org.vigie.geofence.zone.CircleExclusion("police cordon", "incident",
                        org.vigie.geofence.geodesy.GeoPoint.of(48.856, 2.356), 35))
                .privacyZone(new org.vigie.geofence.zone.PrivacyZone("school courtyard", List.of(
                        org.vigie.geofence.geodesy.GeoPoint.of(48.8575, 2.3575),
                        org.vigie.geofence.geodesy.GeoPoint.of(48.8575, 2.3580),
                        org.vigie.geofence.geodesy.GeoPoint.of(48.8580, 2.3580))))
                .build();
        MapScene base = scene();
        MapScene scene = new MapScene(d.name(), base.inclusion(), base.exclusions(), base.privacy(), base.home(),
                base.targets(), base.planned(), base.flown(), List.of("police cordon"), List.of("school courtyard"), d);
        String text = FlightGeoJson.write(scene);
        assertThat(text).contains("\"vigie\":\"flight\"", "\"role\":\"planned\"", "\"role\":\"flown\"");
        org.vigie.geofence.zone.District back = org.vigie.geofence.io.GeoJsonDistricts.read(text);
        assertThat(back.name()).isEqualTo("Marais test");
        assertThat(back.maxExtentM()).isEqualTo(6000);
        assertThat(back.transitAltitudeRelM()).isEqualTo(55);
        assertThat(back.exclusions()).singleElement().isInstanceOfSatisfying(
                org.vigie.geofence.zone.CircleExclusion.class, c -> {
                    assertThat(c.name()).isEqualTo("police cordon");
                    assertThat(c.radiusM()).isEqualTo(35);
                });
        assertThat(back.privacyZones()).singleElement().satisfies(p -> assertThat(p.name())
                .isEqualTo("school courtyard"));
        assertThat(org.vigie.geofence.geodesy.Geodesy.distanceM(back.home(), home)).isLessThan(0.05);
        assertThat(SvgMap.write(scene)).contains(">police cordon</text>", ">school courtyard</text>");
    }

    @Test
    void reportJsonCarriesAccountabilityAndOutcome() throws Exception {
        Map<FlightPhase, Duration> times = new LinkedHashMap<>();
        times.put(FlightPhase.PREFLIGHT, Duration.ofMillis(1500));
        times.put(FlightPhase.TRANSIT, Duration.ofSeconds(42));
        FlightReport r = new FlightReport("A-1", "op\"1", "console 3", "alarm", 48.8, 2.3, FlightOutcome.COMPLETED,
                FlightPhase.DONE, "landed at home", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:03:00Z"), times, List.of(List.of(new TrackPoint(0, 48.8, 2.3, 30))),
                List.of(), 1200, 1234.5, 20.5, Double.NaN, List.of(FailsafeKind.BATTERY_RESERVE), 1, Double.NaN, null);
        String json = ReportJson.write(r);
        assertThat(json).contains("\"alertId\":\"A-1\"", "\"requesterId\":\"op\\\"1\"", "\"outcome\":\"COMPLETED\"",
                "\"PREFLIGHT\":1.5", "\"TRANSIT\":42.0", "\"energyUsedWh\":null", "\"failsafes\":[\"BATTERY_RESERVE\"]",
                "\"totalTimeS\":180.0", "\"plannedRoutes\":[[[0.0,48.8000000,2.3000000,30.0]]]", "\"flownTrack\":[]");
        // well-formed: json-simple (jts-io-common's JSON parser) reads it back
        var parsed = (org.json.simple.JSONObject) new org.json.simple.parser.JSONParser().parse(json);
        assertThat(parsed.get("requesterId")).isEqualTo("op\"1");
        assertThat(((Number) parsed.get("flownDistanceM")).doubleValue()).isEqualTo(1234.5);
    }

    @Test
    void jsonNumbersAndEscapes() {
        String s = new Json().beginObject().key("a").value(1.0).key("b").value(0.1).key("c").value(Double.NaN)
                .key("d").value("x\ny\u0001").key("e").beginArray().value(true).value(3L).endArray().endObject()
                .toString();
        assertThat(s).isEqualTo("{\"a\":1,\"b\":0.1,\"c\":null,\"d\":\"x\\ny\\u0001\",\"e\":[true,3]}");
    }
}

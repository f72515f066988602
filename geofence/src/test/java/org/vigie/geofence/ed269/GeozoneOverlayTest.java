package org.vigie.geofence.ed269;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.plan.PlanOptions;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.PolygonExclusion;

/** ED-269 zones applied to the Arsenal district for flight windows: exclusions, ceilings, waivers, refusals. */
class GeozoneOverlayTest {

    static District arsenal;
    static List<UasZone> sample;
    static final ZonePolicy STRICT = ZonePolicy.strict(35.0);

    @BeforeAll
    static void load() throws Exception {
        arsenal = ParisQuartiers.district(ParisQuartiers.byName(
                ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson")), "Arsenal"));
        sample = Ed269Reader.read(Ed269ReaderTest.SAMPLE);
    }

    static ZoneOutcome.Cleared cleared(ZoneOutcome o) {
        assertThat(o).isInstanceOf(ZoneOutcome.Cleared.class);
        return (ZoneOutcome.Cleared) o;
    }

    static List<String> names(District d) {
        return d.exclusions().stream().map(ExclusionZone::name).toList();
    }

    @Test
    void zonesOutsideTheirWindowLeaveTheDistrictAsItIs() {
        // Sunday 3 May 2026, 14:00 UTC: no dated, weekday or night zone applies; the library needs its authorisation
        GeozoneOverlay overlay = new GeozoneOverlay(sample, new ZonePolicy(35.0, Set.of("LFP4AR")));
        ZoneOutcome.Cleared c = cleared(overlay.apply(arsenal, Instant.parse("2026-05-03T14:00:00Z"),
                Instant.parse("2026-05-03T14:20:00Z")));
        assertThat(c.district()).isSameAs(arsenal);
        assertThat(c.applied()).isEmpty();
    }

    @Test
    void aZoneActivatingDuringTheFlightWindowIsAppliedFromTheDispatch() {
        GeozoneOverlay overlay = new GeozoneOverlay(sample, new ZonePolicy(35.0, Set.of("LFP4AR", "LFP4SN")));
        Instant dispatch = Instant.parse("2026-07-14T05:50:00Z");
        // a Tuesday: the weekday-morning ceiling (LFP4HV) applies too
        assertThat(cleared(overlay.apply(arsenal, dispatch, Instant.parse("2026-07-14T05:59:00Z"))).applied())
                .as("landed before the Bastille zone starts at 08:00 Paris time")
                .extracting(a -> a.zone().identifier()).containsExactly("LFP4HV");
        ZoneOutcome.Cleared c = cleared(overlay.apply(arsenal, dispatch, Instant.parse("2026-07-14T06:10:00Z")));
        assertThat(c.applied()).extracting(a -> a.zone().identifier()).containsExactly("LFP4BS", "LFP4HV");
        assertThat(c.district().exclusions()).filteredOn(z -> z.name().equals("ED-269 LFP4BS")).singleElement()
                .isInstanceOfSatisfying(CircleExclusion.class, z -> {
                    assertThat(z.radiusM()).isEqualTo(150.0);
                    assertThat(z.reason()).contains("PROHIBITED", "Bastille");
                });
        assertThat(c.district().name()).isEqualTo("Arsenal");
        assertThat(c.district().exclusions()).hasSize(arsenal.exclusions().size() + 1);
    }

    @Test
    void aZoneTheDroneFliesUnderLowersTheCeiling() {
        // Tuesday 3 March 2026, 08:30 Paris time: the weekday-morning zone from 262.5 ft AGL
        ZoneOutcome.Cleared c = cleared(new GeozoneOverlay(sample, new ZonePolicy(35.0, Set.of("LFP4AR")))
                .apply(arsenal, Instant.parse("2026-03-03T07:30:00Z"), Instant.parse("2026-03-03T07:45:00Z")));
        assertThat(c.applied()).singleElement().satisfies(a -> {
            assertThat(a.zone().identifier()).isEqualTo("LFP4HV");
            assertThat(a.effect()).isEqualTo(ZoneOutcome.Effect.CEILING);
        });
        assertThat(c.district().ceilingRelM()).isCloseTo(80.01, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(c.district().exclusions()).isEqualTo(arsenal.exclusions());
    }

    @Test
    void authorisationAndConditionZonesApplyUnlessWaived() {
        Instant night = Instant.parse("2026-05-03T23:00:00Z");
        ZoneOutcome.Cleared strict = cleared(new GeozoneOverlay(sample, STRICT).apply(arsenal, night,
                night.plusSeconds(900)));
        assertThat(strict.applied()).extracting(a -> a.zone().identifier()).containsExactly("LFP4AR", "LFP4SN");
        assertThat(names(strict.district())).contains("ED-269 LFP4AR", "ED-269 LFP4SN");

        ZoneOutcome.Cleared waived = cleared(new GeozoneOverlay(sample, new ZonePolicy(35.0,
                Set.of("LFP4AR", "LFP4SN", "LFP4BS"))).apply(arsenal, Instant.parse("2026-07-14T10:00:00Z"),
                Instant.parse("2026-07-14T10:10:00Z")));
        assertThat(waived.applied()).as("a PROHIBITED zone is never waived").extracting(a -> a.zone().identifier())
                .containsExactly("LFP4BS");
    }

    @Test
    void thePlannerStopsOutsideAnActiveZoneNamingIt() {
        ZoneOutcome.Cleared c = cleared(new GeozoneOverlay(sample, STRICT).apply(arsenal,
                Instant.parse("2026-05-03T14:00:00Z"), Instant.parse("2026-05-03T14:20:00Z")));
        GeoPoint inLibraryZone = GeoPoint.of(48.85175, 2.36125);
        PlanResult before = new DistrictPlanner(arsenal).plan(arsenal.home(), inLibraryZone, PlanOptions.DEFAULT);
        assertThat(before).isInstanceOfSatisfying(PlanResult.Planned.class,
                p -> assertThat(p.route().destination().lonDeg()).isEqualTo(2.36125));
        PlanResult r = new DistrictPlanner(c.district()).plan(arsenal.home(), inLibraryZone, PlanOptions.DEFAULT);
        assertThat(r).isInstanceOfSatisfying(PlanResult.Planned.class, p -> {
            assertThat(p.notes()).singleElement().asString().contains("'ED-269 LFP4AR'",
                    "Bibliothèque de l'Arsenal", "the route stops outside it");
            assertThat(c.district().geofence().exclusionAt(p.route().destination())).isEmpty();
            assertThat(p.route().horizontalPath()).allSatisfy(q -> assertThat(c.district().geofence()
                    .exclusionAt(q)).isEmpty());
        });
    }

    @Test
    void aLargeZoneIsClippedToTheDistrictSurroundings() {
        String big = "{\"features\": [{\"identifier\": \"LFBIG\", \"country\": \"FRA\", \"name\": \"Est\","
                + " \"restriction\": \"PROHIBITED\", \"geometry\": [{\"uomDimensions\": \"M\", \"lowerLimit\": 0,"
                + " \"lowerVerticalReference\": \"AGL\", \"upperLimit\": 500, \"upperVerticalReference\": \"AMSL\","
                + " \"horizontalProjection\": {\"type\": \"Polygon\", \"coordinates\": [[[2.3670, 48.70],"
                + " [2.60, 48.70], [2.60, 49.00], [2.3670, 49.00], [2.3670, 48.70]]]}}]}]}";
        ZoneOutcome.Cleared c = cleared(new GeozoneOverlay(Ed269Reader.parse(big), STRICT).apply(arsenal,
                Instant.parse("2026-05-03T14:00:00Z"), Instant.parse("2026-05-03T14:20:00Z")));
        PolygonExclusion z = (PolygonExclusion) c.district().exclusions().stream()
                .filter(e -> e.name().equals("ED-269 LFBIG")).findFirst().orElseThrow();
        assertThat(z.ring()).allSatisfy(p -> assertThat(Geodesy.distanceM(arsenal.home(), p)).isLessThan(2500));
        GeoPoint east = GeoPoint.of(48.8530, 2.3685);
        assertThat(c.district().geofence().exclusionAt(east)).isPresent();
        assertThat(c.district().geofence().exclusionAt(GeoPoint.of(48.8530, 2.3640))).isEmpty();
    }

    @Test
    void aZoneCoveringHomeBlocksTheFlightNamingIt() {
        GeoPoint h = arsenal.home();
        String overHome = "[{\"identifier\": \"LFHOME\", \"country\": \"FRA\", \"name\": \"Cordon\","
                + " \"restriction\": \"PROHIBITED\", \"message\": \"Intervention en cours\", \"applicability\":"
                + " [{\"permanent\": \"NO\", \"startDateTime\": \"2026-05-03T14:10:00Z\", \"endDateTime\":"
                + " \"2026-05-03T16:00:00Z\"}], \"geometry\": [{\"uomDimensions\": \"M\", \"lowerVerticalReference\":"
                + " \"AGL\", \"upperLimit\": 100, \"upperVerticalReference\": \"AGL\", \"horizontalProjection\":"
                + " {\"type\": \"Circle\", \"center\": [" + h.lonDeg() + ", " + h.latDeg() + "], \"radius\": 80}}]}]";
        ZoneOutcome o = new GeozoneOverlay(Ed269Reader.parse(overHome), STRICT).apply(arsenal,
                Instant.parse("2026-05-03T14:00:00Z"), Instant.parse("2026-05-03T14:20:00Z"));
        assertThat(o).isInstanceOfSatisfying(ZoneOutcome.Blocked.class, b -> {
            assertThat(b.zone().identifier()).isEqualTo("LFHOME");
            assertThat(b.reason()).contains("ED-269 zone LFHOME 'Cordon'", "Intervention en cours",
                    "covers the home", "district 'Arsenal'");
        });
    }
}

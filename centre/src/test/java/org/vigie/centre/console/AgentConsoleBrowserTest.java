package org.vigie.centre.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vigie.centre.CentreAction;
import org.vigie.centre.IncidentState;
import org.vigie.centre.IntakeResult;
import org.vigie.centre.alert.Alert;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * The console in a real browser: Debian's headless Chromium driven over the DevTools protocol, one browser and one
 * centre for the class, the tests in order (login first). Screenshots go to target/console-screenshots for a person
 * to look at. Without chromium the class is skipped, unless CI is set: then its absence fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static ConsoleRig rig;
    private static Cdp page;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Cdp.findChromium();
        if (chromium == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("chromium is not installed and CI=true: install it (apt-get install -y "
                        + "chromium; .ci/run does) to run the console's browser tests");
            }
            assumeTrue(false, "chromium is not installed: the console's browser tests are skipped "
                    + "(apt-get install -y chromium)");
        }
        rig = new ConsoleRig(200);
        page = Cdp.launch(chromium);
    }

    @AfterAll
    static void stop() throws Exception {
        if (page != null) {
            page.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    @Order(1)
    void anAgentLogsInAndThePageShowsTheDistrictsAndTheDrones() throws Exception {
        page.navigate(rig.url("/console/"));
        page.waitFor("document.getElementById('login') && window.vigie", WAIT);
        page.eval("document.getElementById('agentId').value = 'a1';"
                + "document.getElementById('token').value = " + js(ConsoleRig.A1_TOKEN) + ";"
                + "document.querySelector('#login button').click(); true");
        page.waitFor("document.body.dataset.districts === '2'", WAIT);
        page.waitFor("document.querySelectorAll('li.drone').length === 2", WAIT);
        assertThat(page.eval("document.body.dataset.privacyZones").asText()).isEqualTo("1");
        assertThat(page.eval("document.getElementById('who').textContent").asText()).isEqualTo("agent a1");
        assertThat(page.eval("document.querySelectorAll('path.leaflet-interactive').length").asInt())
                .as("district outlines and drone markers drawn by Leaflet").isGreaterThanOrEqualTo(4);
        assertThat(page.eval("document.getElementById('link').textContent").asText()).isEqualTo("live");
        assertThat(page.eval("document.documentElement.outerHTML").asText()).doesNotContain(ConsoleRig.ADMIN_TOKEN);
    }

    @Test
    @Order(2)
    void aLiveUpdateMovesADrone() throws Exception {
        GeoPoint home = rig.arsenal.home();
        double lat = Math.round((home.latDeg() + 0.0007) * 1e7) / 1e7;
        rig.centre.position(1, GeoPoint.of(lat, home.lonDeg()));
        page.waitFor("document.querySelector('li.drone[data-id=\"1\"]').dataset.lat === '" + lat + "'", WAIT);
    }

    @Test
    @Order(3)
    void anAgentCancelsAnIncidentAndTheCentreRecordsItWithTheAgentsIdentity() throws Exception {
        IntakeResult r = rig.centre.submit(new Alert.CallerPosition("caller-1", rig.arsenal.home().latDeg() - 0.0008,
                rig.arsenal.home().lonDeg() + 0.0012, DispatchPriority.URGENT, "smoke from a window")).get();
        String id = ((IntakeResult.Opened) r).incident().id();
        String item = "document.querySelector('li.incident[data-id=\"" + id + "\"]')";
        page.waitFor(item + " && " + item + ".dataset.state === 'AWAITING_APPROVAL'", WAIT);
        page.eval(item + ".click(); true");
        page.waitFor("document.getElementById('cancel')", WAIT);
        page.screenshot(SHOTS.resolve("incident-awaiting-approval.png"));
        page.eval("document.getElementById('message').className = ''; "
                + "document.getElementById('cancel').click(); true");
        page.waitFor("document.getElementById('message').className === 'ok'", WAIT);
        assertThat(page.eval("document.getElementById('message').textContent").asText()).isEqualTo("Done: cancelled");
        Cdp.await(() -> rig.trail().stream().anyMatch(c -> c.action() == CentreAction.CANCEL
                && "a1".equals(c.actor()) && id.equals(c.incidentId())), WAIT, "the centre recording a1's cancel");
        assertThat(rig.centre.incident(id).get().orElseThrow().state()).isEqualTo(IncidentState.CANCELLED);
        page.waitFor(item + ".dataset.state === 'CANCELLED'", WAIT);
        page.waitFor("document.querySelector('li.record[data-actor=\"a1\"][data-action=\"CANCEL\"]')", WAIT);
        page.screenshot(SHOTS.resolve("incident-cancelled.png"));
    }

    @Test
    @Order(4)
    void aRefusedActionShowsTheCentresReason() throws Exception {
        page.eval("document.getElementById('message').className = ''; "
                + "document.getElementById('recall-2').click(); true");
        page.waitFor("document.getElementById('message').className === 'refused'", WAIT);
        assertThat(page.eval("document.getElementById('message').textContent").asText())
                .isEqualTo("Refused: agent a1 is not on duty for drone 2 (agent a2 is)");
        page.screenshot(SHOTS.resolve("refused.png"));
    }

    @Test
    @Order(5)
    void anAgentRetasksADroneToAClickedPointAndThePageFollowsItsFlightAndItsCamera() throws Exception {
        double lat = 48.8552;
        double lon = 2.3672;
        page.eval("document.getElementById('message').className = ''; "
                + "document.getElementById('retask-1').click(); true");
        JsonNode xy = page.eval("(() => { const p = window.vigie.map.latLngToContainerPoint([" + lat + ", " + lon
                + "]); const r = document.getElementById('map').getBoundingClientRect();"
                + " return [r.left + p.x, r.top + p.y]; })()");
        page.click(xy.get(0).asDouble(), xy.get(1).asDouble());
        page.waitFor("/^(Done|Refused): /.test(document.getElementById('message').textContent)", WAIT);
        assertThat(page.eval("document.getElementById('message').textContent").asText()).startsWith("Done: ");
        DispatchRequest order = rig.orders.get(rig.orders.size() - 1);
        assertThat(order.requesterId()).isEqualTo("a1");
        assertThat(order.targetLatDeg()).isCloseTo(lat, org.assertj.core.data.Offset.offset(2e-5));
        assertThat(order.targetLonDeg()).isCloseTo(lon, org.assertj.core.data.Offset.offset(2e-5));

        GeoPoint home = rig.arsenal.home();
        String drone = "document.querySelector('li.drone[data-id=\"1\"]')";
        for (int i = 1; i <= 5; i++) {
            double f = i / 5.0;
            double pLat = Math.round((home.latDeg() + (lat - home.latDeg()) * f) * 1e7) / 1e7;
            double pLon = Math.round((home.lonDeg() + (lon - home.lonDeg()) * f) * 1e7) / 1e7;
            rig.fly(1, i < 5 ? FlightPhase.TRANSIT : FlightPhase.ON_SCENE, order.alertId(), GeoPoint.of(pLat, pLon));
            page.waitFor(drone + ".dataset.lat === '" + pLat + "' && " + drone + ".dataset.lon === '" + pLon + "'",
                    WAIT);
        }
        double c = 0.0003;
        rig.footprints.accept(new CameraFootprint(1, List.of(GeoPoint.of(48.8550 - c, 2.3662 - c),
                GeoPoint.of(48.8550 - c, 2.3662 + c), GeoPoint.of(48.8550 + c, 2.3662 + c),
                GeoPoint.of(48.8550 + c, 2.3662 - c)), Instant.now()));
        page.waitFor("document.querySelector('path.footprint.flagged')", WAIT);
        assertThat(page.eval(drone + ".textContent").asText()).contains("camera over privacy zone: school courtyard");
        assertThat(page.eval("window.vigie.state.drones[0].track.length").asInt()).isGreaterThanOrEqualTo(4);
        page.eval("document.querySelector('li.incident[data-id=\"" + order.alertId() + "\"]').click(); true");
        page.waitFor("document.getElementById('detail').textContent.includes('over privacy zone school courtyard')"
                + " && document.getElementById('detail').textContent.includes('TRANSIT')", WAIT);
        assertThat(page.eval("document.getElementById('detail').textContent").asText())
                .contains("launched bya1").contains("ON_SCENE");
        page.screenshot(SHOTS.resolve("on-scene-flagged-footprint.png"));
        page.eval("window.vigie.map.setView([" + home.latDeg() + ", " + home.lonDeg() + "], 16, { animate: false });"
                + " true");
        page.waitFor("document.querySelector('path.footprint.flagged')", WAIT);
        page.screenshot(SHOTS.resolve("console.png"));
    }

    @Test
    @Order(6)
    void thePageReconnectsAfterTheServerRestarts() throws Exception {
        int opens = page.eval("window.vigie.opens").asInt();
        rig.restart(200);
        page.waitFor("window.vigie.opens > " + opens + " && document.getElementById('link').textContent === 'live'",
                Duration.ofSeconds(15));
        GeoPoint home = rig.arsenal.home();
        double lat = Math.round((48.8552 - 0.0001) * 1e7) / 1e7;
        rig.centre.position(1, GeoPoint.of(lat, 2.3672));
        page.waitFor("document.querySelector('li.drone[data-id=\"1\"]').dataset.lat === '" + lat + "'", WAIT);
        page.screenshot(SHOTS.resolve("after-restart.png"));
    }
}

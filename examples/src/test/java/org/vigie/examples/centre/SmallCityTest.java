package org.vigie.examples.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.centre.CentreAction;
import org.vigie.centre.CentreEvent;
import org.vigie.centre.CentreOptions;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.InMemoryCentreRecorder;
import org.vigie.centre.IncidentState;
import org.vigie.centre.IncidentView;
import org.vigie.centre.IntakeResult;
import org.vigie.centre.Roster;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.Button;
import org.vigie.centre.alert.ButtonKind;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.alert.Refusal;
import org.vigie.centre.fleet.Availability;
import org.vigie.centre.fleet.DroneKeys;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.fleet.DroneState;
import org.vigie.centre.link.FleetLinks;
import org.vigie.dispatch.DispatchClientOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.time.SpeedUpClock;

/**
 * A small city end to end over real UDP loopback at 10x (the centre's end-to-end test; it lives here, where the
 * centre meets the flight code and the simulator, so that it flies the same {@link SimulatedDrone} as the example): four quartiers, four simulated drones (simulator, companion,
 * dispatch server, telemetry relay), each on its own signed link with its own key. A button press and a caller's
 * alert fly to the scene with the agents in the loop; a flood of presses is merged and refused; a drone signing with
 * the wrong key is never heard and its district stays uncovered; a revoked key takes its drone down at once; the
 * rest of the fleet is undisturbed.
 */
class SmallCityTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SigningKey key(int n) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (n * 31 + i * 7 + 1);
        }
        return SigningKey.of(b);
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void fourDronesOverSignedUdpServeAlertsWithAgentsAndABadKeyOrARevokedOneLeavesTheRestUndisturbed()
            throws Exception {
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        List<District> districts = new ArrayList<>();
        for (String n : List.of("Arsenal", "Saint-Merri", "Saint-Gervais", "Notre-Dame")) {
            districts.add(ParisQuartiers.district(ParisQuartiers.byName(qs, n)));
        }
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < districts.size(); i++) {
            GeoPoint p = DemoZones.offset(districts.get(i), 120, 80);
            if (!districts.get(i).geofence().contains(p)) {
                p = DemoZones.offset(districts.get(i), 60, 40);
            }
            buttons.add(new Button("B" + (i + 1), p, ButtonKind.STREET_POST));
        }
        DroneKeys keys = new DroneKeys();
        for (int i = 1; i <= 4; i++) {
            keys.add("k" + i, key(i));
        }
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        SpeedUpClock clock = new SpeedUpClock(10.0, Clock.systemUTC(), RealtimeScheduler.DEFAULT_MAX_LATENESS);
        InMemoryCentreRecorder recorder = new InMemoryCentreRecorder();
        List<SimulatedDrone> drones = new ArrayList<>();
        List<RealtimeScheduler> airs = new ArrayList<>();
        Map<String, CompletableFuture<IncidentView>> ended = new ConcurrentHashMap<>();
        Map<Integer, CompletableFuture<Void>> back = new ConcurrentHashMap<>();
        Map<Integer, CompletableFuture<String>> down = new ConcurrentHashMap<>();
        try (RealtimeScheduler centreScheduler = new RealtimeScheduler("centre", clock);
             RealtimeScheduler droneDispatch = new RealtimeScheduler("drone-dispatch", clock)) {
            CentreOptions options = CentreOptions.defaults().withTurnaround(Duration.ZERO)
                    .withSilenceTimeout(Duration.ofSeconds(20)).withOnSceneTime(Duration.ofSeconds(20));
            SigningTimestamps ts = SigningTimestamps.open(centreScheduler, TimestampStore.inMemory(null));
            FleetLinks[] links = {new FleetLinks(centreScheduler, callbacks, keys, ts,
                    DispatchClientOptions.defaults().withRetries(Duration.ofSeconds(3), 6))};
            DispatchCentre centre = DispatchCentre.start(centreScheduler, callbacks, new DistrictIndex(districts),
                    ButtonRegistry.of(buttons), links[0], recorder, options);
            links[0].feed(centre);
            DispatchCentre[] holder = {centre};
            centre.onEvent(e -> {
                if (e instanceof CentreEvent.IncidentChanged c && c.incident().state().terminal()) {
                    ended.computeIfAbsent(c.incident().id(), k -> new CompletableFuture<>()).complete(c.incident());
                } else if (e instanceof CentreEvent.DroneBack b) {
                    back.computeIfAbsent(b.droneSystemId(), k -> new CompletableFuture<>()).complete(null);
                } else if (e instanceof CentreEvent.DroneDown d) {
                    down.computeIfAbsent(d.droneSystemId(), k -> new CompletableFuture<>()).complete(d.reason());
                } else if (e instanceof CentreEvent.AgentAsked a) {
                    if (a.approval()) {
                        holder[0].approve(a.agentId(), a.incident().id());
                    } else {
                        holder[0].confirm(a.agentId(), a.incident().id());
                    }
                }
            });
            try {
                List<DroneRecord> records = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    District d = districts.get(i - 1);
                    DroneRecord r = new DroneRecord(i, d.name(), "k" + i, d.home());
                    centre.register(r);
                    records.add(r);
                    int port = freePort();
                    // drone 4 speaks with a key the centre does not have for it
                    RealtimeScheduler air = new RealtimeScheduler("air-" + i, clock);
                    airs.add(air);
                    drones.add(new SimulatedDrone(i, d, i == 4 ? key(99) : key(i), port, air, droneDispatch,
                            callbacks, i));
                    links[0].connect(r, "udpout://127.0.0.1:" + port);
                }
                centre.setRoster(Roster.roundRobin(List.of(1, 2, 3, 4), List.of("agent-ana", "agent-bo")));
                DroneRecord unknownKey = new DroneRecord(9, districts.get(0).name(), "k-missing",
                        districts.get(0).home());
                assertThatThrownBy(() -> links[0].connect(unknownKey, "udpout://127.0.0.1:9"))
                        .hasMessageContaining("signing key 'k-missing' is unknown");

                for (int i = 1; i <= 3; i++) {
                    back.computeIfAbsent(i, k -> new CompletableFuture<>()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }

                IntakeResult press = centre.submit(new Alert.ButtonPress("B1")).get(10, TimeUnit.SECONDS);
                assertThat(press).isInstanceOf(IntakeResult.Opened.class);
                String pressId = ((IntakeResult.Opened) press).incident().id();
                GeoPoint merri = buttons.get(1).position();
                IntakeResult call = centre.submit(new Alert.CallerPosition("operator-7", merri.latDeg(),
                        merri.lonDeg(), DispatchPriority.EMERGENCY, "person down")).get(10, TimeUnit.SECONDS);
                String callId = ((IntakeResult.Opened) call).incident().id();

                // a flood of presses in district 2: merged into the caller's incident, then refused, counted
                int merged = 0;
                int flooded = 0;
                for (int i = 0; i < 30; i++) {
                    IntakeResult r = centre.submit(new Alert.ButtonPress("B2")).get(10, TimeUnit.SECONDS);
                    if (r instanceof IntakeResult.Merged) {
                        merged++;
                    } else if (r instanceof IntakeResult.Refused f && f.refusal().code() == Refusal.Code.FLOOD) {
                        flooded++;
                    }
                }
                assertThat(merged).isEqualTo(5);
                assertThat(flooded).isEqualTo(25);

                IncidentView p = ended.computeIfAbsent(pressId, k -> new CompletableFuture<>())
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                IncidentView c = ended.computeIfAbsent(callId, k -> new CompletableFuture<>())
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(p.state()).as(p.reason()).isEqualTo(IncidentState.ON_SCENE);
                assertThat(c.state()).as(c.reason()).isEqualTo(IncidentState.ON_SCENE);
                assertThat(p.launchedAt()).isNotNull();
                assertThat(c.alerts()).isEqualTo(6);
                assertThat(recorder.records()).anySatisfy(r -> {
                    assertThat(r.action()).isEqualTo(CentreAction.APPROVED);
                    assertThat(r.incidentId()).isEqualTo(callId);
                    assertThat(r.actor()).isEqualTo("agent-bo");
                });
                assertThat(recorder.records()).anySatisfy(r -> {
                    assertThat(r.action()).isEqualTo(CentreAction.CONFIRMED);
                    assertThat(r.actor()).isEqualTo("agent-ana");
                });

                // the drone with the wrong key is never heard: down, its district refused; frames counted
                IntakeResult nd = centre.submit(new Alert.ButtonPress("B4")).get(10, TimeUnit.SECONDS);
                IncidentView ndv = ((IntakeResult.Opened) nd).incident();
                assertThat(ndv.state()).isEqualTo(IncidentState.REFUSED);
                assertThat(ndv.reason()).contains("drone 4 of district 'Notre-Dame' is down: never heard");
                assertThat(links[0].rejectedFrames(4)).isPositive();

                // revoking drone 3's key: down at once, its alerts refused, the others fly on
                assertThat(links[0].revoke("k3")).isEqualTo(1);
                assertThat(down.computeIfAbsent(3, k -> new CompletableFuture<>()).get(10, TimeUnit.SECONDS))
                        .contains("revoked");
                IntakeResult r3 = centre.submit(new Alert.ButtonPress("B3")).get(10, TimeUnit.SECONDS);
                assertThat(((IntakeResult.Opened) r3).incident().state()).isEqualTo(IncidentState.REFUSED);
                assertThatThrownBy(() -> links[0].connect(records.get(2), "udpout://127.0.0.1:9"))
                        .hasMessageContaining("signing key 'k3' is revoked");

                List<DroneState> fleet = centre.fleet().get(10, TimeUnit.SECONDS);
                DroneState d1 = fleet.get(0);
                assertThat(d1.availability()).isIn(Availability.IN_FLIGHT, Availability.RETURNING,
                        Availability.READY);
                assertThat(d1.position()).isNotNull();
                assertThat(districts.get(0).geofence().contains(d1.position())).isTrue();
                assertThat(d1.batteryPct()).isBetween(1.0, 100.0);
                assertThat(d1.linkQualityPct()).isGreaterThan(50.0);
                assertThat(fleet.get(3).availability()).isEqualTo(Availability.DOWN);
                assertThat(fleet.get(2).availability()).isEqualTo(Availability.DOWN);
                assertThat(down).doesNotContainKeys(1, 2);
                assertThat(centre.stats().onScene()).isEqualTo(2);
            } finally {
                links[0].close();
                centre.close();
                drones.forEach(SimulatedDrone::close);
                airs.forEach(RealtimeScheduler::close);
            }
        } finally {
            callbacks.shutdownNow();
        }
    }
}

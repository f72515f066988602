package org.vigie.fleet.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.vigie.centre.CentreEvent;
import org.vigie.centre.CentreOptions;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.InMemoryCentreRecorder;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.DroneKeys;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.link.FleetLinks;
import org.vigie.dispatch.DispatchClientOptions;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.time.SpeedUpClock;

/**
 * A city on a real Mosquitto started for the test: its broker (generated password and ACL files), districts, keys,
 * drones and centres. Skips with a sentence when mosquitto is not installed, unless CI=true (then it fails).
 */
final class BrokerRig implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final FleetTopics CITY = new FleetTopics("paris");
    static final String CENTRE_PASSWORD = "centre-secret";

    /** One centre on the broker and what it told. */
    record CentreSide(String id, DispatchCentre centre, MqttFleet fleet, Map<Integer, CompletableFuture<String>> down,
                      Map<Integer, CompletableFuture<Void>> back) {
        CompletableFuture<Void> back(int id) {
            return back.computeIfAbsent(id, k -> new CompletableFuture<>());
        }

        CompletableFuture<String> down(int id) {
            return down.computeIfAbsent(id, k -> new CompletableFuture<>());
        }
    }

    final MosquittoBroker broker;
    final List<District> districts = new ArrayList<>();
    final DroneKeys keys = new DroneKeys();
    final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    final SpeedUpClock clock = new SpeedUpClock(4.0, Clock.systemUTC(), RealtimeScheduler.DEFAULT_MAX_LATENESS);
    final RealtimeScheduler droneDispatch = new RealtimeScheduler("drone-dispatch", clock);
    private final List<AutoCloseable> closing = new ArrayList<>();

    static void requireMosquitto() {
        if (MosquittoBroker.executable().isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("mosquitto is not installed and CI=true: .ci/run installs it "
                        + "(apt-get install -y mosquitto)");
            }
            Assumptions.abort("mosquitto is not installed: the broker tests are skipped "
                    + "(apt-get install -y mosquitto to run them)");
        }
    }

    static SigningKey key(int n) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (n * 31 + i * 7 + 1);
        }
        return SigningKey.of(b);
    }

    static String dronePassword(int id) {
        return "drone-secret-" + id;
    }

    BrokerRig(Path dir, int drones, List<String> centres) throws Exception {
        requireMosquitto();
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        List<String> names = List.of("Arsenal", "Saint-Merri", "Saint-Gervais", "Notre-Dame");
        for (int i = 0; i < drones; i++) {
            districts.add(ParisQuartiers.district(ParisQuartiers.byName(qs, names.get(i))));
            keys.add("k" + (i + 1), key(i + 1));
        }
        Map<String, String> cs = new LinkedHashMap<>();
        centres.forEach(c -> cs.put(c, CENTRE_PASSWORD));
        Map<Integer, String> ds = new LinkedHashMap<>();
        for (int i = 1; i <= drones + 1; i++) {
            ds.put(i, dronePassword(i));
        }
        broker = MosquittoBroker.start(dir, CITY, cs, ds);
    }

    MqttOptions options(String user, String password) {
        return MqttOptions.of("127.0.0.1", broker.port(), user, password).withKeepAlive(Duration.ofSeconds(2))
                .withReconnect(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    CentreSide centre(String id, CentreRole role) throws Exception {
        RealtimeScheduler scheduler = new RealtimeScheduler("centre-" + id, clock);
        SigningTimestamps ts = SigningTimestamps.open(scheduler, TimestampStore.inMemory(null));
        FleetLinks links = new FleetLinks(scheduler, callbacks, keys, ts,
                DispatchClientOptions.defaults().withRetries(Duration.ofSeconds(3), 6));
        MqttFleet fleet = MqttFleet.start(CITY, id, role, options(id, CENTRE_PASSWORD), links);
        DispatchCentre centre = DispatchCentre.start(scheduler, callbacks, new DistrictIndex(districts),
                ButtonRegistry.of(List.of()), fleet, new InMemoryCentreRecorder(),
                CentreOptions.defaults().withTurnaround(Duration.ZERO).withSilenceTimeout(Duration.ofSeconds(20)));
        fleet.feed(centre);
        CentreSide side = new CentreSide(id, centre, fleet, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        centre.onEvent(e -> {
            if (e instanceof CentreEvent.DroneBack b) {
                side.back(b.droneSystemId()).complete(null);
            } else if (e instanceof CentreEvent.DroneDown d) {
                side.down(d.droneSystemId()).complete(d.reason());
            }
        });
        for (int i = 1; i <= districts.size(); i++) {
            DroneRecord r = new DroneRecord(i, districts.get(i - 1).name(), "k" + i, districts.get(i - 1).home());
            centre.register(r);
            fleet.connect(r);
        }
        closing.add(0, scheduler);
        closing.add(0, centre);
        closing.add(0, fleet);
        return side;
    }

    MqttSimDrone drone(int id) throws Exception {
        MqttSimDrone d = new MqttSimDrone(id, districts.get(id - 1), key(id), CITY,
                options("drone-" + id, dronePassword(id)), clock, droneDispatch, callbacks);
        closing.add(0, d);
        return d;
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Polls a condition every 50 ms up to {@link #WAIT} (what the broker does runs on its own process). */
    static void eventually(java.util.function.Supplier<String> what, java.util.function.BooleanSupplier ok)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!ok.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("waiting for " + what.get()).isTrue();
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing everything regardless
            }
        }
        droneDispatch.close();
        callbacks.shutdownNow();
        broker.close();
    }
}

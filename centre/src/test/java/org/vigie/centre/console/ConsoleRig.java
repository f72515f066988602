package org.vigie.centre.console;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vigie.centre.CentreOptions;
import org.vigie.centre.CentreRecord;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.DroneCommands;
import org.vigie.centre.InMemoryCentreRecorder;
import org.vigie.centre.Roster;
import org.vigie.centre.alert.Button;
import org.vigie.centre.alert.ButtonKind;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.http.CentreHttpServer;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.io.GeoJsonDistricts;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.FlightPhase;
import org.vigie.dispatch.FlightStatusUpdate;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.RealtimeScheduler;

/**
 * A centre with two districts (Arsenal: drone 1, agent a1; Saint-Merri: drone 2, agent a2), its HTTP server and the
 * console on loopback; orders to drones are kept and accepted at once (flight 100 + the drone's id), the flights
 * themselves are played by the test ({@link #fly}). The server can be restarted on its port.
 */
final class ConsoleRig implements AutoCloseable {

    static final String ADMIN_TOKEN = "admin-token-0123456789";
    static final String A1_TOKEN = "a1-token-0123456789abc";
    static final String A2_TOKEN = "a2-token-0123456789abc";
    static final String OLD_TOKEN = "old-token-0123456789abc";

    final List<DispatchRequest> orders = new CopyOnWriteArrayList<>();
    final InMemoryCentreRecorder trail = new InMemoryCentreRecorder();
    final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    final RealtimeScheduler scheduler = new RealtimeScheduler("centre", 1.0, Clock.systemUTC());
    final District arsenal;
    final District merri;
    final DispatchCentre centre;
    final AgentTokens tokens;
    final ConsoleRecorder records;
    final Footprints footprints = new Footprints();
    private int statusSeq;
    CentreHttpServer server;
    AgentConsole console;

    ConsoleRig(long periodMs) throws Exception {
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        arsenal = GeoJsonDistricts.read(Files.readString(Path.of("..", "data", "districts", "arsenal.geojson")));
        merri = ParisQuartiers.district(ParisQuartiers.byName(qs, "Saint-Merri"));
        DroneCommands kept = new DroneCommands() {
            @Override
            public CompletableFuture<DispatchAck> dispatch(int drone, DispatchRequest r) {
                orders.add(r);
                return CompletableFuture.completedFuture(new DispatchAck(orders.size(), AckStatus.ACCEPTED,
                        100 + drone, "accepted", 1, drone));
            }

            @Override
            public CompletableFuture<DispatchAck> retask(int drone, long flightId, DispatchRequest r) {
                orders.add(r);
                return CompletableFuture.completedFuture(new DispatchAck(orders.size(), AckStatus.RETASKED,
                        flightId, "retasked", 1, drone));
            }

            @Override
            public CompletableFuture<DispatchAck> cancel(int drone, long flightId, String who, String origin,
                                                         String why) {
                return CompletableFuture.completedFuture(new DispatchAck(orders.size(), AckStatus.CANCELLED,
                        flightId, "cancelled", 1, drone));
            }
        };
        records = new ConsoleRecorder(trail, 200, 1000, 1000);
        centre = DispatchCentre.start(scheduler, callbacks, new DistrictIndex(List.of(arsenal, merri)),
                ButtonRegistry.of(List.of(new Button("B1", arsenal.home(), ButtonKind.STREET_POST))), kept, records,
                CentreOptions.defaults().withSilenceTimeout(Duration.ofMinutes(10)));
        centre.register(new DroneRecord(1, arsenal.name(), "k1", arsenal.home()));
        centre.register(new DroneRecord(2, merri.name(), "k2", merri.home()));
        centre.setRoster(Roster.empty().assign(1, "a1").assign(2, "a2"));
        centre.heard(1);
        centre.heard(2);
        centre.battery(1, 87);
        centre.battery(2, 64);
        tokens = new AgentTokens(List.of(new AgentToken("a1", A1_TOKEN, Instant.now().plusSeconds(3600)),
                new AgentToken("a2", A2_TOKEN, Instant.now().plusSeconds(3600)),
                new AgentToken("old", OLD_TOKEN, Instant.now().minusSeconds(60))), Clock.systemUTC());
        start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), periodMs);
    }

    private void start(InetSocketAddress at, long periodMs) throws Exception {
        server = CentreHttpServer.start(centre, at, ADMIN_TOKEN, 4096, Duration.ofSeconds(5), 4);
        console = AgentConsole.mount(server, centre, tokens, records, footprints, Clock.systemUTC(), periodMs,
                Duration.ofSeconds(5));
    }

    /** Stops the server and the console, then starts them again on the same port (the centre keeps running). */
    void restart(long periodMs) throws Exception {
        int port = server.port();
        console.close();
        server.close();
        start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), periodMs);
    }

    /**
     * A drone's flight as its FLIGHT_STATUS says it, and its position.
     *
     * @param drone   the drone
     * @param phase   the phase
     * @param alertId the incident flown
     * @param at      where it is
     */
    void fly(int drone, FlightPhase phase, String alertId, GeoPoint at) {
        centre.flightStatus(new FlightStatusUpdate(drone, new DispatchMessage.FlightStatus(100 + drone, 1,
                ++statusSeq, phase, Optional.empty(), alertId, phase.name())));
        centre.position(drone, at);
        centre.heard(drone);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    List<CentreRecord> trail() {
        return trail.records();
    }

    @Override
    public void close() {
        console.close();
        server.close();
        centre.close();
        scheduler.close();
        callbacks.shutdownNow();
    }
}

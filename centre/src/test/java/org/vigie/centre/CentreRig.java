package org.vigie.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.Button;
import org.vigie.centre.alert.ButtonKind;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.fleet.DroneState;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.dispatch.FlightStatusUpdate;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.ManualScheduler;

/**
 * A centre on a {@link ManualScheduler} with hand-answered drones: three quartier districts (Arsenal with drone 1,
 * Saint-Merri with drone 2, Saint-Gervais with no drone), buttons at named offsets from each home, agent A1 watching
 * drone 1 and A2 drone 2.
 */
final class CentreRig implements AutoCloseable {

    /** One order the centre sent, answered by the test. */
    record Order(String kind, int drone, long flightId, DispatchRequest request, String requesterId, String reason,
                 CompletableFuture<DispatchAck> answer) {
    }

    final ManualScheduler scheduler = new ManualScheduler();
    final InMemoryCentreRecorder recorder = new InMemoryCentreRecorder();
    final List<Order> orders = new CopyOnWriteArrayList<>();
    final List<CentreEvent> events = new CopyOnWriteArrayList<>();
    final District arsenal;
    final District merri;
    final District gervais;
    final DispatchCentre centre;
    private int seq;

    CentreRig(CentreOptions options) throws IOException {
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        arsenal = ParisQuartiers.district(ParisQuartiers.byName(qs, "Arsenal"));
        merri = ParisQuartiers.district(ParisQuartiers.byName(qs, "Saint-Merri"));
        gervais = ParisQuartiers.district(ParisQuartiers.byName(qs, "Saint-Gervais"));
        List<Button> buttons = new ArrayList<>();
        buttons.add(button("A0", arsenal, 0, 0, ButtonKind.STREET_POST));
        buttons.add(button("A0b", arsenal, 40, 30, ButtonKind.STREET_POST));
        List<GeoPoint> far = spread(arsenal, 3);
        buttons.add(new Button("A1", far.get(0), ButtonKind.STREET_POST));
        buttons.add(new Button("A2", far.get(1), ButtonKind.PERSONAL_DEVICE));
        buttons.add(new Button("A3", far.get(2), ButtonKind.STREET_POST));
        buttons.add(button("M0", merri, 0, 0, ButtonKind.STREET_POST));
        buttons.add(button("G0", gervais, 0, 0, ButtonKind.STREET_POST));
        DroneCommands commands = new DroneCommands() {
            @Override
            public CompletableFuture<DispatchAck> dispatch(int drone, DispatchRequest request) {
                return add("dispatch", drone, 0, request, request.requesterId(), request.reason());
            }

            @Override
            public CompletableFuture<DispatchAck> retask(int drone, long flightId, DispatchRequest request) {
                return add("retask", drone, flightId, request, request.requesterId(), request.reason());
            }

            @Override
            public CompletableFuture<DispatchAck> cancel(int drone, long flightId, String requesterId, String origin,
                                                         String reason) {
                return add("cancel", drone, flightId, null, requesterId, reason);
            }
        };
        centre = DispatchCentre.start(scheduler, scheduler.callbackExecutor(),
                new DistrictIndex(List.of(arsenal, merri, gervais)), ButtonRegistry.of(buttons), commands, recorder,
                options);
        centre.onEvent(events::add);
        centre.register(new DroneRecord(1, arsenal.name(), "k1", arsenal.home()));
        centre.register(new DroneRecord(2, merri.name(), "k2", merri.home()));
        centre.setRoster(Roster.empty().assign(1, "A1").assign(2, "A2"));
        centre.heard(1);
        centre.heard(2);
        step();
    }

    private CompletableFuture<DispatchAck> add(String kind, int drone, long flightId, DispatchRequest r,
                                               String requester, String reason) {
        CompletableFuture<DispatchAck> f = new CompletableFuture<>();
        orders.add(new Order(kind, drone, flightId, r, requester, reason, f));
        return f;
    }

    static Button button(String id, District d, double east, double north, ButtonKind kind) {
        GeoPoint p = DemoZones.offset(d, east, north);
        assertThat(d.geofence().contains(p)).as("button %s inside %s", id, d.name()).isTrue();
        return new Button(id, p, kind);
    }

    /** Points of a district at least 20 m inside, more than 200 m from its home and from each other. */
    static List<GeoPoint> spread(District d, int count) {
        List<GeoPoint> out = new ArrayList<>();
        for (int a = 0; a < 360 && out.size() < count; a += 20) {
            for (double m = 600; m >= 210; m -= 30) {
                GeoPoint p = DemoZones.offset(d, m * Math.sin(Math.toRadians(a)), m * Math.cos(Math.toRadians(a)));
                if (d.geofence().signedDistanceM(p) >= 20 && out.stream().allMatch(
                        q -> org.vigie.geofence.geodesy.Geodesy.distanceM(p, q) > 200)) {
                    out.add(p);
                    break;
                }
            }
        }
        assertThat(out).as("spread points of %s", d.name()).hasSize(count);
        return out;
    }

    /** Runs what is due (a few ms of centre time). */
    void step() {
        scheduler.advance(Duration.ofMillis(5));
    }

    void advance(Duration d) {
        scheduler.advance(d);
    }

    /** Advances time second by second, both drones heard each second. */
    void advanceHeard(Duration d) {
        for (long s = 0; s < d.toSeconds(); s++) {
            centre.heard(1);
            centre.heard(2);
            scheduler.advance(Duration.ofSeconds(1));
        }
    }

    <T> T get(CompletableFuture<T> f) {
        step();
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    IntakeResult press(String button) {
        return get(centre.submit(new Alert.ButtonPress(button)));
    }

    IncidentView incident(String id) {
        Optional<IncidentView> v = get(centre.incident(id));
        return v.orElseThrow();
    }

    DroneState drone(int id) {
        return get(centre.fleet()).stream().filter(d -> d.drone().systemId() == id).findFirst().orElseThrow();
    }

    Order lastOrder() {
        assertThat(orders).isNotEmpty();
        return orders.get(orders.size() - 1);
    }

    /** Answers the last order. */
    void answer(AckStatus status, long flightId, String message) {
        Order o = lastOrder();
        o.answer().complete(new DispatchAck(1, status, flightId, message, 1, o.drone()));
        step();
    }

    /** A FLIGHT_STATUS from a drone. */
    void status(int drone, long flightId, FlightPhase phase, String alertId) {
        centre.flightStatus(new FlightStatusUpdate(drone, new DispatchMessage.FlightStatus(flightId, 1, ++seq, phase,
                Optional.empty(), alertId, phase.name())));
        step();
    }

    void ended(int drone, long flightId, FlightOutcome outcome, String alertId) {
        FlightPhase phase = outcome == FlightOutcome.COMPLETED ? FlightPhase.DONE
                : outcome == FlightOutcome.FAILED ? FlightPhase.FAILED : FlightPhase.ABORTED;
        centre.flightStatus(new FlightStatusUpdate(drone, new DispatchMessage.FlightStatus(flightId, 1, ++seq, phase,
                Optional.of(outcome), alertId, "ended " + outcome)));
        step();
    }

    static String id(IntakeResult r) {
        if (r instanceof IntakeResult.Opened o) {
            return o.incident().id();
        }
        if (r instanceof IntakeResult.Merged m) {
            return m.incident().id();
        }
        throw new AssertionError("refused: " + r);
    }

    List<CentreRecord> records(CentreAction action) {
        return recorder.records().stream().filter(r -> r.action() == action).toList();
    }

    @Override
    public void close() {
        centre.close();
    }
}

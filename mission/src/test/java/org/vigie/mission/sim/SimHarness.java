package org.vigie.mission.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.mission.FlightReport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/** A companion attached to the simulated ArduCopter over an in-memory pair, all on one ManualScheduler. */
public final class SimHarness implements AutoCloseable {

    public final ManualScheduler scheduler = new ManualScheduler();
    public final SimVehicle sim;
    public final MavlinkLink link;
    public final Companion companion;
    public final District district;
    public final List<FlightEvent> events = new CopyOnWriteArrayList<>();

    public SimHarness(District district, SimConfig.Builder simConfig, CompanionOptions options) {
        this.district = district;
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sim");
        GeoPoint h = district.home();
        sim = new SimVehicle(simConfig.home(h.latDeg(), h.lonDeg(), 35).build(), scheduler, pair[1]).start();
        link = MavlinkLink.create(LinkConfig.of(1), scheduler, scheduler.callbackExecutor(), pair[0]);
        companion = Companion.attach(link, district, options);
    }

    public static List<ParisQuartiers.Quartier> quartiers() throws IOException {
        return ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
    }

    public static District quartier(String name) throws IOException {
        return ParisQuartiers.district(ParisQuartiers.byName(quartiers(), name));
    }

    public Flight dispatch(DispatchRequest r) {
        Flight f = companion.dispatch(r);
        f.addListener(events::add);
        return f;
    }

    /** Runs simulated time until the flight ends (or the limit), returns the report or null. */
    public FlightReport fly(Flight f, Duration limit) {
        scheduler.advanceUntil(() -> f.report().isDone(), Duration.ofMillis(100), limit);
        if (Boolean.getBoolean("vigie.debug")) {
            events.stream().filter(e -> !(e instanceof FlightEvent.Progress)).forEach(System.out::println);
        }
        return f.report().getNow(null);
    }

    public void advance(Duration d) {
        scheduler.advance(d);
    }

    public static DispatchRequest.Builder request(String alert, GeoPoint target) {
        return DispatchRequest.builder(alert, target.latDeg(), target.lonDeg()).reason("test alert")
                .requester("tester", "unit test").onSceneTime(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        companion.close();
        link.close();
        sim.close();
    }
}

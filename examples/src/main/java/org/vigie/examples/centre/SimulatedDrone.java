package org.vigie.examples.centre;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.vigie.centre.link.TelemetryRelay;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.Scheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.dispatch.DispatchServer;
import org.vigie.mission.dispatch.DispatchServerOptions;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * One whole simulated drone as a dispatch centre meets it: the simulated ArduCopter and the companion over an
 * in-memory pair (on the {@code air} scheduler), and the drone's signed dispatch link listening on UDP
 * ({@code udpin://127.0.0.1:port}) with its {@link DispatchServer} and the {@link TelemetryRelay} (on the
 * {@code dispatch} scheduler). Several drones may share both schedulers. Close it to stop everything it started.
 */
public final class SimulatedDrone implements AutoCloseable {

    private final int systemId;
    private final int port;
    private final SimVehicle sim;
    private final MavlinkLink autopilot;
    private final Companion companion;
    private final MavlinkLink dispatchLink;
    private final DispatchServer server;
    private final TelemetryRelay relay;

    /**
     * Starts a drone.
     *
     * @param systemId  its system id on the dispatch link (1..254)
     * @param district  the district it serves (its dock is the district's home)
     * @param key       its dispatch signing key (the centre must hold the same under the drone's key id)
     * @param port      the UDP port its dispatch link listens on (loopback)
     * @param air       the scheduler of the simulator and the companion
     * @param dispatch  the scheduler of the dispatch link
     * @param callbacks the callback executor
     * @param seed      the simulator's random seed
     * @throws IOException if the UDP port cannot be opened
     */
    public SimulatedDrone(int systemId, District district, SigningKey key, int port, Scheduler air,
                          Scheduler dispatch, Executor callbacks, long seed) throws IOException {
        this.systemId = systemId;
        this.port = port;
        InMemoryTransport[] pair = InMemoryTransport.pair("companion-" + systemId, "sim-" + systemId);
        this.sim = new SimVehicle(SimConfig.builder().fastBoot().seed(seed)
                .home(district.home().latDeg(), district.home().lonDeg(), 35).build(), air, pair[1]).start();
        this.autopilot = MavlinkLink.create(LinkConfig.of(1), air, callbacks, pair[0]);
        this.companion = Companion.attach(autopilot, district, CompanionOptions.defaults());
        SigningTimestamps ts = SigningTimestamps.open(dispatch, TimestampStore.inMemory(null));
        this.dispatchLink = MavlinkLink.open(DispatchSecurity.signedLink(LinkConfig.of(systemId), key, ts, 0),
                dispatch, callbacks, "udpin://127.0.0.1:" + port);
        this.server = DispatchServer.start(companion, dispatchLink, DispatchServerOptions.defaults()
                .withStatusRepeatPeriod(Duration.ofSeconds(2)));
        this.relay = TelemetryRelay.start(autopilot, dispatchLink, Duration.ofSeconds(1));
    }

    /**
     * Simulates the dock's charger: after every flight ends, the battery is full again once {@code after} has passed
     * (air scheduler time).
     *
     * @param after the charging time
     * @param air   the scheduler the drone was started on
     * @return this drone
     */
    public SimulatedDrone dockCharging(Duration after, Scheduler air) {
        companion.onFlightStarted(f -> f.report().whenComplete((r, e) ->
                air.schedule(after, () -> sim.faults().batteryRemaining(1.0))));
        return this;
    }

    /** @return its system id */
    public int systemId() {
        return systemId;
    }

    /** @return its dispatch UDP port */
    public int port() {
        return port;
    }

    /** @return the simulator (ground truth, faults) */
    public SimVehicle sim() {
        return sim;
    }

    /** @return the companion */
    public Companion companion() {
        return companion;
    }

    /** Stops the relay, server, links, companion and simulator. */
    @Override
    public void close() {
        relay.close();
        server.close();
        dispatchLink.close();
        companion.close();
        autopilot.close();
        sim.close();
    }
}

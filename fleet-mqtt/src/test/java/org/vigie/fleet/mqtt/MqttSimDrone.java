package org.vigie.fleet.mqtt;

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
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.time.SpeedUpClock;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.dispatch.DispatchServer;
import org.vigie.mission.dispatch.DispatchServerOptions;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * One simulated drone on the broker: simulator and companion over an in-memory pair, the drone's unchanged dispatch
 * server and telemetry relay on a signed dispatch link whose transport is an {@link MqttDroneBridge}.
 */
final class MqttSimDrone implements AutoCloseable {

    final int systemId;
    final MqttDroneBridge bridge;
    final Companion companion;
    final DispatchServer server;
    /** Flights the companion started: an order repeated must never start a second one. */
    final java.util.concurrent.atomic.AtomicInteger flightsStarted = new java.util.concurrent.atomic.AtomicInteger();
    private final RealtimeScheduler air;
    private final SimVehicle sim;
    private final MavlinkLink autopilot;
    private final MavlinkLink dispatchLink;
    private final TelemetryRelay relay;

    MqttSimDrone(int systemId, District district, SigningKey key, FleetTopics topics, MqttOptions options,
                 SpeedUpClock clock, RealtimeScheduler dispatch, Executor callbacks) throws java.io.IOException {
        this.systemId = systemId;
        this.air = new RealtimeScheduler("air-" + systemId, clock);
        InMemoryTransport[] pair = InMemoryTransport.pair("companion-" + systemId, "sim-" + systemId);
        this.sim = new SimVehicle(SimConfig.builder().fastBoot().seed(systemId)
                .home(district.home().latDeg(), district.home().lonDeg(), 35).build(), air, pair[1]).start();
        this.autopilot = MavlinkLink.create(LinkConfig.of(1), air, callbacks, pair[0]);
        this.companion = Companion.attach(autopilot, district, CompanionOptions.defaults());
        companion.onFlightStarted(f -> flightsStarted.incrementAndGet());
        SigningTimestamps ts = SigningTimestamps.open(dispatch, TimestampStore.inMemory(null));
        this.bridge = MqttDroneBridge.start(topics, systemId, options);
        this.dispatchLink = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(systemId), key, ts, 0),
                dispatch, callbacks, bridge.transport());
        this.server = DispatchServer.start(companion, dispatchLink, DispatchServerOptions.defaults()
                .withStatusRepeatPeriod(Duration.ofSeconds(2)));
        this.relay = TelemetryRelay.start(autopilot, dispatchLink, Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        relay.close();
        server.close();
        dispatchLink.close();
        bridge.close();
        companion.close();
        autopilot.close();
        sim.close();
        air.close();
    }
}

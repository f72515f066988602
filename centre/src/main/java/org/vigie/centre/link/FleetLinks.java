package org.vigie.centre.link;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.DroneCommands;
import org.vigie.centre.fleet.DroneKeys;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchClient;
import org.vigie.dispatch.DispatchClientOptions;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.link.LinkConfig;
import org.vigie.link.LinkEvent;
import org.vigie.link.MavlinkLink;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.time.Scheduler;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.Transports;

/**
 * The centre's signed dispatch links, one per drone, each with the drone's own key: orders go out through a
 * {@link DispatchClient} per drone ({@link DroneCommands}), and what the drone says comes back to the
 * {@link DispatchCentre}: FLIGHT_STATUS, its dispatch link's HEARTBEAT (liveness and link quality),
 * GLOBAL_POSITION_INT (position) and SYS_STATUS (battery, sensor health), as relayed on the drone by
 * {@link TelemetryRelay}. A key that is unknown or revoked opens no link; revoking a key closes the links using it
 * and the drones are down at once. Frames signed with another key never reach the centre: the link drops them and
 * they are counted per drone ({@link #rejectedFrames}).
 *
 * <p>Threading: every link runs on the centre's scheduler; public methods are thread-safe.
 */
public final class FleetLinks implements FleetTransport {

    /** The centre's MAVLink system id on every dispatch link. */
    public static final int CENTRE_SYSTEM_ID = 255;
    /** The centre's MAVLink component id. */
    public static final int CENTRE_COMPONENT_ID = 190;

    private record DroneLink(DroneRecord drone, MavlinkLink link, DispatchClient client, AtomicLong rejected) {
    }

    private final Scheduler scheduler;
    private final Executor callbacks;
    private final DroneKeys keys;
    private volatile @Nullable DispatchCentre centre;
    private final SigningTimestamps timestamps;
    private final DispatchClientOptions clientOptions;
    private final Map<Integer, DroneLink> links = new ConcurrentHashMap<>();

    /**
     * Creates the fleet's links (none open yet).
     *
     * @param scheduler     the centre's scheduler (every link's event thread)
     * @param callbacks     the callback executor of the links
     * @param keys          the centre's dispatch keys
     * @param timestamps    the centre's signing timestamps (one per centre)
     * @param clientOptions retries and time-outs of each drone's client
     */
    public FleetLinks(Scheduler scheduler, Executor callbacks, DroneKeys keys, SigningTimestamps timestamps,
                      DispatchClientOptions clientOptions) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        this.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions");
    }

    /**
     * Says where what the drones say goes: the centre these links serve (created with these links as its
     * {@link DroneCommands}). Call once, before {@link #connect}.
     *
     * @param target the centre
     */
    @Override
    public void feed(DispatchCentre target) {
        this.centre = Objects.requireNonNull(target, "target");
    }

    /**
     * Opens the signed dispatch link to one registered drone.
     *
     * @param drone      the drone, already registered with the centre
     * @param connection where its dispatch server listens, e.g. {@code udpout://10.8.0.21:14600}
     * @throws IllegalArgumentException if its key is unknown or revoked (naming it), the connection string is
     *                                  malformed, or the drone already has a link
     * @throws IOException              if the socket cannot be opened
     * @throws IllegalStateException    if {@link #feed} was not called
     */
    public void connect(DroneRecord drone, String connection) throws IOException {
        requireFed();
        requireNew(drone.systemId());
        keys.require(drone.signingKeyId());
        Transport transport = Transports.open(connection);
        try {
            connect(drone, transport);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    private void requireFed() {
        if (centre == null) {
            throw new IllegalStateException("call feed(centre) before connecting drones");
        }
    }

    private void requireNew(int id) {
        if (links.containsKey(id)) {
            throw new IllegalArgumentException("drone " + id + " already has a dispatch link");
        }
    }

    /**
     * Opens the signed dispatch link to one registered drone over a transport the caller made (e.g. an MQTT
     * channel of module {@code fleet-mqtt}): the same signing, key check and feeding as {@link #connect(DroneRecord,
     * String)}.
     *
     * @param drone     the drone, already registered with the centre
     * @param transport its frames' carrier, not yet started; closed with the link
     * @throws IllegalArgumentException if its key is unknown or revoked (naming it), or the drone already has a link
     * @throws IllegalStateException    if {@link #feed} was not called
     */
    public void connect(DroneRecord drone, Transport transport) {
        DispatchCentre centre = this.centre;
        if (centre == null) {
            throw new IllegalStateException("call feed(centre) before connecting drones");
        }
        int id = drone.systemId();
        if (links.containsKey(id)) {
            throw new IllegalArgumentException("drone " + id + " already has a dispatch link");
        }
        LinkConfig cfg = DispatchSecurity.signedLink(LinkConfig.of(CENTRE_SYSTEM_ID)
                        .withComponentId(CENTRE_COMPONENT_ID).withHeartbeatType(MavType.MAV_TYPE_GCS),
                keys.require(drone.signingKeyId()), timestamps, id & 0xFF);
        MavlinkLink link = MavlinkLink.create(cfg, scheduler, callbacks, transport);
        DispatchClient client = DispatchClient.start(link, clientOptions);
        DroneLink dl = new DroneLink(drone, link, client, new AtomicLong());
        link.subscribe(Heartbeat.class, (hb, f) -> {
            if (f.sysId() == id) {
                centre.heard(id);
            }
        });
        link.subscribe(GlobalPositionInt.class, (p, f) -> {
            if (f.sysId() == id) {
                centre.position(id, new GeoPoint(p.lat() / 1e7, p.lon() / 1e7, p.relativeAlt() / 1000.0));
            }
        });
        link.subscribe(SysStatus.class, (s, f) -> {
            if (f.sysId() == id) {
                if (s.batteryRemaining() >= 0) {
                    centre.battery(id, s.batteryRemaining());
                }
                long enabled = s.onboardControlSensorsEnabled().value();
                long health = s.onboardControlSensorsHealth().value();
                centre.health(id, (enabled & ~health) == 0);
            }
        });
        link.subscribeEvents(e -> {
            if (e instanceof LinkEvent.SignatureRejected) {
                dl.rejected().incrementAndGet();
            }
        });
        client.onFlightStatus(u -> {
            if (u.droneSystemId() == id) {
                centre.flightStatus(u);
            }
        });
        links.put(id, dl);
    }

    /**
     * Revokes a key: no link opens with it again, and the links of the drones that use it are closed (those drones
     * are down at once, their districts uncovered).
     *
     * @param keyId the key's id
     * @return how many links were closed
     */
    @Override
    public int revoke(String keyId) {
        keys.revoke(keyId);
        int closed = 0;
        for (DroneLink dl : List.copyOf(links.values())) {
            if (dl.drone().signingKeyId().equals(keyId)) {
                links.remove(dl.drone().systemId());
                dl.client().close();
                dl.link().close();
                Objects.requireNonNull(centre, "fed before any link was connected").linkLost(dl.drone().systemId(), "its signing key '" + keyId + "' was revoked");
                closed++;
            }
        }
        return closed;
    }

    /** @param droneSystemId a drone @return frames dropped on its link for a bad or missing signature */
    @Override
    public long rejectedFrames(int droneSystemId) {
        DroneLink dl = links.get(droneSystemId);
        return dl == null ? 0 : dl.rejected().get();
    }

    /** @return how many links are open */
    @Override
    public int size() {
        return links.size();
    }

    @Override
    public CompletableFuture<DispatchAck> dispatch(int droneSystemId, DispatchRequest request) {
        DroneLink dl = links.get(droneSystemId);
        return dl == null ? noLink(droneSystemId) : dl.client().dispatch(request, droneSystemId);
    }

    /**
     * Sends a drone to a target under an order id chosen by the caller: the drone answers a repeat of the same id
     * (from this centre or a standby that took over with the same identity) with its first answer and never flies it
     * twice.
     *
     * @param droneSystemId the drone
     * @param request       the order
     * @param orderId       the order's id, not 0
     * @return the drone's answer; fails if the drone has no link
     */
    public CompletableFuture<DispatchAck> dispatch(int droneSystemId, DispatchRequest request, long orderId) {
        DroneLink dl = links.get(droneSystemId);
        return dl == null ? noLink(droneSystemId) : dl.client().dispatch(request, droneSystemId, orderId);
    }

    @Override
    public CompletableFuture<DispatchAck> retask(int droneSystemId, long flightId, DispatchRequest request) {
        DroneLink dl = links.get(droneSystemId);
        return dl == null ? noLink(droneSystemId) : dl.client().retask(flightId, request, droneSystemId);
    }

    @Override
    public CompletableFuture<DispatchAck> cancel(int droneSystemId, long flightId, String requesterId,
                                                 String requesterOrigin, String reason) {
        DroneLink dl = links.get(droneSystemId);
        return dl == null ? noLink(droneSystemId)
                : dl.client().cancel(flightId, requesterId, requesterOrigin, reason, droneSystemId);
    }

    private static CompletableFuture<DispatchAck> noLink(int id) {
        return CompletableFuture.failedFuture(new IllegalStateException("drone " + id + " has no dispatch link"));
    }

    /** Closes every link. Idempotent. */
    @Override
    public void close() {
        for (DroneLink dl : links.values()) {
            dl.client().close();
            dl.link().close();
        }
        links.clear();
    }
}

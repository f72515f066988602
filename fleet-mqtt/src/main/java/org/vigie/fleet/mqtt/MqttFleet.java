package org.vigie.fleet.mqtt;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.link.FleetLinks;
import org.vigie.centre.link.FleetTransport;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.link.transport.Transport;

/**
 * The centre's fleet through an MQTT 5 broker: the same signed dispatch links as {@link FleetLinks} (one per drone,
 * its own key, the same replay memory), each carried by an {@link MqttChannel} instead of a UDP socket. One MQTT
 * session per centre reads every drone topic of the city ({@link FleetTopics}); each message is checked (topic, size,
 * one signed MAVLink 2 frame, the drone the topic names) before it reaches that drone's link, and a message that
 * fails is dropped and counted by reason ({@link #rejections()}; frames failing the signature check are counted per
 * drone, {@link #rejectedFrames}). A drone's retained state "offline" (its Last Will) takes it down at once.
 *
 * <p>Two centres share a fleet: the {@link CentreRole#ACTIVE} one sends, the {@link CentreRole#STANDBY} one hears
 * everything and sends nothing (its orders fail at once) until the active centre's Last Will ("offline") arrives;
 * then it becomes active. Dispatch orders carry idempotent ids ({@link OrderIds}): both centres use the centre's
 * MAVLink identity, so the drone answers an order repeated by the new active centre with its first answer.
 *
 * <p>Threading: thread-safe; broker messages are handled on the session's one inbound thread, and reach the links
 * (which post to the centre's scheduler) without blocking it.
 */
public final class MqttFleet implements FleetTransport {

    private final String centreId;
    private final FleetLinks links;
    private final MqttCentreLink link;
    private final Map<String, CentreRole> otherCentres = new ConcurrentHashMap<>();
    private final List<Consumer<CentreRole>> roleListeners = new CopyOnWriteArrayList<>();
    private volatile CentreRole role;
    private volatile @Nullable DispatchCentre centre;

    private MqttFleet(FleetTopics topics, String centreId, CentreRole role, MqttOptions options, FleetLinks links) {
        this.centreId = centreId;
        this.links = Objects.requireNonNull(links, "links");
        this.role = Objects.requireNonNull(role, "role");
        this.link = new MqttCentreLink(topics, centreId, word(role), options, () -> this.role == CentreRole.ACTIVE,
                new MqttCentreLink.StateListener() {
                    @Override
                    public void droneState(int droneSystemId, String word) {
                        onDroneState(droneSystemId, word);
                    }

                    @Override
                    public void centreState(String other, String word) {
                        onCentreState(other, word);
                    }
                });
    }

    /**
     * Connects a centre to the broker (asynchronously, with back-off until connected).
     *
     * @param topics   the city's topic tree
     * @param centreId this centre's id ({@code [A-Za-z0-9-]{1,32}}), its MQTT user and client id suffix
     * @param role     active or standby
     * @param options  broker address and this centre's credentials
     * @param links    the signed links (not fed yet) whose frames this transport carries
     * @return the transport; create the centre with it, then {@link #feed} it
     * @throws IllegalArgumentException if the centre id is malformed
     */
    public static MqttFleet start(FleetTopics topics, String centreId, CentreRole role, MqttOptions options,
                                  FleetLinks links) {
        return new MqttFleet(topics, centreId, role, options, links);
    }

    private static String word(CentreRole r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void feed(DispatchCentre target) {
        links.feed(target);
        centre = target;
    }

    /**
     * Opens the signed link to one registered drone through the broker.
     *
     * @param drone the drone, already registered with the centre
     * @throws IllegalArgumentException if its key is unknown or revoked, or it is already connected
     * @throws IllegalStateException    if {@link #feed} was not called
     */
    public void connect(DroneRecord drone) {
        Transport ch = link.channel(drone.systemId());
        try {
            links.connect(drone, ch);
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private void onDroneState(int id, String word) {
        DispatchCentre c = centre;
        if ("offline".equals(word) && c != null) {
            c.linkLost(id, "its MQTT session ended (Last Will or clean disconnect on the broker)");
        } else if (!"online".equals(word)) {
            link.malformedState();
        }
    }

    private void onCentreState(String other, String word) {
        CentreRole before = otherCentres.get(other);
        switch (word) {
            case "active" -> otherCentres.put(other, CentreRole.ACTIVE);
            case "standby" -> otherCentres.put(other, CentreRole.STANDBY);
            case "offline" -> {
                otherCentres.remove(other);
                if (before == CentreRole.ACTIVE && role == CentreRole.STANDBY) {
                    takeOver();
                }
            }
            default -> link.malformedState();
        }
    }

    private void takeOver() {
        role = CentreRole.ACTIVE;
        link.setState(word(CentreRole.ACTIVE));
        for (Consumer<CentreRole> l : roleListeners) {
            l.accept(CentreRole.ACTIVE);
        }
    }

    /**
     * @param listener told (on the inbound thread; return quickly) when this centre's role changes
     */
    public void onRoleChange(Consumer<CentreRole> listener) {
        roleListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @return this centre's role now */
    public CentreRole role() {
        return role;
    }

    /** @return whether the session is connected to the broker now */
    public boolean connected() {
        return link.connected();
    }

    /** @return counts of broker messages dropped before reaching a link, by reason */
    public Rejections rejections() {
        return link.rejections();
    }

    /**
     * {@inheritDoc} The order's id is {@link OrderIds#of}(alert id, drone): a standby that took over and repeats it
     * gets the drone's first answer.
     */
    @Override
    public CompletableFuture<DispatchAck> dispatch(int droneSystemId, DispatchRequest request) {
        if (role != CentreRole.ACTIVE) {
            return notActive();
        }
        return links.dispatch(droneSystemId, request, OrderIds.of(request.alertId(), droneSystemId));
    }

    @Override
    public CompletableFuture<DispatchAck> retask(int droneSystemId, long flightId, DispatchRequest request) {
        return role != CentreRole.ACTIVE ? notActive() : links.retask(droneSystemId, flightId, request);
    }

    @Override
    public CompletableFuture<DispatchAck> cancel(int droneSystemId, long flightId, String requesterId,
                                                 String requesterOrigin, String reason) {
        return role != CentreRole.ACTIVE ? notActive()
                : links.cancel(droneSystemId, flightId, requesterId, requesterOrigin, reason);
    }

    private CompletableFuture<DispatchAck> notActive() {
        return CompletableFuture.failedFuture(new IllegalStateException("centre '" + centreId
                + "' is the standby: it sends no order until the active centre's Last Will fires"));
    }

    @Override
    public int revoke(String keyId) {
        return links.revoke(keyId);
    }

    @Override
    public long rejectedFrames(int droneSystemId) {
        return links.rejectedFrames(droneSystemId);
    }

    @Override
    public int size() {
        return links.size();
    }

    /** Leaves "offline" as its retained state, disconnects and closes the links. Idempotent. */
    @Override
    public void close() {
        link.close();
        links.close();
    }

    /** Drops the connection as a crash would (the broker publishes the Last Will); links closed. For drills. */
    public void crash() {
        link.crash();
        links.close();
    }
}

package org.vigie.fleet.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.vigie.link.transport.Transport;

/**
 * A centre's one MQTT session and its routing: every drone topic of the city is read; each message is checked
 * (topic, size, exactly one signed MAVLink 2 frame, sent by the drone the topic names) and handed to that drone's
 * channel, a {@link Transport} for the centre's signed link to it; a message that fails is dropped and counted
 * ({@link #rejections()}). Frames the links send go to the drone's {@code orders} topic (TUNNEL at QoS 1, others at
 * QoS 0) while {@code mayPublish} says so. Drone and centre state words go to a {@link StateListener}.
 *
 * <p>Threading: thread-safe; broker messages are handled in order on the session's one inbound thread.
 */
public final class MqttCentreLink implements AutoCloseable {

    /** Hears the retained state words of drones and of the other centres (on the inbound thread; return quickly). */
    public interface StateListener {
        /**
         * @param droneSystemId a drone with a channel
         * @param word          its state word ("online", "offline")
         */
        void droneState(int droneSystemId, String word);

        /**
         * @param centreId another centre of the city
         * @param word     its state word ("active", "standby", "offline")
         */
        void centreState(String centreId, String word);
    }

    private final FleetTopics topics;
    private final String centreId;
    private final MqttSession session;
    private final BooleanSupplier mayPublish;
    private final StateListener states;
    private final Rejections rejections = new Rejections();
    private final Map<Integer, MqttChannel> channels = new ConcurrentHashMap<>();

    /**
     * Connects a centre's session (asynchronously, with back-off until connected).
     *
     * @param topics     the city's topic tree
     * @param centreId   the centre's id
     * @param stateWord  its first retained state word; its Last Will is "offline"
     * @param options    broker address and the centre's credentials
     * @param mayPublish whether the links' frames may go out now (false: dropped, e.g. on a standby)
     * @param states     hears state words
     * @throws IllegalArgumentException if the centre id is malformed
     */
    public MqttCentreLink(FleetTopics topics, String centreId, String stateWord, MqttOptions options,
                          BooleanSupplier mayPublish, StateListener states) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.centreId = Objects.requireNonNull(centreId, "centreId");
        this.mayPublish = Objects.requireNonNull(mayPublish, "mayPublish");
        this.states = Objects.requireNonNull(states, "states");
        this.session = new MqttSession("vigie-" + topics.city() + "-centre-" + centreId, options,
                topics.centreState(centreId), stateWord, "offline",
                List.of(new MqttSession.Sub(topics.allDrones(), MqttQos.AT_LEAST_ONCE),
                        new MqttSession.Sub(topics.allCentres(), MqttQos.AT_LEAST_ONCE)),
                this::onPublish);
    }

    /**
     * The carrier of the centre's signed link to one drone.
     *
     * @param droneSystemId the drone, 1-254
     * @return a new transport, not yet started (give it to the link)
     * @throws IllegalArgumentException if the drone already has a channel or the id is out of range
     */
    public Transport channel(int droneSystemId) {
        String orders = topics.drone(droneSystemId, FleetTopics.Kind.ORDERS);
        MqttChannel ch = new MqttChannel("mqtt://" + centreId + "/" + orders, session, frame -> {
            if (!mayPublish.getAsBoolean()) {
                return false;
            }
            boolean tunnel = FrameCheck.messageId(frame, 0) == FrameCheck.TUNNEL_MSG_ID;
            boolean sent = session.publish(orders, frame, tunnel ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE);
            if (!sent) {
                rejections.add(Rejection.OFFLINE);
            }
            return sent;
        });
        if (channels.putIfAbsent(droneSystemId, ch) != null) {
            throw new IllegalArgumentException("drone " + droneSystemId + " already has a channel");
        }
        return ch;
    }

    private void onPublish(Mqtt5Publish p) {
        String topic = p.getTopic().toString();
        byte[] payload = p.getPayloadAsBytes();
        FleetTopics.DroneTopic t = topics.parseDrone(topic).orElse(null);
        if (t == null) {
            String other = topics.parseCentre(topic).orElse(null);
            if (other == null) {
                rejections.add(Rejection.UNKNOWN_TOPIC);
            } else if (!other.equals(centreId)) {
                states.centreState(other, new String(payload, StandardCharsets.US_ASCII));
            }
            return;
        }
        if (t.kind() == FleetTopics.Kind.ORDERS) {
            return;
        }
        MqttChannel ch = channels.get(t.systemId());
        if (ch == null) {
            rejections.add(Rejection.UNKNOWN_DRONE);
            return;
        }
        if (t.kind() == FleetTopics.Kind.STATE) {
            states.droneState(t.systemId(), new String(payload, StandardCharsets.US_ASCII));
            return;
        }
        Rejection bad = FrameCheck.check(payload);
        if (bad == null && FrameCheck.systemId(payload) != t.systemId()) {
            bad = Rejection.FOREIGN_SYSTEM;
        }
        if (bad != null) {
            rejections.add(bad);
            return;
        }
        ch.deliver(payload);
    }

    /**
     * Counts a state word nobody understood.
     */
    void malformedState() {
        rejections.add(Rejection.MALFORMED);
    }

    /** @param word the new retained state word, published now and on every reconnection */
    public void setState(String word) {
        session.setState(word);
    }

    /** @return whether the session is connected now */
    public boolean connected() {
        return session.connected();
    }

    /** @return counts of broker messages dropped before reaching a link, by reason */
    public Rejections rejections() {
        return rejections;
    }

    /** Leaves "offline" as the retained state and disconnects. Idempotent. */
    @Override
    public void close() {
        session.close("offline");
    }

    /** Drops the connection as a crash would (the broker publishes the Last Will). For tests and drills. */
    public void crash() {
        session.crash();
    }
}

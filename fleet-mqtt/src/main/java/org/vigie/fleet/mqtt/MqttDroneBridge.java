package org.vigie.fleet.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.List;
import java.util.Objects;
import org.vigie.link.transport.Transport;

/**
 * The drone's end of the fleet over MQTT: a {@link Transport} for the drone's signed dispatch link (the one its
 * {@code DispatchServer} and {@code TelemetryRelay} run on), so the dispatch server is unchanged. Frames the link
 * sends go to the drone's own topics: TUNNEL frames (answers, FLIGHT_STATUS) to {@code events} at QoS 1, the others
 * (HEARTBEAT, position, SYS_STATUS) to {@code telemetry} at QoS 0, bounded to
 * {@link MqttOptions#telemetryPerSecond()}; it reads only its {@code orders} topic (QoS 1, persistent session: orders
 * published while it was away are delivered when it is back). Its retained {@code state} is "online", and its Last
 * Will "offline".
 *
 * <p>Safety never depends on the broker: the flight's own failsafes (dispatch link lost → its configured action) run
 * on the drone whether the broker is up or not; the client reconnects with doubling back-off; while disconnected,
 * frames are dropped and counted ({@link Rejection#OFFLINE}), the centre's retries and the server's periodic
 * FLIGHT_STATUS resynchronise both sides, and the server's idempotency memory answers a repeated order without acting
 * twice.
 *
 * <p>Threading: thread-safe; received orders reach the link on the session's inbound thread.
 */
public final class MqttDroneBridge implements AutoCloseable {

    private final FleetTopics topics;
    private final int systemId;
    private final MqttSession session;
    private final MqttChannel channel;
    private final RateBound telemetryRate;
    private final Rejections rejections = new Rejections();
    private final String ordersTopic;

    private MqttDroneBridge(FleetTopics topics, int systemId, MqttOptions options) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.systemId = systemId;
        this.ordersTopic = topics.drone(systemId, FleetTopics.Kind.ORDERS);
        String telemetry = topics.drone(systemId, FleetTopics.Kind.TELEMETRY);
        String events = topics.drone(systemId, FleetTopics.Kind.EVENTS);
        this.telemetryRate = new RateBound(options.telemetryPerSecond(), System::nanoTime);
        this.session = new MqttSession("vigie-" + topics.city() + "-drone-" + systemId, options,
                topics.drone(systemId, FleetTopics.Kind.STATE), "online", "offline",
                List.of(new MqttSession.Sub(ordersTopic, MqttQos.AT_LEAST_ONCE)), this::onPublish);
        this.channel = new MqttChannel("mqtt://" + options.host() + ":" + options.port() + "/" + ordersTopic,
                session, frame -> {
                    boolean tunnel = FrameCheck.messageId(frame, 0) == FrameCheck.TUNNEL_MSG_ID;
                    if (!tunnel && !telemetryRate.tryTake()) {
                        rejections.add(Rejection.RATE_LIMITED);
                        return false;
                    }
                    boolean sent = tunnel ? session.publish(events, frame, MqttQos.AT_LEAST_ONCE)
                            : session.publish(telemetry, frame, MqttQos.AT_MOST_ONCE);
                    if (!sent) {
                        rejections.add(Rejection.OFFLINE);
                    }
                    return sent;
                });
    }

    /**
     * Connects a drone to the broker (asynchronously: the client keeps trying with back-off until it is connected).
     *
     * @param topics   the city's topic tree
     * @param systemId the drone's MAVLink system id, 1-254
     * @param options  broker address and this drone's credentials
     * @return the bridge; give {@link #transport()} to the drone's signed dispatch link
     * @throws IllegalArgumentException if the system id is outside 1-254
     */
    public static MqttDroneBridge start(FleetTopics topics, int systemId, MqttOptions options) {
        return new MqttDroneBridge(topics, systemId, options);
    }

    /** @return the transport of the drone's dispatch link (start it once, through the link) */
    public Transport transport() {
        return channel;
    }

    /** @return whether the client is connected to the broker now */
    public boolean connected() {
        return session.connected();
    }

    /** @return how many times the client has connected (1 + reconnections) */
    public long connections() {
        return session.connections();
    }

    /** @return counts of dropped messages by reason */
    public Rejections rejections() {
        return rejections;
    }

    private void onPublish(Mqtt5Publish p) {
        String topic = p.getTopic().toString();
        if (!topic.equals(ordersTopic)) {
            rejections.add(topics.parseDrone(topic).isPresent() ? Rejection.UNKNOWN_DRONE : Rejection.UNKNOWN_TOPIC);
            return;
        }
        byte[] frame = p.getPayloadAsBytes();
        Rejection bad = FrameCheck.check(frame);
        if (bad != null) {
            rejections.add(bad);
            return;
        }
        channel.deliver(frame);
    }

    /** @return the drone's system id */
    public int systemId() {
        return systemId;
    }

    /** Leaves "offline" as its retained state and disconnects. Idempotent. */
    @Override
    public void close() {
        channel.close();
        session.close("offline");
    }

    /** Drops the connection as a crash would (the broker publishes its Last Will). For tests and drills. */
    public void crash() {
        channel.close();
        session.crash();
    }
}

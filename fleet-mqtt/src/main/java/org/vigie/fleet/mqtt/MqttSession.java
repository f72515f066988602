package org.vigie.fleet.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Futures;

/**
 * One MQTT 5 client of the fleet: persistent session (clean start off, {@link MqttOptions#sessionExpiry()}), a
 * retained Last Will on its state topic, automatic reconnection with doubling back-off, its subscriptions made again
 * and its retained state published again on every connection (a broker that lost the session is resynchronised).
 * Received messages are handed, in order, to one consumer on the session's own thread.
 *
 * <p>Threading: thread-safe; the consumer runs on one inbound thread per session.
 */
final class MqttSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);

    /**
     * A subscription made on every connection.
     *
     * @param filter topic filter
     * @param qos    its maximum QoS
     */
    record Sub(String filter, MqttQos qos) {
    }

    private final Mqtt5AsyncClient client;
    private final ExecutorService inbound;
    private final String stateTopic;
    private volatile byte[] state;
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    MqttSession(String clientId, MqttOptions o, String stateTopic, String initialState, String willState,
                List<Sub> subs, Consumer<Mqtt5Publish> consumer) {
        this.stateTopic = Objects.requireNonNull(stateTopic, "stateTopic");
        this.state = initialState.getBytes(StandardCharsets.US_ASCII);
        this.inbound = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-mqtt " + clientId);
            t.setDaemon(true);
            return t;
        });
        Mqtt5Connect connect = Mqtt5Connect.builder().cleanStart(false)
                .sessionExpiryInterval(o.sessionExpiry().toSeconds()).keepAlive((int) o.keepAlive().toSeconds())
                .simpleAuth().username(o.username()).password(o.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .willPublish().topic(stateTopic).payload(willState.getBytes(StandardCharsets.US_ASCII))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
                .build();
        Mqtt5ClientBuilder b = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost(o.host()).serverPort(o.port())
                .simpleAuth().username(o.username()).password(o.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .willPublish().topic(stateTopic).payload(willState.getBytes(StandardCharsets.US_ASCII))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
                .automaticReconnect().initialDelay(o.reconnectInitial().toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(o.reconnectMax().toMillis(), TimeUnit.MILLISECONDS).applyAutomaticReconnect()
                .addConnectedListener(ctx -> onConnected(subs))
                .addDisconnectedListener(ctx -> {
                    if (!closed) {
                        if (ctx instanceof Mqtt5ClientDisconnectedContext c5) {
                            c5.getReconnector().connect(connect);
                        }
                        LOG.warn("{}: disconnected ({}), reconnecting", clientId, ctx.getCause().toString());
                    }
                });
        if (o.tls()) {
            b = b.sslWithDefaultConfig();
        }
        this.client = b.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, consumer, task -> {
            try {
                inbound.execute(task);
            } catch (RejectedExecutionException closing) {
                LOG.debug("{}: message after close dropped", clientId);
            }
        });
        Futures.listen(client.connect(connect), (ack, e) -> logFailure("connect", e));
    }

    private void logFailure(String what, @Nullable Throwable e) {
        if (e != null && !closed) {
            LOG.warn("{} failed: {}", what, e.toString());
        }
    }

    private void onConnected(List<Sub> subs) {
        connections.incrementAndGet();
        for (Sub s : subs) {
            Futures.listen(client.subscribeWith().topicFilter(s.filter()).qos(s.qos()).send(),
                    (ack, e) -> logFailure("subscribe " + s.filter(), e));
        }
        publishState();
    }

    private void publishState() {
        Futures.listen(client.publishWith().topic(stateTopic).payload(state).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .send(), (r, e) -> logFailure("state", e));
    }

    /** @return whether the client is connected now */
    boolean connected() {
        return client.getState().isConnected();
    }

    /** @return how many times it has connected (1 + reconnections) */
    long connections() {
        return connections.get();
    }

    /**
     * Publishes the retained state now and on every later connection.
     *
     * @param word the state's word
     */
    void setState(String word) {
        state = word.getBytes(StandardCharsets.US_ASCII);
        if (connected()) {
            publishState();
        }
    }

    /**
     * Publishes a payload if connected.
     *
     * @param topic   topic
     * @param payload bytes (kept by the client)
     * @param qos     QoS
     * @return false (nothing sent) if the client is not connected
     */
    boolean publish(String topic, byte[] payload, MqttQos qos) {
        if (!connected()) {
            return false;
        }
        Futures.listen(client.publishWith().topic(topic).payload(payload).qos(qos).send(),
                (r, e) -> logFailure("publish on " + topic, e));
        return true;
    }

    /**
     * Ends the session as a crash would not: publishes the Last Will's word itself, then disconnects.
     *
     * @param finalState the retained state to leave, e.g. "offline"
     */
    void close(String finalState) {
        if (closed) {
            return;
        }
        if (connected()) {
            setState(finalState);
        }
        close();
    }

    /** Disconnects without a Last Will (clean disconnect) and stops the inbound thread. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> done = client.disconnect();
        try {
            done.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect: {}", e.toString());
        }
        inbound.shutdownNow();
    }

    /** Drops the connection abruptly, as a crash would: the broker publishes the Last Will. For tests and drills. */
    void crash() {
        closed = true;
        Futures.listen(client.disconnectWith().reasonCode(
                com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
                .send(), (r, e) -> LOG.debug("crash: {}", String.valueOf(e)));
        inbound.shutdownNow();
    }
}

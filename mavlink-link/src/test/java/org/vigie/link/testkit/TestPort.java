package org.vigie.link.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.vigie.link.MavlinkPort;
import org.vigie.link.MessageListener;
import org.vigie.link.Subscription;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.vehicle.AttachedAutopilot;

/**
 * A {@link MavlinkPort} for tests: every message sent is encoded to a real MAVLink 2 frame (so tests can assert exact
 * bytes), recorded, and handed to an outgoing wire (a peer port, a lossy link, or nothing). Received bytes go through
 * the real {@link FrameParser} and {@link MessageCodec} before subscribers see them. Callbacks run as tasks of the
 * same {@link ManualScheduler} (deterministic, never inside the protocol task that completed them).
 *
 * <p>Threading: driven by one test thread through the scheduler.
 */
public final class TestPort implements MavlinkPort {

    private static final MessageCodec CODEC = new MessageCodec();

    private final ManualScheduler scheduler;
    private final int systemId;
    private final int componentId;
    private final FrameWriter writer = new FrameWriter();
    private final FrameParser parser;
    private final List<MavlinkFrame> sent = new CopyOnWriteArrayList<>();
    private final List<MavlinkFrame> received = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, List<MessageListener<Object>>> listeners = new ConcurrentHashMap<>();
    private final List<Consumer<MavlinkFrame>> frameListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> wire = b -> { };
    private final Executor callbacks;
    private final AttachedAutopilot autopilot;

    /**
     * Creates a port.
     *
     * @param scheduler the shared manual scheduler
     * @param systemId our system id
     * @param componentId our component id
     */
    public TestPort(ManualScheduler scheduler, int systemId, int componentId) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.systemId = systemId;
        this.componentId = componentId;
        this.callbacks = scheduler::execute;
        this.parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                dispatch(f.toFrame());
            }
        });
        this.autopilot = new AttachedAutopilot(this, -1);
    }

    @Override
    public AttachedAutopilot autopilot() {
        return autopilot;
    }

    /**
     * Sets where encoded outgoing frames go.
     *
     * @param wire receives the raw bytes of each frame
     */
    public void wire(Consumer<byte[]> wire) {
        this.wire = Objects.requireNonNull(wire);
    }

    /**
     * Connects two ports back to back: each frame is delivered to the other after {@code latencyMs} of scheduler time.
     *
     * @param a one side
     * @param b the other side
     * @param latencyMs one-way delay, zero or positive
     */
    public static void connect(TestPort a, TestPort b, long latencyMs) {
        a.wire(bytes -> a.scheduler.schedule(java.time.Duration.ofMillis(latencyMs), () -> b.receiveBytes(bytes)));
        b.wire(bytes -> b.scheduler.schedule(java.time.Duration.ofMillis(latencyMs), () -> a.receiveBytes(bytes)));
    }

    @Override
    public ManualScheduler scheduler() {
        return scheduler;
    }

    @Override
    public Executor callbackExecutor() {
        return callbacks;
    }

    @Override
    public int systemId() {
        return systemId;
    }

    @Override
    public int componentId() {
        return componentId;
    }

    @Override
    public void send(Object message) {
        MavlinkFrame f = writer.encodeV2(systemId, componentId, MessageTable.idOf(message.getClass()),
                CODEC.encodePayload(message), null);
        sent.add(f);
        wire.accept(f.raw());
    }

    /**
     * Sends a frame exactly as given (for replays), recording it.
     *
     * @param frame the frame
     */
    public void sendRaw(MavlinkFrame frame) {
        sent.add(frame);
        wire.accept(frame.raw());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Subscription subscribe(Class<T> type, MessageListener<T> listener) {
        List<MessageListener<Object>> l = listeners.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>());
        MessageListener<Object> cast = (MessageListener<Object>) listener;
        l.add(cast);
        return () -> l.remove(cast);
    }

    @Override
    public Subscription subscribeFrames(Consumer<MavlinkFrame> listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    /**
     * Feeds received bytes through the parser (call on the scheduler thread).
     *
     * @param bytes raw bytes
     */
    public void receiveBytes(byte[] bytes) {
        parser.feed(bytes, 0, bytes.length);
    }

    /**
     * Injects a message as if received from {@code sysId/compId}, encoded and parsed for real.
     *
     * @param message dronefleet message
     * @param sysId source system
     * @param compId source component
     */
    public void inject(Object message, int sysId, int compId) {
        MavlinkFrame f = new FrameWriter().encodeV2(sysId, compId, MessageTable.idOf(message.getClass()),
                CODEC.encodePayload(message), null);
        receiveBytes(f.raw());
    }

    private void dispatch(MavlinkFrame frame) {
        received.add(frame);
        for (Consumer<MavlinkFrame> l : frameListeners) {
            l.accept(frame);
        }
        Class<?> type = CODEC.table().type(frame.msgId());
        if (type == null) {
            return;
        }
        List<MessageListener<Object>> l = listeners.get(type);
        if (l == null || l.isEmpty()) {
            return;
        }
        Object msg = CODEC.decode(frame).orElse(null);
        if (msg == null) {
            return;
        }
        for (MessageListener<Object> x : l) {
            x.onMessage(msg, frame);
        }
    }

    /** @return every frame sent so far, in order */
    public List<MavlinkFrame> sent() {
        return List.copyOf(sent);
    }

    /** @return every frame received so far, in order */
    public List<MavlinkFrame> received() {
        return List.copyOf(received);
    }

    /**
     * Sent messages of one type, decoded.
     *
     * @param type dronefleet class
     * @param <T> type
     * @return the messages, in order
     */
    public <T> List<T> sent(Class<T> type) {
        List<T> out = new ArrayList<>();
        int id = MessageTable.idOf(type);
        for (MavlinkFrame f : sent) {
            if (f.msgId() == id) {
                CODEC.decode(f, type).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Forgets the record of sent frames. */
    public void clearSent() {
        sent.clear();
    }

    /** @return the shared codec */
    public static MessageCodec codec() {
        return CODEC;
    }
}

package org.vigie.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;

/** A minimal ground station for tests: records every frame the simulator sends and sends typed messages. */
final class TestGcs {

    /** A received frame with its arrival time (seconds of scheduler time). */
    record Rx(double timeS, MavlinkFrame frame, Object message) {}

    static final MessageCodec CODEC = new MessageCodec();
    final ManualScheduler scheduler;
    final InMemoryTransport transport;
    final List<Rx> received = new ArrayList<>();
    private final FrameWriter writer = new FrameWriter();
    private final int sysId;
    private final int compId;

    TestGcs(ManualScheduler scheduler, InMemoryTransport transport, int sysId, int compId) {
        this.scheduler = scheduler;
        this.transport = transport;
        this.sysId = sysId;
        this.compId = compId;
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView view) {
                MavlinkFrame f = view.toFrame();
                received.add(new Rx(scheduler.nanoTime() / 1e9, f, CODEC.decode(f).orElse(null)));
            }
        });
        transport.start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                parser.feed(data, offset, length);
            }
        });
    }

    /** Creates a simulator and a GCS over an in-memory pair; the simulator is started. */
    static TestGcs withSim(ManualScheduler s, SimConfig config, SimVehicle[] out) {
        InMemoryTransport[] pair = InMemoryTransport.pair("gcs", "sim");
        SimVehicle sim = new SimVehicle(config, s, pair[1]);
        TestGcs gcs = new TestGcs(s, pair[0], 255, 190);
        sim.start();
        out[0] = sim;
        return gcs;
    }

    void send(Object message) {
        byte[] p = CODEC.encodePayload(message);
        MavlinkFrame f = writer.encodeV2(sysId, compId, MessageTable.idOf(message.getClass()), p, null);
        transport.send(f.raw(), 0, f.raw().length);
    }

    void sendRaw(byte[] raw) {
        transport.send(raw, 0, raw.length);
    }

    <T> List<T> all(Class<T> type) {
        List<T> l = new ArrayList<>();
        for (Rx r : received) {
            if (type.isInstance(r.message())) {
                l.add(type.cast(r.message()));
            }
        }
        return l;
    }

    <T> Optional<T> last(Class<T> type) {
        List<T> l = all(type);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
    }

    <T> Optional<T> lastWhere(Class<T> type, Predicate<T> p) {
        T found = null;
        for (T t : all(type)) {
            if (p.test(t)) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    List<String> texts() {
        List<String> l = new ArrayList<>();
        for (io.dronefleet.mavlink.common.Statustext t : all(io.dronefleet.mavlink.common.Statustext.class)) {
            l.add(t.text());
        }
        return l;
    }

    int mark() {
        return received.size();
    }

    List<Rx> since(int mark) {
        return new ArrayList<>(received.subList(mark, received.size()));
    }

    void advance(double seconds) {
        scheduler.advance(java.time.Duration.ofNanos((long) (seconds * 1e9)));
    }
}

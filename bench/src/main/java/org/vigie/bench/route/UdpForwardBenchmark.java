package org.vigie.bench.route;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.route.Router;
import org.vigie.link.route.RouterRunner;
import org.vigie.link.transport.TransportOptions;
import org.vigie.link.transport.UdpInTransport;
import org.vigie.link.transport.UdpOutTransport;

/**
 * UDP forwarding load test on loopback: a sender blasts one recorded ArduCopter frame per datagram
 * ({@code session3_from_sitl.raw}) into the router's {@code udpin} endpoint; the router forwards through its
 * {@code udpout} endpoint to a receiver that parses and CRC-checks every frame. Reports messages per second, loss,
 * and the router's CPU time per million messages (ThreadMXBean over the router's own threads; the process total from
 * OperatingSystemMXBean, which includes sender and receiver, is printed beside it).
 *
 * <p>Two phases per router: saturation (sender unpaced) and paced at a fixed rate (default 100,000 msg/s, the
 * reference point of mavlink-router: ~4.6 CPU-s per million). In the same run, the baseline is a plain Java UDP
 * relay (receive a datagram, send it on: no parsing, no routing), which bounds what the JVM's socket path costs.
 *
 * <p>This is a load generator, not a JMH benchmark: JMH cannot measure loss or the CPU of threads other than its
 * own. Run: {@code java -cp bench/target-NAME/benchmarks.jar org.vigie.bench.route.UdpForwardBenchmark [seconds]
 * [pacedRate]} from the repository root.
 */
public final class UdpForwardBenchmark {

    private UdpForwardBenchmark() {}

    /** The thing under test: forwards from an input port to the receiver. */
    interface Forwarder extends AutoCloseable {
        InetSocketAddress input();

        /** CPU nanoseconds consumed so far by the forwarder's own threads. */
        long cpuNanos();

        /** Makes the ground station (the receiver) known to the router, as its HEARTBEAT would. */
        default void learnGroundStation(Receiver rx) throws Exception {}

        @Override
        void close();
    }

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static long cpuOfThreadsNamed(String... prefixes) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            for (String p : prefixes) {
                if (t.getName().startsWith(p)) {
                    long c = THREADS.getThreadCpuTime(t.getId());
                    if (c > 0) {
                        total += c;
                    }
                }
            }
        }
        return total;
    }

    /** Vigie: RouterRunner with a udpin endpoint (from the sender) and a udpout endpoint (to the receiver). */
    static Forwarder vigie(InetSocketAddress receiver) throws IOException {
        UdpInTransport in = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), TransportOptions.defaults());
        UdpOutTransport out = new UdpOutTransport(receiver);
        RouterRunner runner = new RouterRunner(new Router());
        runner.add("sender", in);
        org.vigie.link.route.Endpoint toReceiver = runner.add("receiver", out);
        runner.start();
        String inName = "vigie-reader " + in.description();
        String outName = "vigie-reader " + out.description();
        return new Forwarder() {
            @Override
            public InetSocketAddress input() {
                return in.localAddress();
            }

            @Override
            public long cpuNanos() {
                return cpuOfThreadsNamed(inName, outName);
            }

            @Override
            public void learnGroundStation(Receiver rx) throws Exception {
                byte[] hb = new FrameWriter().encodeV2(255, 190, 0, new byte[] {0, 0, 0, 0, 6, 8, 0, 0, 3}, null)
                        .raw();
                InetSocketAddress routerOut = new InetSocketAddress("127.0.0.1", out.localAddress().getPort());
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!toReceiver.seenSystem(255)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("router never learned the ground station");
                    }
                    rx.ch.send(ByteBuffer.wrap(hb), routerOut);
                    Thread.sleep(10);
                }
            }

            @Override
            public void close() {
                runner.close();
            }
        };
    }

    /** Baseline: a plain relay thread, receive then send, no parsing. */
    static Forwarder relay(InetSocketAddress receiver) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread t = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocateDirect(65536);
            try {
                while (true) {
                    b.clear();
                    ch.receive(b);
                    b.flip();
                    ch.send(b, receiver);
                }
            } catch (IOException e) {
                // closed
            }
        }, "plain-relay");
        t.setDaemon(true);
        t.start();
        return new Forwarder() {
            @Override
            public InetSocketAddress input() {
                try {
                    return (InetSocketAddress) ch.getLocalAddress();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public long cpuNanos() {
                return cpuOfThreadsNamed("plain-relay");
            }

            @Override
            public void close() {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        };
    }

    /** Receives datagrams, parses and CRC-checks every frame. */
    static final class Receiver implements AutoCloseable {
        final DatagramChannel ch;
        final AtomicLong frames = new AtomicLong();
        final AtomicLong bad = new AtomicLong();
        final Thread thread;

        Receiver() throws IOException {
            ch = DatagramChannel.open();
            ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
            ch.bind(new InetSocketAddress("127.0.0.1", 0));
            FrameParser parser = new FrameParser(new FrameParser.Listener() {
                @Override
                public void onFrame(FrameView frame) {
                    frames.incrementAndGet();
                }

                @Override
                public void onDiscard(org.vigie.link.codec.DiscardReason reason, int byteCount) {
                    bad.addAndGet(byteCount);
                }
            });
            thread = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocate(65536);
                try {
                    while (true) {
                        b.clear();
                        ch.receive(b);
                        parser.feed(b.array(), 0, b.position());
                    }
                } catch (ClosedChannelException e) {
                    // done
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }, "bench-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) ch.getLocalAddress();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    record Result(String name, String phase, double seconds, long sent, long received, long badBytes, long cpuNanos,
                  long processCpuNanos) {
        double rate() {
            return received / seconds;
        }

        double lossPct() {
            return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        }

        double cpuSecondsPerMillion() {
            return received == 0 ? Double.NaN : cpuNanos / 1e9 / (received / 1e6);
        }

        double processCpuSecondsPerMillion() {
            return received == 0 ? Double.NaN : processCpuNanos / 1e9 / (received / 1e6);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%-12s %-14s sent %9d  received %9d  %9.0f msg/s  loss %6.3f %%  bad bytes %d  "
                            + "router CPU %5.2f s/M msgs  (process %5.2f s/M)",
                    name, phase, sent, received, rate(), lossPct(), badBytes, cpuSecondsPerMillion(),
                    processCpuSecondsPerMillion());
        }
    }

    static Result run(String name, String phase, Forwarder fwd, Receiver rx, List<byte[]> frames, double seconds,
            long ratePerSecond) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        DatagramChannel tx = DatagramChannel.open();
        tx.connect(fwd.input());
        ByteBuffer[] bufs = new ByteBuffer[frames.size()];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = ByteBuffer.allocateDirect(frames.get(i).length);
            bufs[i].put(frames.get(i)).flip();
        }
        long rx0 = rx.frames.get();
        long bad0 = rx.bad.get();
        long cpu0 = fwd.cpuNanos();
        long proc0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long sent = 0;
        double intervalNs = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
        int i = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            if (ratePerSecond > 0) {
                long due = start + (long) (sent * intervalNs);
                if (now < due) {
                    Thread.onSpinWait();
                    continue;
                }
            }
            ByteBuffer b = bufs[i];
            b.rewind();
            try {
                tx.write(b);
            } catch (IOException e) {
                // loopback refused: counted as sent and lost
            }
            sent++;
            i = i + 1 == bufs.length ? 0 : i + 1;
        }
        long elapsed = System.nanoTime() - start;
        long drainUntil = System.nanoTime() + 1_000_000_000L;
        long last = -1;
        while (System.nanoTime() < drainUntil) {
            long r = rx.frames.get() - rx0;
            if (r >= sent || r == last) {
                break;
            }
            last = r;
            Thread.sleep(100);
        }
        long cpu = fwd.cpuNanos() - cpu0;
        long proc = os.getProcessCpuTime() - proc0;
        tx.close();
        return new Result(name, phase, elapsed / 1e9, sent, rx.frames.get() - rx0, rx.bad.get() - bad0, cpu, proc);
    }

    /**
     * Runs the load test.
     *
     * @param args [seconds per phase, default 5] [paced rate msg/s, default 100000]
     * @throws Exception on socket failure
     */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long paced = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        List<byte[]> all = Captures.frames(Captures.read("session3_from_sitl.raw"));
        List<byte[]> frames = new ArrayList<>();
        for (byte[] f : all) {
            frames.add(f);
        }
        System.out.printf(Locale.ROOT, "%d recorded frames, %d cores, load average %.1f%n", frames.size(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Result> results = new ArrayList<>();
        for (String name : new String[] {"plain-relay", "vigie"}) {
            try (Receiver rx = new Receiver()) {
                Forwarder fwd = name.equals("vigie") ? vigie(rx.address()) : relay(rx.address());
                try {
                    fwd.learnGroundStation(rx);
                    run(name, "warmup", fwd, rx, frames, Math.min(2, seconds), 0);
                    results.add(run(name, "saturation", fwd, rx, frames, seconds, 0));
                    results.add(run(name, "paced " + paced / 1000 + "k", fwd, rx, frames, seconds, paced));
                } finally {
                    fwd.close();
                }
            }
        }
        for (Result r : results) {
            System.out.println(r);
        }
    }
}

package org.vigie.bench.startup;

import java.io.File;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How soon a companion is heard: from starting the launcher's JVM ({@code java -cp JAR
 * org.vigie.examples.CompanionMain udpout://127.0.0.1:PORT DISTRICT --target ...}, as an operator or a systemd unit
 * does) to its first HEARTBEAT arriving on a UDP socket of this program, which plays the autopilot's side and never
 * answers. Each jar is started in turn, {@code --runs} times, the JVM killed once heard; the figure is the median.
 * With {@code --baseline-jar} (the launcher as it was, built from an earlier commit) both are measured in the same run,
 * alternately, so the machine's load weighs on both alike.
 *
 * <p>Not a JMH benchmark: it measures a process start. Run from the repository root after {@code mvn -q -DskipTests
 * package}: {@code java -cp bench/target/benchmarks.jar org.vigie.bench.startup.FirstHeartbeatStudy [--runs 7]
 * [--jar examples/target/vigie-quickstart.jar] [--baseline-jar OLD.jar] [--district data/districts/arsenal.geojson]}.
 */
public final class FirstHeartbeatStudy {

    private FirstHeartbeatStudy() {
    }

    /**
     * @param args see the class description
     * @throws Exception if a process cannot be started
     */
    public static void main(String[] args) throws Exception {
        int runs = 7;
        Path jar = Path.of("examples", "target", "vigie-quickstart.jar");
        Path baseline = null;
        Path district = Path.of("data", "districts", "arsenal.geojson");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--baseline-jar" -> baseline = Path.of(args[++i]);
                case "--district" -> district = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--runs N, --jar PATH, --baseline-jar PATH, --district PATH)");
            }
        }
        for (Path p : baseline == null ? List.of(jar, district) : List.of(jar, baseline, district)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + " does not exist: build with mvn -q -DskipTests package and"
                        + " run from the repository root");
            }
        }
        List<Double> now = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            now.add(firstHeartbeatS(jar, district));
            if (baseline != null) {
                before.add(firstHeartbeatS(baseline, district));
            }
        }
        System.out.printf(Locale.ROOT, "first HEARTBEAT after the JVM starts, %d runs, load average %s%n", runs,
                Files.readString(Path.of("/proc/loadavg")).strip());
        report(jar.toString(), now);
        if (baseline != null) {
            report(baseline + " (baseline)", before);
        }
    }

    private static void report(String what, List<Double> s) {
        List<Double> sorted = s.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-60s median %.2f s  min %.2f  max %.2f  all %s%n", what,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), s.stream()
                        .map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    /** Starts one launcher and waits up to 20 s for its first HEARTBEAT; returns the seconds, or NaN. */
    static double firstHeartbeatS(Path jar, Path district) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(200);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", jar.toString(), "org.vigie.examples.CompanionMain",
                    "udpout://127.0.0.1:" + socket.getLocalPort(), district.toString(), "--target", "48.8556,2.3654",
                    "--out", Files.createTempDirectory("vigie-hb").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(new File("/dev/null"));
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                byte[] buf = new byte[2048];
                while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                    DatagramPacket d = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(d);
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    if (isHeartbeat(buf, d.getLength())) {
                        return (System.nanoTime() - t0) / 1e9;
                    }
                }
                return Double.NaN;
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A MAVLink 1 or 2 frame of message id 0 at the start of the datagram. */
    static boolean isHeartbeat(byte[] b, int n) {
        if (n >= 10 && (b[0] & 0xFF) == 0xFD) {
            return b[7] == 0 && b[8] == 0 && b[9] == 0;
        }
        return n >= 6 && (b[0] & 0xFF) == 0xFE && b[5] == 0;
    }
}

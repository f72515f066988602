package org.vigie.bench.route;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigie.link.codec.MessageTable;

/**
 * UDP forwarding benchmark on loopback, with every party in its own process, as the issue describes it: a sender
 * blasting one recorded ArduCopter frame per datagram ({@code session3_from_sitl.raw}, 4,474 frames, cycled) into the
 * forwarder, a receiver counting and CRC-checking every frame that comes out, and the forwarder pinned to one core
 * (the last), the load generator (sender and receiver, in C: {@code bench/src/main/c/udp_load.c}) pinned to the
 * other.
 *
 * <p>Forwarders, measured in the same run, in turn, several rounds:
 * <ul>
 *   <li>{@code c-relay}: the baseline, {@code bench/src/main/c/udp_relay.c}: blocking receive, send on a connected
 *       socket, one datagram per system call, no parsing: the least any forwarder that sends one frame per datagram
 *       (as mavlink-router does) costs on this machine;</li>
 *   <li>{@code vigie-1-per-datagram}: Vigie's {@code RouterRunner} with {@code --udp-pack-bytes 0
 *       --udp-coalesce-us 0} (every datagram read at once, one frame per datagram out);</li>
 *   <li>{@code vigie}: {@code RouterRunner} with its defaults (read coalescing under load, frames of a burst packed up
 *       to 1,200 bytes per datagram).</li>
 * </ul>
 * The routers have a {@code udpin} endpoint for the sender and a {@code udpin} endpoint that the receiver joins with
 * a ground-station HEARTBEAT (so targeted frames route to it). Each forwarder runs a warm-up at saturation, then a
 * saturation phase (sender unpaced) and a paced phase (evenly spaced datagrams, default 100,000 msg/s). The
 * forwarder's CPU is the sum over all its threads (JIT and GC included) of {@code /proc/PID/task/TID/schedstat},
 * read before and after each phase. Reported per round and as medians, with the ratio to the C relay of the same
 * round.
 *
 * <p>Needs Linux, gcc and taskset (util-linux); without taskset or with one CPU it runs unpinned and says so. This is a
 * load test, not a JMH benchmark: JMH cannot measure loss or another process's CPU.
 *
 * <p>Run from the repository root after {@code mvn -q -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar org.vigie.bench.route.UdpForwardBenchmark [--rounds 5]
 * [--seconds 5] [--rate 100000] [--warmup 5] [--variant 'NAME:ROUTER_OPTIONS']...}; each {@code --variant} adds a
 * RouterRunner with those options (e.g. {@code 'c300:--udp-coalesce-us 300'}).
 */
public final class UdpForwardBenchmark {

    private static final int SENDER_PORT = 17000;
    private static final int RECEIVER_PORT = 17001;
    private static final int GCS_PORT = 17002;
    private static final Pattern LOAD_LINE = Pattern.compile(
            "sent=(\\d+) received=(\\d+) bad=(\\d+) datagrams=(\\d+) seconds=([0-9.]+) receiver_drops=(-?\\d+)");

    private UdpForwardBenchmark() {}

    /** One forwarder configuration: how to start it, and where the receiver says hello (0: nowhere). */
    record Forwarder(String name, List<String> command, int helloPort) {}

    /** One measured phase. */
    record Phase(String forwarder, String phase, int round, long sent, long received, long bad, long datagrams,
                 double seconds, long cpuNanos, long inputDrops, long receiverDrops) {
        double rate() {
            return received / seconds;
        }

        double lossPct() {
            return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        }

        double cpuSecondsPerMillion() {
            return received == 0 ? Double.NaN : cpuNanos / 1e9 / (received / 1e6);
        }

        double framesPerDatagram() {
            return datagrams == 0 ? Double.NaN : (double) received / datagrams;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "round %d  %-22s %-10s sent %8d  received %8d  %8.0f msg/s  loss %6.3f %%  bad %d  "
                            + "%5.1f frames/datagram  CPU %5.2f s per million  drops: forwarder input %d, receiver %d",
                    round, forwarder, phase, sent, received, rate(), lossPct(), bad, framesPerDatagram(),
                    cpuSecondsPerMillion(), inputDrops, receiverDrops);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --rounds N --seconds S --rate MSG_PER_S --warmup S}
     * @throws Exception if a tool cannot be built or started
     */
    public static void main(String[] args) throws Exception {
        int rounds = 5;
        double seconds = 5;
        long rate = 100_000;
        double warmup = 5;
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 == args.length) {
                usage("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--seconds" -> seconds = Double.parseDouble(v);
                case "--rate" -> rate = Long.parseLong(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--variant" -> {
                    int colon = v.indexOf(':');
                    if (colon <= 0) {
                        usage("--variant takes NAME:ROUTER_OPTIONS, e.g. 'c300:--udp-coalesce-us 300'");
                    }
                    extra.put(v.substring(0, colon), List.of(v.substring(colon + 1).trim().split("\\s+")));
                }
                default -> usage("unknown option " + a);
            }
        }
        if (rounds < 1 || seconds <= 0 || rate <= 0 || warmup < 0) {
            usage("rounds >= 1, seconds > 0, rate > 0, warmup >= 0");
        }
        Path work = Files.createTempDirectory("vigie-udp-bench");
        Path load = compile(work, "udp_load.c", "udp_load", "-pthread");
        Path relay = compile(work, "udp_relay.c", "udp_relay");
        Path frames = work.resolve("frames.bin");
        int frameCount = writeFrames(frames);
        int cpus = Runtime.getRuntime().availableProcessors();
        boolean pin = cpus >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));
        String forwarderCpu = String.valueOf(cpus - 1);
        String loadCpu = "0";
        System.out.printf(Locale.ROOT, "%d recorded frames, %d CPUs, %s, %d rounds of %.0f s, paced at %d msg/s%n",
                frameCount, cpus, pin ? "forwarder pinned to CPU " + forwarderCpu + ", load generator to CPU "
                        + loadCpu : "NOT pinned (needs taskset and 2 CPUs)", rounds, seconds, rate);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String in = "udpin://127.0.0.1:" + SENDER_PORT;
        String gcs = "udpin://127.0.0.1:" + GCS_PORT;
        List<Forwarder> forwarders = new ArrayList<>(List.of(
                new Forwarder("c-relay", List.of(relay.toString(), String.valueOf(SENDER_PORT),
                        String.valueOf(RECEIVER_PORT)), 0),
                new Forwarder("vigie-1-per-datagram", List.of(java, "-cp", cp, "org.vigie.examples.RouterMain",
                        "--udp-pack-bytes", "0", "--udp-coalesce-us", "0", in, gcs), GCS_PORT),
                new Forwarder("vigie", List.of(java, "-cp", cp, "org.vigie.examples.RouterMain", in, gcs),
                        GCS_PORT)));
        for (Map.Entry<String, List<String>> e : extra.entrySet()) {
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, "org.vigie.examples.RouterMain"));
            cmd.addAll(e.getValue());
            cmd.addAll(List.of(in, gcs));
            forwarders.add(new Forwarder("vigie-" + e.getKey(), cmd, GCS_PORT));
        }

        List<Phase> phases = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Forwarder f : forwarders) {
                List<String> cmd = new ArrayList<>();
                if (pin) {
                    cmd.addAll(List.of("taskset", "-c", forwarderCpu));
                }
                cmd.addAll(f.command());
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                try {
                    awaitReady(p, f.name());
                    runLoad(load, frames, pin, loadCpu, warmup > 0 ? warmup : 0.5, 0, f.helloPort());
                    for (long phaseRate : new long[] {0, rate}) {
                        long cpu0 = cpuNanos(p.pid());
                        long in0 = udpDrops(SENDER_PORT);
                        String line = runLoad(load, frames, pin, loadCpu, seconds, phaseRate, f.helloPort());
                        long cpu = cpuNanos(p.pid()) - cpu0;
                        long inDrops = udpDrops(SENDER_PORT) - in0;
                        Matcher m = LOAD_LINE.matcher(line);
                        if (!m.find()) {
                            throw new IllegalStateException("load generator said: " + line);
                        }
                        Phase ph = new Phase(f.name(), phaseRate == 0 ? "saturation" : "paced", round,
                                Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                                Long.parseLong(m.group(4)), Double.parseDouble(m.group(5)), cpu, inDrops,
                                Long.parseLong(m.group(6)));
                        phases.add(ph);
                        System.out.println(ph);
                    }
                } finally {
                    p.destroy();
                    if (!p.waitFor(5, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }
        }
        System.out.println();
        System.out.println(summary(phases, forwarders, rate));
    }

    private static void usage(String why) {
        System.err.println("UdpForwardBenchmark: " + why);
        System.err.println("usage: UdpForwardBenchmark [--rounds N] [--seconds S] [--rate MSG_PER_S] [--warmup S]"
                + " [--variant 'NAME:ROUTER_OPTIONS']...");
        System.exit(2);
    }

    /** Medians over rounds, and the median of the per-round ratios to the C relay, as a Markdown table. */
    static String summary(List<Phase> phases, List<Forwarder> forwarders, long rate) {
        StringBuilder sb = new StringBuilder();
        sb.append("| forwarder | saturation msg/s | loss | paced ").append(rate / 1000)
                .append("k: loss | frames/datagram | CPU s per million at ").append(rate / 1000)
                .append("k | vs c-relay (CPU) | CPU s per million at saturation |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, Map<Integer, Phase>> paced = byRound(phases, "paced");
        Map<String, Map<Integer, Phase>> sat = byRound(phases, "saturation");
        for (Forwarder f : forwarders) {
            List<Phase> s = new ArrayList<>(sat.getOrDefault(f.name(), Map.of()).values());
            List<Phase> p = new ArrayList<>(paced.getOrDefault(f.name(), Map.of()).values());
            List<Double> ratios = new ArrayList<>();
            for (Phase ph : p) {
                Phase base = paced.getOrDefault("c-relay", Map.of()).get(ph.round());
                if (base != null) {
                    ratios.add(ph.cpuSecondsPerMillion() / base.cpuSecondsPerMillion());
                }
            }
            sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f %% | %.2f %% | %.1f | %.2f | %.2f | %.2f |%n",
                    f.name(), median(s, Phase::rate), median(s, Phase::lossPct), median(p, Phase::lossPct),
                    median(p, Phase::framesPerDatagram), median(p, Phase::cpuSecondsPerMillion),
                    medianOf(ratios), median(s, Phase::cpuSecondsPerMillion)));
        }
        sb.append("(medians over rounds; worst saturation loss: ");
        for (Forwarder f : forwarders) {
            double worst = sat.getOrDefault(f.name(), Map.of()).values().stream().mapToDouble(Phase::lossPct).max()
                    .orElse(Double.NaN);
            sb.append(String.format(Locale.ROOT, "%s %.2f %%; ", f.name(), worst));
        }
        sb.setLength(sb.length() - 2);
        sb.append(')');
        return sb.toString();
    }

    private static Map<String, Map<Integer, Phase>> byRound(List<Phase> phases, String phase) {
        Map<String, Map<Integer, Phase>> out = new LinkedHashMap<>();
        for (Phase p : phases) {
            if (p.phase().equals(phase)) {
                out.computeIfAbsent(p.forwarder(), k -> new LinkedHashMap<>()).put(p.round(), p);
            }
        }
        return out;
    }

    private static double median(List<Phase> ps, java.util.function.ToDoubleFunction<Phase> f) {
        List<Double> v = new ArrayList<>();
        for (Phase p : ps) {
            v.add(f.applyAsDouble(p));
        }
        return medianOf(v);
    }

    static double medianOf(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Reads the forwarder's output until its ready line ("ready" or "router ready: ..."), then echoes the rest on a
     * daemon thread (so the pipe never fills).
     *
     * @throws IllegalStateException if the process ends first
     */
    private static void awaitReady(Process p, String name) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.contains("ready")) {
            System.out.println("  [" + name + "] " + line);
        }
        if (line == null) {
            throw new IllegalStateException(name + " ended before it was ready");
        }
        Thread echo = new Thread(() -> {
            try {
                String l;
                while ((l = r.readLine()) != null) {
                    System.out.println("  [" + name + "] " + l);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "bench-forwarder-output");
        echo.setDaemon(true);
        echo.start();
    }

    /** Runs the load generator once and returns its result line. */
    private static String runLoad(Path load, Path frames, boolean pin, String cpu, double seconds, long rate,
            int helloPort) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (pin) {
            cmd.addAll(List.of("taskset", "-c", cpu));
        }
        cmd.addAll(List.of(load.toString(), frames.toString(), String.valueOf(SENDER_PORT),
                String.valueOf(RECEIVER_PORT), String.valueOf(seconds), String.valueOf(rate)));
        if (helloPort > 0) {
            cmd.add(String.valueOf(helloPort));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("load generator failed: " + out);
        }
        return out;
    }

    /**
     * Datagrams the kernel dropped so far because the receive queue of the socket bound to this loopback port was
     * full (the {@code drops} column of /proc/net/udp and /proc/net/udp6); 0 where that is unreadable.
     */
    static long udpDrops(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        long total = 0;
        for (String file : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 12 && f[1].endsWith(hexPort)) {
                        total += Long.parseLong(f[f.length - 1]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or a format we do not know: no drop figures
            }
        }
        return total;
    }

    /** CPU time of every thread of a process so far, nanoseconds (first field of each task's schedstat). */
    static long cpuNanos(long pid) throws IOException {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String s = Files.readString(t.resolve("schedstat")).trim();
                    total += Long.parseLong(s.substring(0, s.indexOf(' ')));
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return total;
    }

    /** Compiles one of bench/src/main/c with gcc -O2 into the work directory. */
    private static Path compile(Path work, String source, String binary, String... extra)
            throws IOException, InterruptedException {
        Path src = null;
        for (Path p : new Path[] {Path.of("bench", "src", "main", "c", source), Path.of("src", "main", "c", source)}) {
            if (Files.isRegularFile(p)) {
                src = p;
            }
        }
        if (src == null) {
            throw new IllegalStateException(source + " not found: run from the repository root");
        }
        Path out = work.resolve(binary);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O2", "-o", out.toString(), src.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("gcc failed on " + src + ": " + msg);
        }
        return out;
    }

    /**
     * Writes the recorded frames as [u16 LE length][u8 CRC_EXTRA][frame] records for the load generator.
     *
     * @return how many frames
     */
    private static int writeFrames(Path file) throws IOException {
        List<byte[]> frames = Captures.frames(Captures.read("session3_from_sitl.raw"));
        MessageTable table = MessageTable.ardupilotmega();
        try (OutputStream fo = Files.newOutputStream(file); DataOutputStream o = new DataOutputStream(fo)) {
            for (byte[] f : frames) {
                int id = (f[0] & 0xFF) == 0xFD ? (f[7] & 0xFF) | (f[8] & 0xFF) << 8 | (f[9] & 0xFF) << 16 : f[5] & 0xFF;
                o.write(f.length & 0xFF);
                o.write(f.length >>> 8);
                o.write(table.crcExtra(id));
                o.write(f);
            }
        }
        return frames.size();
    }
}

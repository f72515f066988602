package org.vigie.bench.centre;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.vigie.centre.CentreEvent;
import org.vigie.centre.CentreOptions;
import org.vigie.centre.CentreStats;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.IncidentState;
import org.vigie.centre.IncidentView;
import org.vigie.centre.InMemoryCentreRecorder;
import org.vigie.centre.Roster;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.Button;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.Availability;
import org.vigie.centre.fleet.DroneKeys;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.fleet.DroneState;
import org.vigie.centre.link.FleetLinks;
import org.vigie.dispatch.DispatchClientOptions;
import org.vigie.examples.QuickStart;
import org.vigie.examples.centre.SimulatedDrone;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.time.SpeedUpClock;

/**
 * The city simulation: Paris as 240 districts (the 80 quartiers, three sectors each), one simulated drone per district
 * (simulator + companion + dispatch server, {@link SimulatedDrone}) on its own signed dispatch link over UDP loopback
 * with its own key, a {@link DispatchCentre} with its {@link FleetLinks}, 20,000 seeded buttons, alerts as a Poisson
 * process at a given city-wide rate, agents (one per ten drones) who confirm each launch after 5 to 20 s and return a drone to service 10 min after a
 * failed flight, docks that recharge a landed drone 30 s before the centre's 2 min turnaround ends, and hours of
 * simulated time at a speed-up. Prints a table and writes JSON and SVG (histogram of alert to on scene, city map
 * coloured by each district's p95); with several rates, a p95-vs-rate curve. Measures its own speed (simulated seconds
 * per wall second) and the CPU time of each thread group, which names the bottleneck. Not a JMH benchmark.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.vigie.bench.centre.CitySimulationStudy [--districts 240]
 * [--buttons 20000] [--rates 60] [--hours 1] [--speed 10] [--air-threads 2] [--seed 1] [--out bench/results/city]}.
 */
public final class CitySimulationStudy {

    /** One run's parameters. */
    record Config(int districts, int buttons, double ratePerHour, double hours, double speed, int airThreads,
                  long seed, Duration drain) {
    }

    /** One run's results. */
    record Result(Config config, List<IncidentView> incidents, Map<String, Double> utilisation, CentreStats stats,
                  double simSeconds, double wallSeconds, Map<String, Double> cpuSecondsByGroup, int alertsSent,
                  List<District> districts, int startupWallMs) {
        double speedUp() {
            return simSeconds / wallSeconds;
        }
    }

    private CitySimulationStudy() {
    }

    /**
     * @param args see the class description
     * @throws Exception if the data cannot be read or the run cannot start
     */
    public static void main(String[] args) throws Exception {
        int districts = 240;
        int buttons = 20_000;
        List<Double> rates = List.of(60.0);
        double hours = 1;
        double speed = 10;
        int airThreads = 2;
        long seed = 1;
        Path out = Path.of("bench", "results", "city");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--districts" -> districts = Integer.parseInt(args[++i]);
                case "--buttons" -> buttons = Integer.parseInt(args[++i]);
                case "--rates" -> rates = java.util.Arrays.stream(args[++i].split(",")).map(Double::parseDouble)
                        .toList();
                case "--hours" -> hours = Double.parseDouble(args[++i]);
                case "--speed" -> speed = Double.parseDouble(args[++i]);
                case "--air-threads" -> airThreads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        List<Result> results = new ArrayList<>();
        for (double rate : rates) {
            Config c = new Config(districts, buttons, rate, hours, speed, airThreads, seed, Duration.ofMinutes(6));
            Result r = run(c);
            results.add(r);
            String tag = String.format(Locale.ROOT, "rate-%.0f", rate);
            System.out.println(CityReport.table(r));
            Files.writeString(out.resolve(tag + ".json"), CityReport.json(r));
            Files.writeString(out.resolve(tag + ".svg"), CitySvg.render(r));
        }
        if (results.size() > 1) {
            Files.writeString(out.resolve("p95-vs-rate.svg"), CitySvg.curve(results));
            Files.writeString(out.resolve("p95-vs-rate.json"), CityReport.curveJson(results));
            System.out.println(CityReport.curveTable(results));
        }
        System.out.println("written to " + out.toAbsolutePath());
        System.exit(0);
    }

    /**
     * Runs one simulation.
     *
     * @param c the parameters
     * @return the results
     * @throws Exception if it cannot start
     */
    static Result run(Config c) throws Exception {
        long wallStart = System.nanoTime();
        List<District> districts = new ArrayList<>();
        List<ParisQuartiers.Quartier> qs = new ArrayList<>(QuickStart.bundledQuartiers());
        qs.sort(ParisQuartiers.BY_NUMBER);
        for (ParisQuartiers.Quartier q : qs) {
            for (District d : ParisQuartiers.sectors(q)) {
                if (districts.size() < c.districts()) {
                    districts.add(d);
                }
            }
        }
        DistrictIndex index = new DistrictIndex(districts);
        ButtonRegistry buttons = ButtonRegistry.seeded(index, c.buttons(), 0.2, 15, c.seed());
        List<Button> buttonList = new ArrayList<>(buttons.all());
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        SpeedUpClock clock = new SpeedUpClock(c.speed(), Clock.systemUTC(), RealtimeScheduler.DEFAULT_MAX_LATENESS);
        List<RealtimeScheduler> air = new ArrayList<>();
        for (int i = 0; i < c.airThreads(); i++) {
            air.add(new RealtimeScheduler("air-" + i, clock));
        }
        RealtimeScheduler droneDispatch = new RealtimeScheduler("drone-dispatch", clock);
        RealtimeScheduler centreScheduler = new RealtimeScheduler("centre", clock);
        List<SimulatedDrone> drones = new ArrayList<>();
        FleetLinks links = null;
        DispatchCentre centre = null;
        try {
            DroneKeys keys = new DroneKeys();
            SigningTimestamps ts = SigningTimestamps.open(centreScheduler, TimestampStore.inMemory(null));
            links = new FleetLinks(centreScheduler, callbacks, keys, ts,
                    DispatchClientOptions.defaults().withRetries(Duration.ofSeconds(3), 6));
            Duration turnaround = Duration.ofMinutes(2);
            CentreOptions options = CentreOptions.defaults().withTurnaround(turnaround)
                    .withSilenceTimeout(Duration.ofSeconds(60)).withOnSceneTime(Duration.ofSeconds(60));
            centre = DispatchCentre.start(centreScheduler, callbacks, index, buttons, links,
                    new InMemoryCentreRecorder(), options);
            links.feed(centre);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < districts.size(); i++) {
                int id = i + 1;
                District d = districts.get(i);
                SigningKey key = key(id, c.seed());
                keys.add("k" + id, key);
                DroneRecord r = new DroneRecord(id, d.name(), "k" + id, d.home());
                centre.register(r);
                int port = freePort();
                RealtimeScheduler a = air.get(i % air.size());
                drones.add(new SimulatedDrone(id, d, key, port, a, droneDispatch, callbacks, c.seed() * 1000 + id)
                        .dockCharging(turnaround.minusSeconds(30), a));
                links.connect(r, "udpout://127.0.0.1:" + port);
                ids.add(id);
            }
            List<String> agents = new ArrayList<>();
            for (int i = 0; i < Math.max(1, districts.size() / 10); i++) {
                agents.add(String.format("agent-%02d", i + 1));
            }
            DispatchCentre cen = centre;
            SplittableRandom agentRnd = new SplittableRandom(c.seed() + 7);
            Roster roster = Roster.roundRobin(ids, agents);
            centre.setRoster(roster);
            centre.onEvent(e -> {
                if (e instanceof CentreEvent.AgentAsked a && !a.approval()) {
                    long delayMs = 5000 + agentRnd.nextLong(15000);
                    centreScheduler.schedule(Duration.ofMillis(delayMs), () -> cen.confirm(a.agentId(),
                            a.incident().id()));
                } else if (e instanceof CentreEvent.MaintenanceNeeded m) {
                    String agent = roster.agentFor(m.droneSystemId()).orElseThrow();
                    centreScheduler.schedule(Duration.ofMinutes(10), () -> cen.setInService(agent,
                            m.droneSystemId(), true, "inspected after a failed flight (" + m.reason() + ")"));
                }
            });
            awaitReady(centre, districts.size(), Duration.ofMinutes(5));
            int startupMs = (int) ((System.nanoTime() - wallStart) / 1_000_000);

            // the run: Poisson alerts for the given hours of centre time, then a drain
            Map<String, AtomicLong> busySamples = new ConcurrentHashMap<>();
            AtomicLong samples = new AtomicLong();
            AtomicLong sent = new AtomicLong();
            SplittableRandom rnd = new SplittableRandom(c.seed());
            Instant simStart = centreScheduler.now();
            Instant simEnd = simStart.plusMillis((long) (c.hours() * 3_600_000));
            long wallRun = System.nanoTime();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpuBefore = cpu(mx);
            // Poisson arrivals on absolute due instants of the centre's (simulated) clock, polled every 100 ms:
            // a scheduled delay runs on wall time, which keeps running while a held clock stands still
            double meanGapMs = 3_600_000.0 / c.ratePerHour();
            Instant[] due = {simStart.plusMillis((long) (-Math.log(1 - rnd.nextDouble()) * meanGapMs))};
            centreScheduler.scheduleAtFixedRate(Duration.ofMillis(100), Duration.ofMillis(100), () -> {
                Instant now = centreScheduler.now();
                while (!due[0].isAfter(now) && due[0].isBefore(simEnd)) {
                    Button b = buttonList.get(rnd.nextInt(buttonList.size()));
                    sent.incrementAndGet();
                    cen.submit(new Alert.ButtonPress(b.id()));
                    due[0] = due[0].plusMillis((long) (-Math.log(1 - rnd.nextDouble()) * meanGapMs));
                }
            });
            centreScheduler.scheduleAtFixedRate(Duration.ofSeconds(10), Duration.ofSeconds(10), () -> {
                if (centreScheduler.now().isBefore(simEnd)) {
                    cen.fleet().thenAccept(fleet -> {
                        samples.incrementAndGet();
                        for (DroneState d : fleet) {
                            if (d.availability() != Availability.READY) {
                                busySamples.computeIfAbsent(d.drone().district(), k -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        }
                    });
                }
            });
            long lastReport = System.nanoTime();
            Instant drainEnd = simEnd.plus(c.drain());
            while (centreScheduler.now().isBefore(drainEnd)) {
                Thread.sleep(200);
                if (centreScheduler.now().isAfter(simEnd)) {
                    List<IncidentView> open = centre.incidents().get(30, TimeUnit.SECONDS).stream()
                            .filter(v -> !v.state().terminal()).toList();
                    if (open.isEmpty()) {
                        break;
                    }
                }
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    lastReport = System.nanoTime();
                    double sim = Duration.between(simStart, centreScheduler.now()).toMillis() / 1000.0;
                    double wall = (System.nanoTime() - wallRun) / 1e9;
                    System.out.printf(Locale.ROOT, "  ... %.0f s simulated in %.0f s (%.1fx), %d alerts, %s%n", sim,
                            wall, sim / wall, sent.get(), centre.stats());
                }
            }
            double simS = Duration.between(simStart, centreScheduler.now()).toMillis() / 1000.0;
            double wallS = (System.nanoTime() - wallRun) / 1e9;
            Map<String, Double> cpuByGroup = cpuByGroup(mx, cpuBefore);
            List<IncidentView> incidents = centre.incidents().get(30, TimeUnit.SECONDS);
            Map<String, Double> utilisation = new TreeMap<>();
            for (District d : districts) {
                AtomicLong n = busySamples.get(d.name());
                utilisation.put(d.name(), samples.get() == 0 ? 0 : (n == null ? 0 : n.get()) / (double) samples.get());
            }
            return new Result(c, incidents, utilisation, centre.stats(), simS, wallS, cpuByGroup, (int) sent.get(),
                    districts, startupMs);
        } finally {
            if (links != null) {
                links.close();
            }
            if (centre != null) {
                centre.close();
            }
            drones.forEach(SimulatedDrone::close);
            centreScheduler.close();
            droneDispatch.close();
            air.forEach(RealtimeScheduler::close);
            callbacks.shutdownNow();
        }
    }

    private static void awaitReady(DispatchCentre centre, int n, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        long ready = 0;
        while (System.nanoTime() < end) {
            ready = centre.fleet().get(30, TimeUnit.SECONDS).stream()
                    .filter(d -> d.availability() == Availability.READY).count();
            if (ready == n) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("only " + ready + " of " + n + " drones ready after " + limit);
    }

    private static Map<Long, Long> cpu(ThreadMXBean mx) {
        Map<Long, Long> m = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            m.put(id, mx.getThreadCpuTime(id));
        }
        return m;
    }

    private static Map<String, Double> cpuByGroup(ThreadMXBean mx, Map<Long, Long> before) {
        Map<String, Double> out = new TreeMap<>();
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            if (info == null || t < 0) {
                continue;
            }
            String group = info.getThreadName().replaceAll("[-_ #]?\\d+.*$", "").replaceAll("[:@].*$", "");
            double s = (t - before.getOrDefault(id, 0L)) / 1e9;
            out.merge(group.isEmpty() ? "other" : group, s, Double::sum);
        }
        return out;
    }

    private static SigningKey key(int id, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 7919 + id);
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        b[0] |= 1;
        return SigningKey.of(b);
    }

    private static int freePort() throws java.io.IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** @param v an incident @return alert to launch, seconds, or NaN */
    static double launchS(IncidentView v) {
        return v.launchedAt() == null ? Double.NaN
                : Duration.between(v.openedAt(), v.launchedAt()).toMillis() / 1000.0;
    }

    /** @param v an incident @return alert to on scene, seconds, or NaN */
    static double onSceneS(IncidentView v) {
        return v.state() != IncidentState.ON_SCENE || v.onSceneAt() == null ? Double.NaN
                : Duration.between(v.openedAt(), v.onSceneAt()).toMillis() / 1000.0;
    }
}

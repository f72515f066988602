package org.vigie.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.Transports;

/**
 * Runs one simulated vehicle standalone, so that QGroundControl, MAVProxy or a dispatch integration can connect to
 * it.
 *
 * <pre>
 * java -cp ... org.vigie.sim.SimMain --connect tcpin://0.0.0.0:5760 [--connect udpout://127.0.0.1:14550]
 *      [--home 48.8566,2.3522,35] [--sysid 1] [--flavour arducopter|px4] [--speedup 1] [--seed 1] [--fast-boot]
 * </pre>
 *
 * Each {@code --connect} is one MAVLink channel (connection strings as MAVSDK: tcpin, tcpout, udpin, udpout,
 * serial). Bad arguments print a message naming the argument and exit with status 2; a transport that cannot be
 * opened exits with status 1.
 */
public final class SimMain {

    /** Parsed command line. */
    record Options(List<String> connections, SimConfig config, double speedUp) {}

    private SimMain() {}

    /**
     * Entry point.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err, true);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses, starts the vehicle and, if {@code block}, waits until the JVM is stopped.
     *
     * @param args command line
     * @param out where the banner goes
     * @param err where errors go
     * @param block whether to wait forever once started
     * @return exit status: 0 started, 1 transport error, 2 bad arguments
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean block) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sim: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        List<Transport> transports = new ArrayList<>();
        try {
            for (String c : o.connections()) {
                transports.add(Transports.open(c));
            }
        } catch (IllegalArgumentException e) {
            err.println("sim: bad connection string: " + e.getMessage());
            closeAll(transports);
            return 2;
        } catch (IOException e) {
            err.println("sim: cannot open transport: " + e.getMessage());
            closeAll(transports);
            return 1;
        }
        RealtimeScheduler scheduler = new RealtimeScheduler("vigie-sim-" + o.config().systemId(), o.speedUp(),
                Clock.systemUTC());
        SimVehicle vehicle = new SimVehicle(o.config(), scheduler, transports.toArray(new Transport[0]));
        vehicle.start();
        out.printf(Locale.ROOT, "Vigie simulated %s, system %d, home %.6f,%.6f,%.1f m, speed-up %.1f, on %s%n",
                o.config().flavour(), o.config().systemId(), o.config().homeLatDeg(), o.config().homeLonDeg(),
                o.config().homeAltAmslM(), o.speedUp(), o.connections());
        if (!block) {
            vehicle.close();
            scheduler.close();
            return 0;
        }
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vehicle.close();
            scheduler.close();
            done.countDown();
        }));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void closeAll(List<Transport> ts) {
        for (Transport t : ts) {
            t.close();
        }
    }

    static String usage() {
        return "usage: SimMain --connect <tcpin://host:port|tcpout://..|udpin://..|udpout://..|serial:///dev/x:baud>"
                + " [--connect ...] [--home lat,lon,altAmslM] [--sysid 1..255] [--flavour arducopter|px4]"
                + " [--speedup 1..1000] [--seed n] [--fast-boot]";
    }

    /**
     * Parses the command line.
     *
     * @param args arguments
     * @return the options
     * @throws IllegalArgumentException naming the bad argument and why
     */
    static Options parse(String[] args) {
        SimConfig.Builder b = SimConfig.builder();
        List<String> connections = new ArrayList<>();
        double speedUp = 1.0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--connect" -> connections.add(value(args, ++i, a));
                case "--home" -> {
                    String v = value(args, ++i, a);
                    String[] p = v.split(",", -1);
                    if (p.length != 3) {
                        throw new IllegalArgumentException("--home needs lat,lon,altAmslM, was '" + v + "'");
                    }
                    b.home(number(p[0], "--home latitude"), number(p[1], "--home longitude"),
                            number(p[2], "--home altitude"));
                }
                case "--sysid" -> b.systemId((int) number(value(args, ++i, a), a));
                case "--seed" -> b.seed((long) number(value(args, ++i, a), a));
                case "--speedup" -> speedUp = number(value(args, ++i, a), a);
                case "--flavour", "--flavor" -> {
                    String v = value(args, ++i, a).toUpperCase(Locale.ROOT);
                    try {
                        b.flavour(Flavour.valueOf(v));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--flavour must be arducopter or px4, was '"
                                + v.toLowerCase(Locale.ROOT) + "'");
                    }
                }
                case "--fast-boot" -> b.fastBoot();
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("at least one --connect is required");
        }
        if (!(speedUp >= 1 && speedUp <= 1000)) {
            throw new IllegalArgumentException("--speedup must be in [1, 1000], was " + speedUp);
        }
        return new Options(List.copyOf(connections), b.build(), speedUp);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static double number(String s, String name) {
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + s + "'");
        }
    }
}

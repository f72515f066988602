package org.vigie.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.TcpServerTransport;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.Transports;

/**
 * Runs one simulated vehicle standalone, so that QGroundControl, MAVProxy or a dispatch integration can connect to
 * it.
 *
 * <pre>
 * java -cp ... org.vigie.sim.SimMain --connect tcpin://0.0.0.0:5760 [--connect udpout://127.0.0.1:14550]
 *      [--home 48.8566,2.3522,35] [--sysid 1] [--flavour arducopter|px4] [--speedup 1] [--seed 1] [--fast-boot]
 *      [--keep-battery] [--boot-on-connect]
 * </pre>
 *
 * Each {@code --connect} is one MAVLink channel (connection strings as MAVSDK: tcpin, tcpout, udpin, udpout,
 * serial). On a {@code tcpin} channel every client that connects is a new session: it first gets ArduCopter's boot
 * banner (the ASCII text SITL prints on its first serial port, as recorded in {@code testdata/captures}), and while
 * the vehicle is disarmed its battery is charged full again ({@code --keep-battery} keeps what the last session left);
 * with {@code --boot-on-connect} the vehicle boots again when a client connects, so its clock (time_boot_ms) and
 * readiness timeline start at the connection, as SITL's do. {@code --help} prints the options and exits 0. Bad
 * arguments print a sentence naming the argument and what was expected, and exit with status 2; a transport that
 * cannot be opened exits with status 1.
 */
public final class SimMain {

    /**
     * What ArduCopter 4.7 SITL writes on its first serial port at boot, before any MAVLink (152 bytes, from
     * {@code testdata/captures/session1_from_sitl.raw}).
     */
    static final byte[] ARDUCOPTER_BOOT_BANNER = ("\n\nInit ArduCopter V4.7.0-dev (c9f8a98b)\n\nFree RAM: 524288\n"
            + "Booting 0/0\nFirmware change: erasing EEPROM...\ndone.\n0 0 0 AP_Logger_File: buffer size=204800\n")
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * Parsed command line.
     *
     * @param connections connection strings, one per channel
     * @param config the vehicle
     * @param speedUp simulated seconds per wall-clock second
     * @param keepBattery keep the state of charge from one TCP session to the next
     * @param bootOnConnect boot again when a TCP client connects
     * @param help only print the help
     */
    record Options(List<String> connections, SimConfig config, double speedUp, boolean keepBattery,
                   boolean bootOnConnect, boolean help) {}

    private SimMain() {}

    /**
     * Entry point.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int code = run(args, System.out, System.err, true);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses, starts the vehicle and, if {@code block}, waits until the JVM is stopped.
     *
     * @param args command line
     * @param out where the banner and session lines go
     * @param err where errors go
     * @param block whether to wait forever once started
     * @return exit status: 0 started (or help printed), 1 transport error, 2 bad arguments
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
        if (o.help()) {
            out.println(help());
            return 0;
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
            err.println("sim: cannot open transport: " + e.getMessage()
                    + " (is another program using that port? pick another with --connect)");
            closeAll(transports);
            return 1;
        }
        RealtimeScheduler scheduler = new RealtimeScheduler("vigie-sim-" + o.config().systemId(), o.speedUp(),
                Clock.systemUTC());
        SimVehicle vehicle = new SimVehicle(o.config(), scheduler, transports.toArray(new Transport[0]));
        AtomicInteger sessions = new AtomicInteger();
        for (Transport t : transports) {
            if (t instanceof TcpServerTransport tcp) {
                greetSessions(tcp, vehicle, o, sessions, out);
            }
        }
        vehicle.start();
        out.printf(Locale.ROOT, "Vigie simulated %s, system %d, home %.6f,%.6f,%.1f m, speed-up %.1f; %s%n",
                o.config().flavour(), o.config().systemId(), o.config().homeLatDeg(), o.config().homeLonDeg(),
                o.config().homeAltAmslM(), o.speedUp(), describe(transports));
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

    /**
     * Makes every client of a TCP server channel a new session: the vehicle hears of it
     * ({@link SimVehicle#newSession}), a line is printed, and the client gets ArduCopter's boot banner first.
     *
     * @param tcp the channel
     * @param vehicle the vehicle
     * @param o the options (battery kept, boot on connect, flavour)
     * @param sessions the session counter, shared by the channels
     * @param out where the line goes
     */
    static void greetSessions(TcpServerTransport tcp, SimVehicle vehicle, Options o, AtomicInteger sessions,
                              PrintStream out) {
        tcp.onAccept(peer -> {
            int n = sessions.incrementAndGet();
            vehicle.newSession(o.keepBattery(), o.bootOnConnect());
            out.printf(Locale.ROOT, "sim: ground station connected from %s on %s (session %d%s%s)%n", peer,
                    tcp.description(), n, o.keepBattery() ? "" : ", battery full if disarmed",
                    o.bootOnConnect() ? ", booting now" : "");
            return o.config().flavour() == Flavour.ARDUCOPTER ? ARDUCOPTER_BOOT_BANNER.clone() : new byte[0];
        });
    }

    /** Says what each channel does: a server listens and waits, the others send or open. */
    private static String describe(List<Transport> transports) {
        List<String> parts = new ArrayList<>();
        for (Transport t : transports) {
            String d = t.description();
            parts.add(d.startsWith("tcpin://") || d.startsWith("udpin://")
                    ? "listening on " + d + " (waiting for a ground station)" : "on " + d);
        }
        return String.join(", ", parts);
    }

    private static void closeAll(List<Transport> ts) {
        for (Transport t : ts) {
            t.close();
        }
    }

    static String usage() {
        return "usage: SimMain --connect <tcpin://host:port|tcpout://..|udpin://..|udpout://..|serial:///dev/x:baud>"
                + " [--connect ...] [--home lat,lon,altAmslM] [--sysid 1..255] [--flavour arducopter|px4]"
                + " [--speedup 1..1000] [--seed n] [--fast-boot] [--keep-battery] [--boot-on-connect] [--help]";
    }

    static String help() {
        return usage() + "\n\n"
                + "A simulated multicopter that speaks MAVLink like ArduCopter 4.7 (or PX4), for QGroundControl,\n"
                + "MAVProxy, the Vigie companion (CompanionMain) or a dispatch integration.\n\n"
                + "  --connect URL      a MAVLink channel; repeat for several (tcpin://0.0.0.0:5760 is SITL's port)\n"
                + "  --home LAT,LON,ALT home latitude and longitude (degrees) and altitude AMSL (m);"
                + " default 48.8566,2.3522,35\n"
                + "  --sysid N          MAVLink system id, 1..255; default 1\n"
                + "  --flavour NAME     arducopter (default) or px4\n"
                + "  --speedup N        simulated seconds per real second, 1..1000; default 1. The companion must run\n"
                + "                     at the same rate (CompanionMain --speedup N): it measures the autopilot's\n"
                + "                     clock and refuses to fly on a mismatch\n"
                + "  --seed N           random seed (wind gusts, GPS noise); default 1\n"
                + "  --fast-boot        ready to arm at once instead of ArduCopter's ~42 s of GPS and EKF start-up\n"
                + "  --keep-battery     keep the battery's charge from one TCP session to the next (default: every\n"
                + "                     new TCP client finds a full battery while the vehicle is disarmed)\n"
                + "  --boot-on-connect  boot again when a TCP client connects: time_boot_ms and the start-up\n"
                + "                     timeline start at the connection, as ArduCopter SITL's do\n"
                + "  --help             this text\n\n"
                + "Exit status: 0 stopped normally (Ctrl-C) or help printed; 1 a channel could not be opened;"
                + " 2 bad arguments.";
    }

    /**
     * Parses the command line.
     *
     * @param args arguments
     * @return the options
     * @throws IllegalArgumentException naming the bad argument and what was expected
     */
    static Options parse(String[] args) {
        SimConfig.Builder b = SimConfig.builder();
        List<String> connections = new ArrayList<>();
        double speedUp = 1.0;
        boolean keepBattery = false;
        boolean bootOnConnect = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return new Options(List.of(), b.build(), 1, false, false, true);
                }
                case "--connect" -> connections.add(value(args, ++i, a));
                case "--home" -> {
                    String v = value(args, ++i, a);
                    String[] p = v.split(",", -1);
                    if (p.length != 3) {
                        throw new IllegalArgumentException("--home needs lat,lon,altAmslM (three numbers separated by"
                                + " commas, e.g. 48.8515,2.3643,35), was '" + v + "'");
                    }
                    double lat = number(p[0], "--home latitude");
                    double lon = number(p[1], "--home longitude");
                    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                        throw new IllegalArgumentException("--home latitude must be within -90..90 and longitude"
                                + " within -180..180, was " + p[0].strip() + "," + p[1].strip());
                    }
                    b.home(lat, lon, number(p[2], "--home altitude"));
                }
                case "--sysid" -> {
                    double id = number(value(args, ++i, a), a);
                    if (id != Math.rint(id) || id < 1 || id > 255) {
                        throw new IllegalArgumentException("--sysid must be a whole number 1..255, was "
                                + args[i]);
                    }
                    b.systemId((int) id);
                }
                case "--seed" -> {
                    String v = value(args, ++i, a);
                    try {
                        b.seed(Long.parseLong(v.strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed must be a whole number, was '" + v + "'");
                    }
                }
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
                case "--keep-battery" -> keepBattery = true;
                case "--boot-on-connect" -> bootOnConnect = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "' (--help lists the options)");
            }
        }
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("at least one --connect is required, e.g. --connect tcpin://0.0.0.0:5760");
        }
        if (!(speedUp >= 1 && speedUp <= 1000)) {
            throw new IllegalArgumentException("--speedup must be in [1, 1000], was " + speedUp);
        }
        return new Options(List.copyOf(connections), b.build(), speedUp, keepBattery, bootOnConnect, false);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value (--help lists the options)");
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

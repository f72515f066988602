package org.vigie.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vigie.link.route.Router;
import org.vigie.link.route.RouterRunner;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportOptions;
import org.vigie.link.transport.Transports;

/**
 * The MAVLink router from the command line:
 * {@code RouterMain [--udp-pack-bytes N] [--udp-coalesce-us N] CONNECTION CONNECTION...}, e.g.
 * {@code serial:///dev/ttyAMA0:921600 udpin://0.0.0.0:14550 tcpin://0.0.0.0:5760}. Endpoints are named by their
 * connection strings. {@code --udp-pack-bytes 0} sends one frame per UDP datagram (for a ground station that wants it
 * so); {@code --udp-coalesce-us 0} reads every datagram as soon as it arrives (see {@link TransportOptions}). Prints
 * {@code router ready: N endpoints} once every transport is started, then runs until the JVM is stopped. Bad
 * arguments: a sentence and the usage on standard error, exit status 2. The routing itself is
 * {@link RouterRunner}'s.
 */
public final class RouterMain {

    private RouterMain() {
    }

    /**
     * Runs the router until the JVM is stopped.
     *
     * @param args options, then connection strings
     * @throws Exception if a transport cannot be opened
     */
    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(help());
            return;
        }
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            fail(System.err, e.getMessage());
            return;
        }
        RouterRunner runner = new RouterRunner(new Router());
        try {
            for (String connection : cl.connections()) {
                Transport t = Transports.open(connection, cl.options());
                try {
                    runner.add(connection, t);
                } catch (RuntimeException e) {
                    t.close();
                    throw e;
                }
            }
        } catch (IllegalArgumentException e) {
            runner.close();
            fail(System.err, e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "vigie-router-shutdown"));
        runner.start();
        System.out.println("router ready: " + cl.connections().size() + " endpoints");
        System.out.flush();
        runner.awaitClosed();
    }

    private static void fail(PrintStream err, String why) {
        err.println("RouterMain: " + why);
        err.println(usage());
        System.exit(2);
    }

    /** @return the help: usage, options, exit status */
    static String help() {
        return usage() + "\n\n"
                + "Routes MAVLink between an autopilot, ground stations and onboard programs (see the README).\n\n"
                + "  CONNECTION            an endpoint, as MAVSDK writes it: serial:///dev/ttyAMA0:921600,\n"
                + "                        udpin://0.0.0.0:14550, udpout://10.0.0.5:14550, tcpin://0.0.0.0:5760, ...\n"
                + "  --udp-pack-bytes N    pack the frames of a burst into UDP datagrams of at most N bytes\n"
                + "                        (default 1200; 0: one frame per datagram)\n"
                + "  --udp-coalesce-us N   under load, wait N microseconds between UDP read bursts (default 100;\n"
                + "                        0: read every datagram at once)\n"
                + "  --help                this text\n\n"
                + "Exit status: 2 bad arguments or an endpoint that cannot be opened; otherwise it runs until\n"
                + "stopped (Ctrl-C).";
    }

    /** @return the one-line usage text */
    static String usage() {
        return "usage: RouterMain [--udp-pack-bytes N] [--udp-coalesce-us N] CONNECTION CONNECTION..."
                + " (e.g. serial:///dev/ttyAMA0:921600 udpin://0.0.0.0:14550)";
    }

    /**
     * The parsed command line.
     *
     * @param options     transport options (UDP packing and read coalescing)
     * @param connections the connection strings, at least two, in order
     */
    record CommandLine(TransportOptions options, List<String> connections) {

        /**
         * Parses options then connection strings.
         *
         * @param args the arguments
         * @return the command line
         * @throws IllegalArgumentException naming the bad argument
         */
        static CommandLine parse(String[] args) {
            TransportOptions defaults = TransportOptions.defaults();
            int packBytes = defaults.udpPackBytes();
            long coalesceMicros = defaults.udpReadCoalescing().toNanos() / 1000;
            List<String> connections = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--udp-pack-bytes") || a.equals("--udp-coalesce-us")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(a + " needs a value (a whole number)");
                    }
                    long v;
                    try {
                        v = Long.parseLong(args[++i]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(a + " needs a whole number, was '" + args[i] + "'");
                    }
                    if (v < 0 || v > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException(a + " must not be negative, was " + v);
                    }
                    if (a.equals("--udp-pack-bytes")) {
                        packBytes = (int) v;
                    } else {
                        coalesceMicros = v;
                    }
                } else if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + a + " (--help lists the options)");
                } else {
                    connections.add(a);
                }
            }
            if (connections.size() < 2) {
                throw new IllegalArgumentException("a router needs at least two connections, got "
                        + connections.size());
            }
            TransportOptions options = defaults.withUdpPacking(packBytes, Duration.ofNanos(coalesceMicros * 1000));
            return new CommandLine(options, List.copyOf(connections));
        }
    }
}

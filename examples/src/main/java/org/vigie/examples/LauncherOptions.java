package org.vigie.examples;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The companion launcher's command line, parsed and checked: every bad option is named with what was expected.
 *
 * @param connection       where the autopilot is (MAVSDK connection string)
 * @param districtFile     the district file (Vigie GeoJSON or QGroundControl .plan)
 * @param outDir           output folder
 * @param preflight        how long PREFLIGHT waits for the autopilot
 * @param onScene          time on scene per flight
 * @param requester        who dispatches
 * @param origin           from where
 * @param speedUp          the companion's clock rate (must match a simulator's)
 * @param targets          targets given with --target (empty: read standard input)
 * @param telemetryUdp     where telemetry lines also go, or null
 * @param alertId          the alert id of the first flight (later ones get -2, -3, ...), or null for generated ids
 * @param lawful           zones, authorisations, Remote ID and data minimisation ({@link LawfulOptions})
 * @param help             only print the help
 */
record LauncherOptions(String connection, Path districtFile, Path outDir, Duration preflight, Duration onScene,
                       String requester, String origin, double speedUp, List<String> targets,
                       @Nullable InetSocketAddress telemetryUdp, @Nullable String alertId, LawfulOptions lawful,
                       boolean help) {

    /** The options' defaults, for the help. */
    static final int DEFAULT_PREFLIGHT_S = 90;
    /** Default time on scene, s. */
    static final int DEFAULT_ON_SCENE_S = 120;

    /**
     * Parses the command line.
     *
     * @param args         arguments
     * @param defaultOrigin origin when --origin is absent
     * @return the options
     * @throws IllegalArgumentException naming the bad option and what was expected
     */
    static LauncherOptions parse(String[] args, String defaultOrigin) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return new LauncherOptions("", Path.of(""), Path.of(""), Duration.ZERO, Duration.ZERO, "", "", 1,
                        List.of(), null, null, new LawfulOptions.Parser().build(), true);
            }
        }
        List<String> positional = new ArrayList<>();
        Path outDir = Path.of("vigie-out");
        Duration preflight = Duration.ofSeconds(DEFAULT_PREFLIGHT_S);
        Duration onScene = Duration.ofSeconds(DEFAULT_ON_SCENE_S);
        String requester = "cli-operator";
        String origin = defaultOrigin;
        double speedUp = 1.0;
        InetSocketAddress telemetryUdp = null;
        String alertId = null;
        List<String> targets = new ArrayList<>();
        LawfulOptions.Parser lawful = new LawfulOptions.Parser();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String v = Cli.value(args, ++i, a);
            switch (a) {
                case "--out" -> outDir = Path.of(v);
                case "--preflight-timeout" -> preflight = Duration.ofSeconds(Cli.intIn(a + " (seconds)", v, 1, 3600));
                case "--on-scene" -> onScene = Duration.ofSeconds(Cli.intIn(a + " (seconds)", v, 1, 3600));
                case "--requester" -> requester = nonBlank(a, v);
                case "--origin" -> origin = nonBlank(a, v);
                case "--speedup" -> speedUp = Cli.doubleIn(a, v, 1, 1000);
                case "--target" -> targets.add(v);
                case "--telemetry-udp" -> telemetryUdp = CompanionMain.parseHostPort(v);
                case "--alert-id" -> alertId = alertId(v, a);
                default -> {
                    if (!lawful.accept(a, v)) {
                        throw new IllegalArgumentException("unknown option " + a + " (--help lists the options)");
                    }
                }
            }
        }
        if (positional.size() != 2) {
            throw new IllegalArgumentException(positional.isEmpty() || positional.size() == 1
                    ? "give the autopilot's connection and the district file, e.g. tcpout://127.0.0.1:5760"
                    + " data/districts/arsenal.geojson"
                    : "expected two arguments (connection, district file) before the options, got "
                    + positional.size() + ": " + positional);
        }
        return new LauncherOptions(positional.get(0), Path.of(positional.get(1)), outDir, preflight, onScene,
                requester, origin, speedUp, List.copyOf(targets), telemetryUdp, alertId, lawful.build(), false);
    }

    private static String nonBlank(String option, String v) {
        if (v.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank");
        }
        return v;
    }

    /**
     * An alert id as a folder name.
     *
     * @param v      the id
     * @param option the option it came with, for the message
     * @return it
     * @throws IllegalArgumentException naming the option and the accepted characters
     */
    static String alertId(String v, String option) {
        if (!v.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException(option + " must be 1..40 letters, digits, '.', '_' or '-' (it names"
                    + " the flight's output folder), was '" + v + "'");
        }
        return v;
    }
}

package org.vigie.fleet.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A local Mosquitto broker process for tests, the bench and the demo: writes a configuration (loopback listener on a
 * free port, no anonymous clients), a password file (made with {@code mosquitto_passwd}) and an ACL file giving each
 * drone its own topics only and each centre the whole city, starts {@code mosquitto}, and stops it. The generated
 * files are the reference for a deployment (add TLS: {@code fleet-mqtt/README.md}).
 *
 * <p>Threading: not thread-safe; one owner.
 */
public final class MosquittoBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path config;
    private @Nullable Process process;

    private MosquittoBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("mosquitto.conf");
    }

    /** @return the {@code mosquitto} executable if installed (PATH, /usr/sbin, /usr/local/sbin) */
    public static Optional<Path> executable() {
        return find("mosquitto");
    }

    private static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin"));
        for (String d : dirs) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the files and starts a broker for one city.
     *
     * @param dir      where to write the configuration, password, ACL and log files
     * @param city     the city's topic tree
     * @param centres  centre user name → password (each may read and write the whole city)
     * @param drones   drone system id → password (user {@code drone-<id>}: writes only its telemetry, events and
     *                 state, reads only its orders)
     * @return the running broker, accepting connections
     * @throws IOException if mosquitto is not installed, a file cannot be written, or the broker does not start
     *                     within 10 s (its log is quoted)
     */
    public static MosquittoBroker start(Path dir, FleetTopics city, Map<String, String> centres,
                                        Map<Integer, String> drones) throws IOException {
        return start(dir, List.of(city), centres, drones);
    }

    /**
     * Writes the files and starts a broker for several cities (a city holds at most 254 drones, its MAVLink system
     * ids): every city gets the same drone ids and passwords; with one city a drone's user is {@code drone-<id>},
     * with several {@code <city>-drone-<id>}.
     *
     * @param dir     where to write the files
     * @param cities  the cities' topic trees
     * @param centres centre user name → password (each may read and write every city)
     * @param drones  drone system id → password, in every city
     * @return the running broker
     * @throws IOException as {@link #start(Path, FleetTopics, Map, Map)}
     */
    public static MosquittoBroker start(Path dir, List<FleetTopics> cities, Map<String, String> centres,
                                        Map<Integer, String> drones) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MosquittoBroker b = new MosquittoBroker(dir, port);
        b.writeFiles(cities, centres, drones);
        b.launch();
        return b;
    }

    /**
     * @param city   the drone's city
     * @param id     its system id
     * @param cities how many cities the broker serves
     * @return its user name on a broker made by {@link #start}
     */
    public static String droneUser(FleetTopics city, int id, int cities) {
        return cities == 1 ? "drone-" + id : city.city() + "-drone-" + id;
    }

    private void writeFiles(List<FleetTopics> cities, Map<String, String> centres, Map<Integer, String> drones)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, String> users = new LinkedHashMap<>(centres);
        for (FleetTopics city : cities) {
            drones.forEach((id, pw) -> users.put(droneUser(city, id, cities.size()), pw));
        }
        Path passwd = dir.resolve("passwd");
        Files.deleteIfExists(passwd);
        Files.writeString(passwd, "");
        Path tool = find("mosquitto_passwd").orElseThrow(() -> new IOException(
                "mosquitto_passwd is not installed (apt-get install -y mosquitto)"));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> u : users.entrySet()) {
            Path one = dir.resolve("passwd.one");
            Files.writeString(one, "");
            run(List.of(tool.toString(), "-b", one.toString(), u.getKey(), u.getValue()));
            lines.add(Files.readString(one).strip());
            Files.delete(one);
        }
        Files.writeString(passwd, String.join("\n", lines) + "\n");
        StringBuilder acl = new StringBuilder("# generated by MosquittoBroker: each drone its own topics, centres the city\n");
        for (String c : centres.keySet()) {
            acl.append("\nuser ").append(c);
            for (FleetTopics city : cities) {
                acl.append("\ntopic readwrite ").append(FleetTopics.ROOT).append('/').append(city.city()).append("/#");
            }
            acl.append('\n');
        }
        for (FleetTopics city : cities) {
            for (int id : drones.keySet()) {
            acl.append("\nuser ").append(droneUser(city, id, cities.size()))
                    .append("\ntopic write ").append(city.drone(id, FleetTopics.Kind.TELEMETRY))
                    .append("\ntopic write ").append(city.drone(id, FleetTopics.Kind.EVENTS))
                    .append("\ntopic readwrite ").append(city.drone(id, FleetTopics.Kind.STATE))
                    .append("\ntopic read ").append(city.drone(id, FleetTopics.Kind.ORDERS)).append('\n');
            }
        }
        Files.writeString(dir.resolve("acl"), acl.toString());
        Files.writeString(config, String.join("\n",
                "# generated by MosquittoBroker (fleet-mqtt): loopback only, no anonymous clients",
                "listener " + port + " 127.0.0.1",
                "# started as root, mosquitto would switch to user 'mosquitto', who cannot read these files",
                "user " + System.getProperty("user.name"),
                "allow_anonymous false",
                "# without it, Nagle's algorithm holds small frames up to the peer's delayed ACK (p99 ~40 ms)",
                "set_tcp_nodelay true",
                "password_file " + passwd,
                "acl_file " + dir.resolve("acl"),
                "persistence false",
                "max_inflight_messages 20",
                "max_queued_messages 1000",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error", "log_type warning", "log_type notice", ""));
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(cmd.get(0) + " failed: "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void launch() throws IOException {
        Path exe = executable().orElseThrow(() -> new IOException(
                "mosquitto is not installed (apt-get install -y mosquitto)"));
        process = new ProcessBuilder(exe.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (!Objects.requireNonNull(process).isAlive()) {
                    break;
                }
                pauseMs(50);
            }
        }
        stop();
        throw new IOException("mosquitto did not accept connections on 127.0.0.1:" + port + " within 10 s: "
                + readQuietly(dir.resolve("mosquitto.out")) + readQuietly(dir.resolve("mosquitto.log")));
    }

    private static void pauseMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** @return the broker's loopback port */
    public int port() {
        return port;
    }

    /** @return the generated configuration file */
    public Path config() {
        return config;
    }

    /** @return the process id of the running broker, or -1 if stopped */
    public long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /**
     * Stops the broker (all sessions lost: persistence is off) and starts it again on the same port.
     *
     * @param downFor how long it stays down
     * @throws IOException if it does not start again
     */
    public void restart(Duration downFor) throws IOException {
        stop();
        pauseMs(downFor.toMillis());
        launch();
    }

    /** Stops the broker process (SIGTERM, then SIGKILL after 5 s). Idempotent. */
    public void stop() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }
}

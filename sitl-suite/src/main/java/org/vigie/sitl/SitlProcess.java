package org.vigie.sitl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real ArduCopter SITL process: started in a scratch folder on a free instance number, bound to 127.0.0.1 only,
 * stopped by its PID.
 *
 * <p>It is started as {@code ../shared/sitl/run-sitl.sh} starts it ({@code arducopter --model + --speedup N -I I
 * --wipe --defaults copter.parm --home lat,lon,alt,0} with {@code loopback_bind.so} preloaded), but as a child of this
 * JVM so that it is stopped with it. Instance {@code I} listens on TCP {@code 5760+10·I} (SERIAL0: the companion;
 * SITL waits for this connection before it runs) and {@code 5762+10·I} (SERIAL1: an observer). Instance numbers are
 * taken with a file lock under the system temporary folder, so several JVMs never pick the same one, and only when
 * their ports are free.
 *
 * <p>Threading: not thread-safe; one owner starts and closes it. {@link #close()} is idempotent.
 */
public final class SitlProcess implements AutoCloseable {

    /** First instance number tried; instances below it are left to people running SITL by hand. */
    static final int FIRST_INSTANCE = 11;
    /** Last instance number tried. */
    static final int LAST_INSTANCE = 90;

    private final Process process;
    private final Path workDir;
    private final int instance;
    private final double speedUp;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private SitlProcess(Process process, Path workDir, int instance, double speedUp, FileChannel lockChannel,
            FileLock lock) {
        this.process = process;
        this.workDir = workDir;
        this.instance = instance;
        this.speedUp = speedUp;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts SITL and waits until it listens on SERIAL0.
     *
     * @param installation where the binary is
     * @param homeLatDeg   home latitude, degrees
     * @param homeLonDeg   home longitude, degrees
     * @param homeAmslM    home altitude above mean sea level, metres
     * @param speedUp      simulated seconds per wall-clock second (&ge; 1)
     * @param startTimeout how long to wait for SERIAL0 to listen
     * @return the running process
     * @throws IOException              if it cannot be started, or does not listen in time (the message holds the
     *                                  end of its console)
     * @throws IllegalArgumentException on a bad position or speed-up
     */
    public static SitlProcess start(SitlInstallation installation, double homeLatDeg, double homeLonDeg,
            double homeAmslM, double speedUp, Duration startTimeout) throws IOException {
        if (!(Math.abs(homeLatDeg) <= 90) || !(Math.abs(homeLonDeg) <= 180) || !Double.isFinite(homeAmslM)) {
            throw new IllegalArgumentException("bad SITL home " + homeLatDeg + "," + homeLonDeg + "," + homeAmslM);
        }
        if (!(speedUp >= 1) || speedUp > 100) {
            throw new IllegalArgumentException("SITL speed-up must be 1..100, was " + speedUp);
        }
        Path work = Files.createTempDirectory("vigie-sitl-");
        for (int i = FIRST_INSTANCE; i <= LAST_INSTANCE; i++) {
            Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "vigie-sitl-instance-" + i + ".lock");
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null || !portsFree(i)) {
                if (l != null) {
                    l.release();
                }
                ch.close();
                continue;
            }
            List<String> cmd = new ArrayList<>(List.of(installation.binary().toString(), "--model", "+",
                    "--speedup", fmt(speedUp), "-I" + i, "--wipe", "--defaults",
                    installation.directory().resolve("copter.parm").toString(), "--home",
                    String.format(Locale.ROOT, "%.7f,%.7f,%.2f,0", homeLatDeg, homeLonDeg, homeAmslM)));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("sitl.log").toFile());
            pb.environment().put("LD_PRELOAD", installation.directory().resolve("loopback_bind.so").toString());
            Process p = pb.start();
            SitlProcess sitl = new SitlProcess(p, work, i, speedUp, ch, l);
            try {
                sitl.awaitConsole("Waiting for connection", startTimeout);
            } catch (IOException e) {
                sitl.close();
                throw e;
            }
            return sitl;
        }
        throw new IOException("no free SITL instance number between " + FIRST_INSTANCE + " and " + LAST_INSTANCE);
    }

    /** @return the instance number */
    public int instance() {
        return instance;
    }

    /** @return the speed-up it runs at */
    public double speedUp() {
        return speedUp;
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** @return the TCP port of SERIAL0 (the companion's) */
    public int serial0Port() {
        return 5760 + 10 * instance;
    }

    /** @return the TCP port of SERIAL1 (an observer's) */
    public int serial1Port() {
        return 5762 + 10 * instance;
    }

    /** @return the connection string a companion uses: {@code tcpout://127.0.0.1:<serial0>} */
    public String companionConnection() {
        return "tcpout://127.0.0.1:" + serial0Port();
    }

    /** @return the connection string an observer uses: {@code tcpout://127.0.0.1:<serial1>} */
    public String observerConnection() {
        return "tcpout://127.0.0.1:" + serial1Port();
    }

    /** @return whether the process still runs */
    public boolean alive() {
        return process.isAlive();
    }

    /** @return the scratch folder (eeprom.bin, logs, console) */
    public Path workDir() {
        return workDir;
    }

    /**
     * @param maxLines how many lines from the end
     * @return the end of SITL's console output, for failure messages
     */
    public String consoleTail(int maxLines) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("sitl.log"), StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    private void awaitConsole(String text, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = workDir.resolve("sitl.log");
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("SITL instance " + instance + " exited with " + process.exitValue()
                        + " before listening:\n" + consoleTail(20));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for SITL", e);
            }
        }
        throw new IOException("SITL instance " + instance + " did not print '" + text + "' within " + timeout
                + ":\n" + consoleTail(20));
    }

    /** Stops the process (SIGTERM, then SIGKILL after 3 s), releases the instance number, deletes the folder. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(workDir);
        }
    }

    private static boolean portsFree(int instance) {
        for (int port : new int[] {5760 + 10 * instance, 5762 + 10 * instance, 5763 + 10 * instance}) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path dir) {
        if (System.getenv("VIGIE_SITL_KEEP") != null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder left in the temporary folder is harmless
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

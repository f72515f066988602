package org.vigie.link.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serial through a real pseudo-terminal pair made by socat, including the device disappearing (socat killed) and
 * coming back under the same names. Skipped when socat is absent, except on CI (CI=true) where that is a failure.
 */
class SerialTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TransportOptions FAST = TransportOptions.defaults()
            .withReconnect(Duration.ofMillis(10), Duration.ofMillis(50));

    @TempDir
    Path dir;

    static boolean socatAvailable() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, "socat"))) {
                return true;
            }
        }
        return false;
    }

    static void requireSocat() {
        if (!socatAvailable()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("socat is required on CI (CI=true) but is not on the PATH: install it (apt-get install socat)");
            }
            Assumptions.assumeTrue(false, "socat not installed: serial pseudo-terminal test skipped");
        }
    }

    /** Starts socat and waits until it reports both PTYs (the links exist then). */
    private Process startSocat(Path a, Path b) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).start();
        CountDownLatch ptys = new CountDownLatch(2);
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("PTY is")) {
                        ptys.countDown();
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        if (!ptys.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail("socat did not create its pseudo-terminals within " + WAIT);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("socat links " + a + " / " + b + " did not appear");
            }
            Thread.onSpinWait();
        }
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void bytesFlowBothWaysAndSurviveTheDeviceDisappearing() throws Exception {
        requireSocat();
        Path a = dir.resolve("a");
        Path bPath = dir.resolve("b");
        Process socat = startSocat(a, bPath);
        try (Transport ta = Transports.open("serial://" + a + ":921600", FAST);
                SerialTransport tb = new SerialTransport(bPath.toString(), 921600, FAST)) {
            Recorder ra = new Recorder();
            Recorder rb = new Recorder();
            ta.start(ra);
            tb.start(rb);
            ra.awaitState(TransportState.CONNECTED, WAIT);
            rb.awaitState(TransportState.CONNECTED, WAIT);

            assertThat(ta.send(b("ping-from-a"), 0, 11)).isTrue();
            assertThat(rb.awaitBytes(11, WAIT)).isEqualTo(b("ping-from-a"));
            assertThat(tb.send(b("pong-from-b"), 0, 11)).isTrue();
            assertThat(ra.awaitBytes(11, WAIT)).isEqualTo(b("pong-from-b"));

            stop(socat);
            ra.awaitState(TransportState.RECONNECTING, WAIT);
            rb.awaitState(TransportState.RECONNECTING, WAIT);
            assertThat(ta.isConnected()).isFalse();
            assertThat(ta.send(b("into-the-void"), 0, 13)).isFalse();

            socat = startSocat(a, bPath);
            ra.awaitState(TransportState.CONNECTED, WAIT);
            rb.awaitState(TransportState.CONNECTED, WAIT);
            ra.clear();
            rb.clear();
            assertThat(ta.send(b("again-a"), 0, 7)).isTrue();
            assertThat(rb.awaitBytes(7, WAIT)).isEqualTo(b("again-a"));
            assertThat(tb.send(b("again-b"), 0, 7)).isTrue();
            assertThat(ra.awaitBytes(7, WAIT)).isEqualTo(b("again-b"));
            assertThat(tb.reopenCount()).isEqualTo(1);
        } finally {
            stop(socat);
        }
    }

    @Test
    void openingAMissingDeviceIsAnIoException() {
        Path missing = dir.resolve("no-such-tty");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Transports.open("serial://" + missing + ":57600"))
                .isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
    }
}

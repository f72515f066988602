package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.TcpServerTransport;
import org.vigie.link.transport.TransportOptions;

/** What a ground station meets when it opens a TCP session with the standalone simulator. */
class SimSessionTest {

    private static byte[] readExactly(InputStream in, int n) throws Exception {
        byte[] b = in.readNBytes(n);
        assertThat(b).hasSize(n);
        return b;
    }

    private static SimMain.Options options(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--connect";
        args[1] = "tcpin://127.0.0.1:0";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return SimMain.parse(args);
    }

    @Test
    void everyNewClientGetsTheBootBannerFirstAndAFullBattery() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (TcpServerTransport tcp = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0),
                TransportOptions.defaults());
             SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().build(), scheduler, tcp)) {
            SimMain.greetSessions(tcp, sim, options(), new AtomicInteger(),
                    new PrintStream(lines, true, StandardCharsets.UTF_8));
            sim.start();
            scheduler.advance(Duration.ofSeconds(1));
            sim.setBatteryRemaining(0.32);
            for (int session = 1; session <= 2; session++) {
                try (Socket s = new Socket()) {
                    s.connect(tcp.localAddress(), 5000);
                    s.setSoTimeout(5000);
                    byte[] first = readExactly(s.getInputStream(), SimMain.ARDUCOPTER_BOOT_BANNER.length);
                    assertThat(first).isEqualTo(SimMain.ARDUCOPTER_BOOT_BANNER);
                    scheduler.advance(Duration.ofMillis(10));
                    assertThat(sim.batteryRemaining()).isGreaterThan(0.999);
                }
                sim.setBatteryRemaining(0.5);
            }
            assertThat(lines.toString(StandardCharsets.UTF_8)).contains("session 1, battery full if disarmed",
                    "session 2");
        }
    }

    @Test
    void theBannerIsWhatArduCopterSitlSentInTheCaptures() throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("..", "testdata", "captures", "session1_from_sitl.raw"));
        int firstFrame = 0;
        while (raw[firstFrame] != (byte) 0xFD) {
            firstFrame++;
        }
        assertThat(Arrays.copyOf(raw, firstFrame)).isEqualTo(SimMain.ARDUCOPTER_BOOT_BANNER);
    }

    @Test
    void keepBatteryKeepsTheChargeAndBootOnConnectRestartsTheClock() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        try (TcpServerTransport tcp = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0),
                TransportOptions.defaults());
             SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().build(), scheduler, tcp)) {
            SimMain.greetSessions(tcp, sim, options("--keep-battery", "--boot-on-connect"), new AtomicInteger(),
                    new PrintStream(new ByteArrayOutputStream()));
            sim.start();
            scheduler.advance(Duration.ofSeconds(30));
            assertThat(sim.timeBootMs()).isGreaterThanOrEqualTo(30_000);
            sim.setBatteryRemaining(0.78);
            try (Socket s = new Socket()) {
                s.connect(tcp.localAddress(), 5000);
                s.setSoTimeout(5000);
                readExactly(s.getInputStream(), SimMain.ARDUCOPTER_BOOT_BANNER.length);
                scheduler.advance(Duration.ofMillis(10));
                assertThat(sim.timeBootMs()).isLessThan(100);
                assertThat(sim.batteryRemaining()).isCloseTo(0.78, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }
}

package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimMainTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        return SimMain.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), false);
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--connect is required");
        err.reset();
        assertThat(run(err, "--connect", "tcpin://127.0.0.1:0", "--sysid", "300")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("systemId must be 1..255, was 300");
        err.reset();
        assertThat(run(err, "--connect", "tcpin://127.0.0.1:0", "--home", "48.8,2.3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--home needs lat,lon,altAmslM");
        err.reset();
        assertThat(run(err, "--connect", "bogus://x")).isEqualTo(2);
        err.reset();
        assertThat(run(err, "--connect", "tcpin://127.0.0.1:0", "--flavour", "inav")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--flavour must be arducopter or px4");
        err.reset();
        assertThat(run(err, "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--frobnicate'");
    }

    @Test
    void parsesAFullCommandLine() {
        SimMain.Options o = SimMain.parse(new String[] {"--connect", "udpout://127.0.0.1:14550", "--home",
            "48.85,2.35,40", "--sysid", "7", "--flavour", "px4", "--speedup", "10", "--fast-boot"});
        assertThat(o.connections()).containsExactly("udpout://127.0.0.1:14550");
        assertThat(o.config().systemId()).isEqualTo(7);
        assertThat(o.config().flavour()).isEqualTo(Flavour.PX4);
        assertThat(o.config().homeAltAmslM()).isEqualTo(40);
        assertThat(o.speedUp()).isEqualTo(10);
        assertThatThrownBy(() -> SimMain.parse(new String[] {"--connect", "x", "--speedup", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--speedup");
    }

    @Test
    void startsOnALoopbackSocket() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--connect", "tcpin://127.0.0.1:0", "--fast-boot")).isEqualTo(0);
    }
}

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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sysid must be a whole number 1..255, was 300");
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--frobnicate' (--help lists the options)");
        err.reset();
        assertThat(run(err, "--connect", "tcpin://127.0.0.1:0", "--seed", "x1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed must be a whole number, was 'x1'");
        err.reset();
        assertThat(run(err, "--connect", "tcpin://127.0.0.1:0", "--home", "91,2.3,35")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--home latitude must be within -90..90");
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
    void helpPrintsEveryOptionAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SimMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), false);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--connect", "--home", "--sysid", "--flavour",
                "--speedup", "--seed", "--fast-boot", "--keep-battery", "--boot-on-connect", "Exit status");
    }

    @Test
    void startsOnALoopbackSocket() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--connect", "tcpin://127.0.0.1:0", "--fast-boot")).isEqualTo(0);
    }
}

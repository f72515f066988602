package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.link.transport.TransportOptions;

class RouterMainTest {

    @Test
    void theCommandLineTakesPackingOptionsThenConnections() {
        RouterMain.CommandLine cl = RouterMain.CommandLine.parse(new String[] {"--udp-pack-bytes", "0",
                "--udp-coalesce-us", "250", "udpin://0.0.0.0:14550", "tcpout://127.0.0.1:5760"});
        assertThat(cl.options().udpPackBytes()).isZero();
        assertThat(cl.options().udpReadCoalescing()).isEqualTo(Duration.ofNanos(250_000));
        assertThat(cl.connections()).containsExactly("udpin://0.0.0.0:14550", "tcpout://127.0.0.1:5760");

        RouterMain.CommandLine defaults = RouterMain.CommandLine.parse(new String[] {"udpin://0.0.0.0:14550",
                "serial:///dev/ttyAMA0:921600"});
        assertThat(defaults.options()).isEqualTo(TransportOptions.defaults());
    }

    @Test
    void aBadCommandLineSaysWhatIsWrong() {
        assertThatThrownBy(() -> RouterMain.CommandLine.parse(new String[] {"udpin://0.0.0.0:14550"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two connections");
        assertThatThrownBy(() -> RouterMain.CommandLine.parse(new String[] {"--udp-pack-bytes"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--udp-pack-bytes needs a value (a whole number)");
        assertThatThrownBy(() -> RouterMain.CommandLine.parse(new String[] {"--udp-coalesce-us", "lots", "a", "b"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> RouterMain.CommandLine.parse(new String[] {"--udp-pack-bytes", "-5", "a", "b"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
        assertThatThrownBy(() -> RouterMain.CommandLine.parse(new String[] {"--udp-pack-bytes", "10", "a", "b"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udpPackBytes");
        assertThatThrownBy(() -> RouterMain.CommandLine.parse(new String[] {"--fast", "a", "b"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --fast (--help lists the options)");
    }

    @Test
    void theUsageNamesTheOptionsAndAnExample() {
        assertThat(RouterMain.usage()).startsWith("usage: RouterMain [--udp-pack-bytes N] [--udp-coalesce-us N]")
                .contains("udpin://0.0.0.0:14550");
    }

    @Test
    void helpListsTheOptions() {
        org.assertj.core.api.Assertions.assertThat(RouterMain.help()).contains("--udp-pack-bytes",
                "--udp-coalesce-us", "--help", "Exit status");
    }
}

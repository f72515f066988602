package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompanionMainTest {

    @Test
    void telemetryUdpTargetIsHostColonPort() {
        InetSocketAddress a = CompanionMain.parseHostPort("127.0.0.1:14600");
        assertThat(a.getPort()).isEqualTo(14600);
        assertThat(a.getAddress().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> CompanionMain.parseHostPort("127.0.0.1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> CompanionMain.parseHostPort("127.0.0.1:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CompanionMain.parseHostPort("127.0.0.1:70000")).hasMessageContaining("70000");
    }

    @Test
    void aBadTelemetryTargetRefusesToStartWithASentence() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CompanionMain.run(new String[] {"udpin://0.0.0.0:14550", "district.geojson", "--telemetry-udp",
                "localhost:0"}, new BufferedReader(new StringReader("")), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("telemetry UDP port must be 1..65535, was 0")
                .contains("--telemetry-udp");
    }
}

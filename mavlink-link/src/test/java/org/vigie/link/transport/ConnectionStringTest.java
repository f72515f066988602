package org.vigie.link.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.link.transport.ConnectionString.Scheme;

class ConnectionStringTest {

    @Test
    void parsesEveryMavsdkForm() {
        assertThat(ConnectionString.parse("serial:///dev/ttyAMA0:921600"))
                .isEqualTo(new ConnectionString(Scheme.SERIAL, null, -1, "/dev/ttyAMA0", 921600));
        assertThat(ConnectionString.parse("serial://COM3:57600").path()).isEqualTo("COM3");
        assertThat(ConnectionString.parse("udpin://0.0.0.0:14540"))
                .isEqualTo(new ConnectionString(Scheme.UDPIN, "0.0.0.0", 14540, null, -1));
        assertThat(ConnectionString.parse("udpout://127.0.0.1:14550"))
                .isEqualTo(new ConnectionString(Scheme.UDPOUT, "127.0.0.1", 14550, null, -1));
        assertThat(ConnectionString.parse("tcpout://127.0.0.1:5760").scheme()).isEqualTo(Scheme.TCPOUT);
        assertThat(ConnectionString.parse("tcpin://0.0.0.0:5760").scheme()).isEqualTo(Scheme.TCPIN);
        assertThat(ConnectionString.parse("udpin://[::1]:14540").host()).isEqualTo("::1");
        assertThat(ConnectionString.parse("UDPIN://localhost:0").port()).isZero();
    }

    @Test
    void toStringRoundTrips() {
        for (String s : new String[] {"serial:///dev/ttyAMA0:921600", "udpin://0.0.0.0:14540",
                "udpout://127.0.0.1:14550", "tcpout://127.0.0.1:5760", "tcpin://[::]:5760"}) {
            assertThat(ConnectionString.parse(s).toString()).isEqualTo(s);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo://1.2.3.4:5|unknown scheme 'foo'",
        "127.0.0.1:14550|no scheme",
        "udpin://0.0.0.0|missing port",
        "udpin://0.0.0.0:|missing port",
        "udpout://127.0.0.1:0|port 0 is out of range 1..65535",
        "tcpin://0.0.0.0:65536|port 65536 is out of range 0..65535",
        "tcpout://127.0.0.1:-1|port -1 is out of range",
        "tcpout://127.0.0.1:http|port 'http' is not a number",
        "udpin://:14540|empty host",
        "serial:///dev/ttyUSB0|missing baud rate",
        "serial:///dev/ttyUSB0:fast|baud rate 'fast' is not a number",
        "serial:///dev/ttyUSB0:-57600|baud rate -57600 must be positive",
        "serial:///dev/ttyUSB0:0|baud rate 0 must be positive",
        "serial://:57600|empty device path",
        "udpin://[::1:14540|unclosed '['",
    })
    void malformedStringsSayWhatIsWrong(String text, String why) {
        assertThatThrownBy(() -> ConnectionString.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(why);
        assertThatThrownBy(() -> Transports.open(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serialTransportRefusesNonPositiveBaud() {
        assertThatThrownBy(() -> new SerialTransport("/dev/null", 0, TransportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
        assertThatThrownBy(() -> new SerialTransport("/dev/null", -9600, TransportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-9600");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> ConnectionString.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

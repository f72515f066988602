package org.vigie.link.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BackoffAndParsingPropertiesTest {

    @Test
    void backoffDoublesUpToTheCapAndResets() {
        Backoff b = new Backoff(TransportOptions.defaults().withReconnect(Duration.ofMillis(5), Duration.ofMillis(30)));
        assertThat(new long[] {b.nextDelayMs(), b.nextDelayMs(), b.nextDelayMs(), b.nextDelayMs(), b.nextDelayMs()})
                .containsExactly(5, 10, 20, 30, 30);
        b.reset();
        assertThat(b.nextDelayMs()).isEqualTo(5);
    }

    @Property(tries = 500)
    void parsingAnyStringEitherSucceedsOrSaysWhyQuotingIt(@ForAll @StringLength(max = 40) String s) {
        for (String text : new String[] {s, "udpin://" + s, "serial://" + s, "tcpout://" + s + ":" + s.length()}) {
            try {
                ConnectionString c = ConnectionString.parse(text);
                assertThat(ConnectionString.parse(c.toString())).isEqualTo(c);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).contains("'" + text + "'");
            }
        }
    }

    @Property(tries = 200)
    void everyValidPortRoundTrips(@ForAll @IntRange(min = 1, max = 65535) int port) {
        ConnectionString c = ConnectionString.parse("udpout://10.0.0.2:" + port);
        assertThat(c.port()).isEqualTo(port);
        assertThat(c.toString()).isEqualTo("udpout://10.0.0.2:" + port);
    }
}

package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vigie.link.signing.KeyEvent;
import org.vigie.link.signing.KeyRotationOptions;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningKeyring;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.StreamTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;

/** Both ends of a signed link rotate their key without a restart, installed two minutes apart: no frame is lost. */
class LinkKeyRotationTest {

    private static final SigningKey OLD = SigningKey.of(LinkSigningTest.key(40));
    private static final SigningKey NEW = SigningKey.of(LinkSigningTest.key(80));

    private record End(MavlinkLink link, SigningKeyring keys, List<KeyEvent> events) {
    }

    private static End end(ManualScheduler s, int sysId, InMemoryTransport t, KeyRotationOptions o) throws Exception {
        SigningKeyring keys = SigningKeyring.open(OLD, s, s.callbackExecutor(), o);
        List<KeyEvent> events = new CopyOnWriteArrayList<>();
        keys.onEvent(events::add);
        SigningTimestamps ts = SigningTimestamps.open(s, TimestampStore.inMemory(null));
        LinkConfig cfg = LinkConfig.of(sysId).withSigner(new MavlinkSigner(keys, 0, ts))
                .withSignatureCheck(new SignatureChecker(keys, ts, Set.of(), StreamTimestamps.volatileMemory()));
        return new End(MavlinkLink.create(cfg, s, s.callbackExecutor(), t), keys, events);
    }

    @Test
    void aDroneAndACentreInstallingTwoMinutesApartSwitchWithoutLosingAFrame() throws Exception {
        ManualScheduler s = new ManualScheduler(Instant.parse("2026-12-06T16:00:00Z"));
        InMemoryTransport[] pair = InMemoryTransport.pair("drone", "centre");
        End drone = end(s, 1, pair[0], KeyRotationOptions.defaults());
        End centre = end(s, 255, pair[1], KeyRotationOptions.defaults().withFollowPeer(false));
        try {
            s.advance(Duration.ofSeconds(10));
            drone.keys().install(NEW);
            s.advance(Duration.ofMinutes(2));
            centre.keys().install(NEW);
            s.advance(Duration.ofMinutes(15));

            assertThat(drone.keys().accepted()).containsExactly(NEW);
            assertThat(centre.keys().accepted()).containsExactly(NEW);
            assertThat(drone.link().stats().signatureRejections()).isEmpty();
            assertThat(centre.link().stats().signatureRejections()).isEmpty();
            assertThat(drone.link().stats().framesIn()).as("heartbeats flowed all along").isGreaterThan(1000);
            // the drone switched at its deadline (5 min after its install); the centre heard it and kept its own
            // deadline (it serves several drones); each retired the old key 10 minutes after its own install
            assertThat(drone.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly("KeyInstalled",
                    "OutgoingSwitched", "NewKeyHeard", "KeyRetired");
            assertThat(centre.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "KeyInstalled", "NewKeyHeard", "OutgoingSwitched", "KeyRetired");
        } finally {
            drone.link().close();
            centre.link().close();
        }
    }
}

package org.vigie.sim;

import io.dronefleet.mavlink.common.SetupSigning;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.Scheduler;
import org.vigie.sim.link.SimLink;

/**
 * MAVLink 2 signing as ArduCopter does it: SETUP_SIGNING turns it on or off for every channel (the key is kept
 * across reboots, like ArduPilot's stored key), and while it is on an incoming frame whose signature is refused is
 * dropped silently, except on channel 0 if the configuration accepts unsigned frames there.
 *
 * <p>Threading: event thread only; {@link #on()} may be read from any thread.
 */
final class SimSigning {

    private static final Logger LOG = LoggerFactory.getLogger(SimSigning.class);

    private final SimConfig config;
    private final Scheduler scheduler;
    private final List<SimLink> links;
    private final int sysId;

    private volatile boolean on;
    private @Nullable SignatureChecker checker;

    SimSigning(SimConfig config, Scheduler scheduler, List<SimLink> links) {
        this.config = config;
        this.scheduler = scheduler;
        this.links = links;
        this.sysId = config.systemId();
    }

    /** @return whether MAVLink 2 signing is on */
    boolean on() {
        return on;
    }

    /**
     * @param frame an incoming frame
     * @param channel the channel it came in on
     * @return false if signing is on and the frame must be dropped
     */
    boolean accepts(MavlinkFrame frame, int channel) {
        if (on && checker != null) {
            SignatureVerdict verdict = checker.check(frame);
            if (!verdict.accepted() && !(channel == 0 && config.unsignedAcceptedOnChannel0())) {
                return false;
            }
        }
        return true;
    }

    /**
     * SETUP_SIGNING as ArduPilot handles it: no reply; a non-zero key turns signing on for every channel (link id =
     * channel, first timestamp = initial_timestamp + 60 s); an all-zero key turns it off. While signing is on, an
     * unsigned SETUP_SIGNING is ignored.
     */
    void onSetupSigning(SetupSigning m, MavlinkFrame f) {
        if (m.targetSystem() != sysId) {
            return;
        }
        if (on && !f.signed()) {
            return;
        }
        byte[] keyBytes = m.secretKey();
        if (keyBytes == null || keyBytes.length != 32) {
            return;
        }
        SigningKey key = SigningKey.of(keyBytes);
        if (key.isZero()) {
            on = false;
            checker = null;
            for (SimLink l : links) {
                l.setSigner(null);
            }
            return;
        }
        long initial = m.initialTimestamp() == null ? 0 : m.initialTimestamp().longValue();
        try {
            SigningTimestamps ts = SigningTimestamps.open(scheduler, TimestampStore.inMemory(initial));
            checker = new SignatureChecker(key, ts);
            for (SimLink l : links) {
                l.setSigner(new MavlinkSigner(key, l.channel(), ts));
            }
            on = true;
        } catch (IOException e) {
            LOG.warn("sim {}: cannot start signing: {}", sysId, e.toString());
        }
    }
}

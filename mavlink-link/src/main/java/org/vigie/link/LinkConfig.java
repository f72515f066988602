package org.vigie.link;

import io.dronefleet.mavlink.minimal.MavType;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.FrameSigner;
import org.vigie.link.signing.IncomingSignatureCheck;

/**
 * Configuration of a {@link MavlinkLink}: who we are on the MAVLink network, our heartbeat, when a peer counts as lost,
 * write buffering, signing, and which autopilot we attach to. Immutable; validated on construction.
 *
 * <p>Start from {@link #of(int)} and change fields with the {@code with...} methods:
 * <pre>{@code LinkConfig cfg = LinkConfig.of(1).withComponentId(191).withPeerLostTimeout(Duration.ofSeconds(3));}</pre>
 *
 * @param systemId our MAVLink system id, 1..255 (usually the autopilot's, since a companion belongs to its vehicle)
 * @param componentId our component id, 0..255 (default 191, MAV_COMP_ID_ONBOARD_COMPUTER)
 * @param heartbeatEnabled whether we send HEARTBEAT (default true)
 * @param heartbeatType MAV_TYPE we announce (default MAV_TYPE_ONBOARD_CONTROLLER); autopilot is always
 *     MAV_AUTOPILOT_INVALID since we are not a flight controller
 * @param heartbeatPeriod heartbeat period, 100 ms..60 s (default 1 s, the MAVLink standard rate)
 * @param peerLostTimeout a peer whose last HEARTBEAT is older than this is lost, 1 s..10 min (default 5 s)
 * @param writeQueueCapacity frames buffered per transport before droppable telemetry is dropped, 1..1,000,000
 *     (default 1024); see {@link WritePolicy}
 * @param writeMode who writes to transports: see {@link WriteMode} (default {@link WriteMode#AUTO})
 * @param signer signs our outgoing frames, or null to send unsigned
 * @param signatureCheck judges incoming frames (default {@link IncomingSignatureCheck#ACCEPT_ALL})
 * @param targetSystemId system id of the autopilot to attach to, 1..255, or 0 to attach to the first autopilot
 *     heard (default 0)
 */
public record LinkConfig(int systemId, int componentId, boolean heartbeatEnabled, MavType heartbeatType,
                         Duration heartbeatPeriod, Duration peerLostTimeout, int writeQueueCapacity,
                         WriteMode writeMode, @Nullable FrameSigner signer, IncomingSignatureCheck signatureCheck,
                         int targetSystemId) {

    /** MAV_COMP_ID_ONBOARD_COMPUTER. */
    public static final int DEFAULT_COMPONENT_ID = 191;

    /**
     * How frames reach transports.
     */
    public enum WriteMode {
        /**
         * {@link #EVENT_THREAD} when the scheduler is a {@link org.vigie.link.time.ManualScheduler} (deterministic
         * tests and simulations), {@link #WRITER_THREAD} otherwise.
         */
        AUTO,
        /** The event thread writes each frame as soon as it is encoded (fully deterministic; a blocking transport
         * would stall the event thread). */
        EVENT_THREAD,
        /** One daemon writer thread per transport drains its bounded queue (the event thread never blocks on I/O). */
        WRITER_THREAD
    }

    /** Validates every field; messages name the field, the value and the allowed range. */
    public LinkConfig {
        if (systemId < 1 || systemId > 255) {
            throw new IllegalArgumentException("systemId must be 1..255, was " + systemId);
        }
        if (componentId < 0 || componentId > 255) {
            throw new IllegalArgumentException("componentId must be 0..255, was " + componentId);
        }
        Objects.requireNonNull(heartbeatType, "heartbeatType");
        Objects.requireNonNull(heartbeatPeriod, "heartbeatPeriod");
        if (heartbeatPeriod.compareTo(Duration.ofMillis(100)) < 0 || heartbeatPeriod.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("heartbeatPeriod must be between 100 ms and 60 s, was " + heartbeatPeriod);
        }
        Objects.requireNonNull(peerLostTimeout, "peerLostTimeout");
        if (peerLostTimeout.compareTo(Duration.ofSeconds(1)) < 0 || peerLostTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("peerLostTimeout must be between 1 s and 10 min, was " + peerLostTimeout);
        }
        if (writeQueueCapacity < 1 || writeQueueCapacity > 1_000_000) {
            throw new IllegalArgumentException("writeQueueCapacity must be 1..1000000 frames, was " + writeQueueCapacity);
        }
        Objects.requireNonNull(writeMode, "writeMode");
        Objects.requireNonNull(signatureCheck, "signatureCheck (use IncomingSignatureCheck.ACCEPT_ALL for none)");
        if (targetSystemId < 0 || targetSystemId > 255) {
            throw new IllegalArgumentException("targetSystemId must be 1..255, or 0 for the first autopilot heard, was "
                    + targetSystemId);
        }
    }

    /**
     * The default configuration for a system id: component 191, 1 Hz ONBOARD_CONTROLLER heartbeat, peers lost after
     * 5 s, 1024-frame write queues, no signing, attach to the first autopilot heard.
     *
     * @param systemId our system id, 1..255
     * @return the configuration
     * @throws IllegalArgumentException if systemId is out of range
     */
    public static LinkConfig of(int systemId) {
        return new LinkConfig(systemId, DEFAULT_COMPONENT_ID, true, MavType.MAV_TYPE_ONBOARD_CONTROLLER,
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1024, WriteMode.AUTO, null,
                IncomingSignatureCheck.ACCEPT_ALL, 0);
    }

    /**
     * @param id component id 0..255
     * @return a copy with this component id
     * @throws IllegalArgumentException if out of range
     */
    public LinkConfig withComponentId(int id) {
        return new LinkConfig(systemId, id, heartbeatEnabled, heartbeatType, heartbeatPeriod, peerLostTimeout,
                writeQueueCapacity, writeMode, signer, signatureCheck, targetSystemId);
    }

    /**
     * @param enabled whether to send our HEARTBEAT
     * @return a copy with heartbeats enabled or disabled
     */
    public LinkConfig withHeartbeat(boolean enabled) {
        return new LinkConfig(systemId, componentId, enabled, heartbeatType, heartbeatPeriod, peerLostTimeout,
                writeQueueCapacity, writeMode, signer, signatureCheck, targetSystemId);
    }

    /**
     * @param type MAV_TYPE announced in our HEARTBEAT
     * @return a copy with this type
     */
    public LinkConfig withHeartbeatType(MavType type) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, type, heartbeatPeriod, peerLostTimeout,
                writeQueueCapacity, writeMode, signer, signatureCheck, targetSystemId);
    }

    /**
     * @param period heartbeat period, 100 ms..60 s
     * @return a copy with this period
     * @throws IllegalArgumentException if out of range
     */
    public LinkConfig withHeartbeatPeriod(Duration period) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, heartbeatType, period, peerLostTimeout,
                writeQueueCapacity, writeMode, signer, signatureCheck, targetSystemId);
    }

    /**
     * @param timeout silence after the last HEARTBEAT before a peer is lost, 1 s..10 min
     * @return a copy with this timeout
     * @throws IllegalArgumentException if out of range
     */
    public LinkConfig withPeerLostTimeout(Duration timeout) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, heartbeatType, heartbeatPeriod, timeout,
                writeQueueCapacity, writeMode, signer, signatureCheck, targetSystemId);
    }

    /**
     * @param capacity frames per transport queue, 1..1,000,000
     * @return a copy with this capacity
     * @throws IllegalArgumentException if out of range
     */
    public LinkConfig withWriteQueueCapacity(int capacity) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, heartbeatType, heartbeatPeriod, peerLostTimeout,
                capacity, writeMode, signer, signatureCheck, targetSystemId);
    }

    /**
     * @param mode who writes to transports
     * @return a copy with this mode
     */
    public LinkConfig withWriteMode(WriteMode mode) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, heartbeatType, heartbeatPeriod, peerLostTimeout,
                writeQueueCapacity, mode, signer, signatureCheck, targetSystemId);
    }

    /**
     * @param frameSigner signer for outgoing frames, or null for unsigned
     * @return a copy with this signer
     */
    public LinkConfig withSigner(FrameSigner frameSigner) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, heartbeatType, heartbeatPeriod, peerLostTimeout,
                writeQueueCapacity, writeMode, frameSigner, signatureCheck, targetSystemId);
    }

    /**
     * @param check verdict on every incoming frame (non-null)
     * @return a copy with this check
     */
    public LinkConfig withSignatureCheck(IncomingSignatureCheck check) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, heartbeatType, heartbeatPeriod, peerLostTimeout,
                writeQueueCapacity, writeMode, signer, check, targetSystemId);
    }

    /**
     * @param sysId the autopilot's system id, 1..255, or 0 for the first autopilot heard
     * @return a copy attaching to that autopilot
     * @throws IllegalArgumentException if out of range
     */
    public LinkConfig withTargetSystemId(int sysId) {
        return new LinkConfig(systemId, componentId, heartbeatEnabled, heartbeatType, heartbeatPeriod, peerLostTimeout,
                writeQueueCapacity, writeMode, signer, signatureCheck, sysId);
    }
}

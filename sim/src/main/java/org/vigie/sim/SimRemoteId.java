package org.vigie.sim;

import io.dronefleet.mavlink.common.OpenDroneIdBasicId;
import io.dronefleet.mavlink.common.OpenDroneIdOperatorId;
import io.dronefleet.mavlink.common.OpenDroneIdSelfId;
import io.dronefleet.mavlink.common.OpenDroneIdSystem;
import io.dronefleet.mavlink.common.OpenDroneIdSystemUpdate;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;

/**
 * ArduPilot's AP_OpenDroneID in the simulator: the DID_* parameters, the OPEN_DRONE_ID_* messages the ground sends
 * (BASIC_ID, SELF_ID, SYSTEM, SYSTEM_UPDATE, OPERATOR_ID) and the pre-arm check, worded and ordered as
 * AP_OpenDroneID::pre_arm_check words them (Arming prefixes "OpenDroneID: "): no basic ID, no operator location,
 * no fresh ARM_STATUS, no SYSTEM (or SYSTEM_UPDATE) within 3 s, then the transmitter's own error. The transmitter is
 * simulated after ArduRemoteID's arm-status check: it reports which parts it lacks ("ID ", "SELF_ID ", "OP_ID ",
 * "SYS ", "OP_LOC "), counting a static message only once the autopilot holds one from the ground.
 *
 * <p>Threading: event thread only.
 */
final class SimRemoteId {

    /** AP_OpenDroneID's age limit for ARM_STATUS and SYSTEM, ns. */
    static final long MAX_AGE_NS = 3_000_000_000L;

    private final SimState state;
    private final SimParams params;
    private @Nullable RemoteIdModule module;
    private @Nullable OpenDroneIdBasicId basicId;
    private @Nullable OpenDroneIdSelfId selfId;
    private @Nullable OpenDroneIdOperatorId operatorId;
    private int operatorLatE7;
    private int operatorLonE7;
    private long lastSystemNs = -1;
    private long lastSystemUpdateNs = -1;

    SimRemoteId(SimState state, SimParams params) {
        this.state = state;
        this.params = params;
    }

    /** Fits the transmitter: defines the DID_* parameters as an ODID build of ArduCopter has them. */
    void install(RemoteIdModule m) {
        this.module = m;
        params.define("DID_ENABLE", SimParams.INT8, 1);
        params.define("DID_MAVPORT", SimParams.INT8, -1);
        params.define("DID_CANDRIVER", SimParams.INT8, 0);
        params.define("DID_OPTIONS", SimParams.INT16, m.enforceArming() ? 1 : 0);
        params.define("DID_BARO_ACC", SimParams.REAL32, -1);
    }

    /** @return whether a frame's message id is one this part keeps */
    static boolean handles(int msgId) {
        return msgId == 12900 || msgId == 12903 || msgId == 12904 || msgId == 12905 || msgId == 12919;
    }

    /** A ground message arrived (ignored, as by ArduPilot, when no transmitter is fitted and enabled). */
    void onFrame(MavlinkFrame f, MessageCodec codec) {
        RemoteIdModule m0 = module;
        if (m0 == null || params.value("DID_ENABLE") == 0) {
            return;
        }
        boolean locked = m0.lockedUasId() != null;
        long now = state.now();
        switch (f.msgId()) {
            case 12900 -> codec.decode(f, OpenDroneIdBasicId.class).ifPresent(m -> {
                if (!locked) {
                    basicId = m;
                }
            });
            case 12903 -> codec.decode(f, OpenDroneIdSelfId.class).ifPresent(m -> selfId = m);
            case 12905 -> codec.decode(f, OpenDroneIdOperatorId.class).ifPresent(m -> operatorId = m);
            case 12904 -> codec.decode(f, OpenDroneIdSystem.class).ifPresent(m -> {
                operatorLatE7 = m.operatorLatitude();
                operatorLonE7 = m.operatorLongitude();
                lastSystemNs = now;
            });
            case 12919 -> codec.decode(f, OpenDroneIdSystemUpdate.class).ifPresent(m -> {
                operatorLatE7 = m.operatorLatitude();
                operatorLonE7 = m.operatorLongitude();
                lastSystemUpdateNs = now;
                if (lastSystemNs >= 0) {
                    lastSystemNs = now;
                }
            });
            default -> { }
        }
    }

    /** @return AP_OpenDroneID's pre-arm failure (without the "OpenDroneID: " prefix), or null when it passes */
    @Nullable String prearmFailure() {
        RemoteIdModule m = module;
        if (m == null || params.value("DID_ENABLE") == 0 || ((int) params.value("DID_OPTIONS") & 1) == 0) {
            return null;
        }
        OpenDroneIdBasicId b = basicId;
        boolean haveBasicId = m.lockedUasId() != null || (b != null && b.idType() != null && b.idType().value() != 0);
        if (!haveBasicId) {
            return "UA_TYPE required in BasicID";
        }
        if (operatorLatE7 == 0 && operatorLonE7 == 0) {
            return "operator location must be set";
        }
        if (!m.transmitterPresent()) {
            return "ARM_STATUS not available";
        }
        long now = state.now();
        if (lastSystemNs < 0 || (now - lastSystemNs > MAX_AGE_NS && now - lastSystemUpdateNs > MAX_AGE_NS)) {
            return "SYSTEM not available";
        }
        String error = transmitterError(haveBasicId, now);
        return error.isEmpty() ? null : error;
    }

    private String transmitterError(boolean haveBasicId, long now) {
        StringBuilder ret = new StringBuilder();
        if (!state.gpsFix) {
            ret.append("LOC ");
        }
        if (!haveBasicId) {
            ret.append("ID ");
        }
        if (selfId == null) {
            ret.append("SELF_ID ");
        }
        if (operatorId == null) {
            ret.append("OP_ID ");
        }
        if (lastSystemNs < 0 || now - Math.max(lastSystemNs, lastSystemUpdateNs) > MAX_AGE_NS) {
            ret.append("SYS ");
        }
        if (operatorLatE7 == 0 && operatorLonE7 == 0) {
            ret.append("OP_LOC ");
        }
        return ret.toString();
    }
}

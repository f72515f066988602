package org.vigie.mission.remoteid;

import io.dronefleet.mavlink.common.MavOdidCategoryEu;
import io.dronefleet.mavlink.common.MavOdidClassEu;
import io.dronefleet.mavlink.common.MavOdidClassificationType;
import io.dronefleet.mavlink.common.MavOdidDescType;
import io.dronefleet.mavlink.common.MavOdidIdType;
import io.dronefleet.mavlink.common.MavOdidOperatorIdType;
import io.dronefleet.mavlink.common.MavOdidOperatorLocationType;
import io.dronefleet.mavlink.common.MavOdidUaType;
import io.dronefleet.mavlink.common.OpenDroneIdBasicId;
import io.dronefleet.mavlink.common.OpenDroneIdOperatorId;
import io.dronefleet.mavlink.common.OpenDroneIdSelfId;
import io.dronefleet.mavlink.common.OpenDroneIdSystem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.vigie.link.command.Target;

/**
 * The OPEN_DRONE_ID messages a companion sends its autopilot, built from a {@link RemoteIdConfig} with dronefleet's
 * generated classes of the MAVLink common dialect (OPEN_DRONE_ID_OPERATOR_ID 12905, SELF_ID 12903, SYSTEM 12904,
 * BASIC_ID 12900). {@code id_or_mac} stays zero (it is for data received from other aircraft). Stateless.
 */
public final class RemoteIdMessages {

    /** The epoch of OPEN_DRONE_ID_SYSTEM's timestamp: 2019-01-01T00:00:00Z. */
    public static final Instant ODID_EPOCH = Instant.parse("2019-01-01T00:00:00Z");
    /** "Unknown" for area ceiling and floor, metres. */
    public static final float UNKNOWN_ALTITUDE_M = -1000f;

    /** MAV_ODID_CLASS_EU by {@link RemoteIdConfig#classEu()} + 1. */
    private static final MavOdidClassEu[] CLASSES = {MavOdidClassEu.MAV_ODID_CLASS_EU_UNDECLARED,
        MavOdidClassEu.MAV_ODID_CLASS_EU_CLASS_0, MavOdidClassEu.MAV_ODID_CLASS_EU_CLASS_1,
        MavOdidClassEu.MAV_ODID_CLASS_EU_CLASS_2, MavOdidClassEu.MAV_ODID_CLASS_EU_CLASS_3,
        MavOdidClassEu.MAV_ODID_CLASS_EU_CLASS_4, MavOdidClassEu.MAV_ODID_CLASS_EU_CLASS_5,
        MavOdidClassEu.MAV_ODID_CLASS_EU_CLASS_6};

    private RemoteIdMessages() {
    }

    /**
     * @param c the configuration
     * @param to the autopilot
     * @return OPEN_DRONE_ID_OPERATOR_ID, type CAA
     */
    public static OpenDroneIdOperatorId operatorId(RemoteIdConfig c, Target to) {
        return OpenDroneIdOperatorId.builder().targetSystem(to.systemId()).targetComponent(to.componentId())
                .idOrMac(new byte[20]).operatorIdType(MavOdidOperatorIdType.MAV_ODID_OPERATOR_ID_TYPE_CAA)
                .operatorId(c.operatorId()).build();
    }

    /**
     * @param c the configuration
     * @param to the autopilot
     * @return OPEN_DRONE_ID_SELF_ID, type TEXT, the service's description
     */
    public static OpenDroneIdSelfId selfId(RemoteIdConfig c, Target to) {
        return OpenDroneIdSelfId.builder().targetSystem(to.systemId()).targetComponent(to.componentId())
                .idOrMac(new byte[20]).descriptionType(MavOdidDescType.MAV_ODID_DESC_TYPE_TEXT)
                .description(c.selfIdDescription()).build();
    }

    /**
     * @param c   the configuration
     * @param to  the autopilot
     * @param now the time of the operator location
     * @return OPEN_DRONE_ID_SYSTEM: operator location (degE7) and altitude, EU classification, one aircraft, area
     *     ceiling and floor unknown, timestamp in seconds since 2019-01-01
     */
    public static OpenDroneIdSystem system(RemoteIdConfig c, Target to, Instant now) {
        return OpenDroneIdSystem.builder().targetSystem(to.systemId()).targetComponent(to.componentId())
                .idOrMac(new byte[20])
                .operatorLocationType(c.locationType() == RemoteIdConfig.LocationType.FIXED
                        ? MavOdidOperatorLocationType.MAV_ODID_OPERATOR_LOCATION_TYPE_FIXED
                        : MavOdidOperatorLocationType.MAV_ODID_OPERATOR_LOCATION_TYPE_TAKEOFF)
                .classificationType(MavOdidClassificationType.MAV_ODID_CLASSIFICATION_TYPE_EU)
                .operatorLatitude((int) Math.round(c.operatorLocation().latDeg() * 1e7))
                .operatorLongitude((int) Math.round(c.operatorLocation().lonDeg() * 1e7))
                .areaCount(1).areaRadius(0).areaCeiling(UNKNOWN_ALTITUDE_M).areaFloor(UNKNOWN_ALTITUDE_M)
                .categoryEu(switch (c.categoryEu()) {
                    case OPEN -> MavOdidCategoryEu.MAV_ODID_CATEGORY_EU_OPEN;
                    case SPECIFIC -> MavOdidCategoryEu.MAV_ODID_CATEGORY_EU_SPECIFIC;
                    case CERTIFIED -> MavOdidCategoryEu.MAV_ODID_CATEGORY_EU_CERTIFIED;
                })
                .classEu(CLASSES[c.classEu() + 1])
                .operatorAltitudeGeo((float) c.operatorAltitudeAmslM())
                .timestamp(Math.max(0, now.getEpochSecond() - ODID_EPOCH.getEpochSecond())).build();
    }

    /**
     * @param c  the configuration (its serial number must be present)
     * @param to the autopilot
     * @return OPEN_DRONE_ID_BASIC_ID: serial number, multirotor
     * @throws IllegalStateException if the configuration has no serial number
     */
    public static OpenDroneIdBasicId basicId(RemoteIdConfig c, Target to) {
        String serial = c.uasSerialNumber().orElseThrow(() -> new IllegalStateException("no UAS serial number"));
        byte[] id = new byte[20];
        byte[] s = serial.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, id, 0, s.length);
        return OpenDroneIdBasicId.builder().targetSystem(to.systemId()).targetComponent(to.componentId())
                .idOrMac(new byte[20]).idType(MavOdidIdType.MAV_ODID_ID_TYPE_SERIAL_NUMBER)
                .uaType(MavOdidUaType.MAV_ODID_UA_TYPE_HELICOPTER_OR_MULTIROTOR).uasId(id).build();
    }
}

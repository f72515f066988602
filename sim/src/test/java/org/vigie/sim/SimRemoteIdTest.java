package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.common.CommandAck;
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
import io.dronefleet.mavlink.common.OpenDroneIdSystemUpdate;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.MavParamType;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;

/**
 * Remote ID in the simulated ArduCopter, as AP_OpenDroneID judges it: with DID_OPTIONS bit 0 (EnforceArming) arming is
 * refused with ArduPilot's "OpenDroneID: ..." reason until the ground has given the operator's data.
 */
class SimRemoteIdTest {

    static final int DOCK_LAT_E7 = 488515343;
    static final int DOCK_LON_E7 = 23643392;

    static TestGcs gcs(RemoteIdModule module, SimVehicle[] out) {
        ManualScheduler s = new ManualScheduler();
        InMemoryTransport[] pair = InMemoryTransport.pair("gcs", "sim");
        SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().build(), s, pair[1]).withRemoteId(module);
        TestGcs gcs = new TestGcs(s, pair[0], 255, 190);
        sim.start();
        out[0] = sim;
        gcs.advance(1);
        gcs.send(SimSmokeTest.cmd(176, 1, 4));
        gcs.advance(0.2);
        return gcs;
    }

    static String armRefusal(TestGcs gcs) {
        int mark = gcs.mark();
        gcs.send(SimSmokeTest.cmd(400, 1));
        gcs.advance(0.2);
        CommandAck ack = gcs.last(CommandAck.class).orElseThrow();
        if (ack.result().value() == 0) {
            return "";
        }
        return gcs.since(mark).stream().filter(r -> r.message() instanceof io.dronefleet.mavlink.common.Statustext)
                .map(r -> ((io.dronefleet.mavlink.common.Statustext) r.message()).text()).findFirst().orElse("?");
    }

    static OpenDroneIdSystem system() {
        return OpenDroneIdSystem.builder().targetSystem(1).targetComponent(1).idOrMac(new byte[20])
                .operatorLocationType(MavOdidOperatorLocationType.MAV_ODID_OPERATOR_LOCATION_TYPE_TAKEOFF)
                .classificationType(MavOdidClassificationType.MAV_ODID_CLASSIFICATION_TYPE_EU)
                .operatorLatitude(DOCK_LAT_E7).operatorLongitude(DOCK_LON_E7).areaCount(1).areaCeiling(-1000)
                .areaFloor(-1000).operatorAltitudeGeo(35).timestamp(220_838_400L).build();
    }

    static void sendStatics(TestGcs gcs) {
        gcs.send(OpenDroneIdOperatorId.builder().targetSystem(1).targetComponent(1).idOrMac(new byte[20])
                .operatorIdType(MavOdidOperatorIdType.MAV_ODID_OPERATOR_ID_TYPE_CAA).operatorId("FRAx7k2m9q4w1z8r")
                .build());
        gcs.send(OpenDroneIdSelfId.builder().targetSystem(1).targetComponent(1).idOrMac(new byte[20])
                .descriptionType(MavOdidDescType.MAV_ODID_DESC_TYPE_TEXT).description("Police municipale Paris")
                .build());
    }

    @Test
    void armingIsRefusedWithArduPilotsMessageUntilTheOperatorDataArrives() {
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = gcs(RemoteIdModule.enforcing(), v);
        assertThat(v[0].params().get("DID_ENABLE").value()).isEqualTo(1.0);
        assertThat(v[0].params().get("DID_OPTIONS").value()).isEqualTo(1.0);

        assertThat(armRefusal(gcs)).isEqualTo("Arm: OpenDroneID: operator location must be set");
        gcs.send(system());
        gcs.advance(0.2);
        assertThat(armRefusal(gcs)).as("the transmitter lacks the static messages")
                .isEqualTo("Arm: OpenDroneID: SELF_ID OP_ID ");
        sendStatics(gcs);
        gcs.send(system());
        gcs.advance(0.2);
        assertThat(armRefusal(gcs)).isEmpty();
        assertThat(v[0].armed()).isTrue();
    }

    @Test
    void anOperatorLocationOlderThanThreeSecondsRefusesArming() {
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = gcs(RemoteIdModule.enforcing(), v);
        sendStatics(gcs);
        gcs.send(system());
        gcs.advance(3.5);
        assertThat(armRefusal(gcs)).isEqualTo("Arm: OpenDroneID: SYSTEM not available");
        gcs.send(OpenDroneIdSystemUpdate.builder().targetSystem(1).targetComponent(1).operatorLatitude(DOCK_LAT_E7)
                .operatorLongitude(DOCK_LON_E7).operatorAltitudeGeo(35).timestamp(220_838_404L).build());
        gcs.advance(0.2);
        assertThat(armRefusal(gcs)).as("SYSTEM_UPDATE refreshes it once a SYSTEM came").isEmpty();
    }

    @Test
    void withoutALockedSerialNumberTheBasicIdMustComeFromTheGround() {
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = gcs(new RemoteIdModule(true, true, null), v);
        sendStatics(gcs);
        gcs.send(system());
        gcs.advance(0.2);
        assertThat(armRefusal(gcs)).isEqualTo("Arm: OpenDroneID: UA_TYPE required in BasicID");
        byte[] id = new byte[20];
        System.arraycopy("1596F3ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, id, 0, 12);
        gcs.send(OpenDroneIdBasicId.builder().targetSystem(1).targetComponent(1).idOrMac(new byte[20])
                .idType(MavOdidIdType.MAV_ODID_ID_TYPE_SERIAL_NUMBER)
                .uaType(MavOdidUaType.MAV_ODID_UA_TYPE_HELICOPTER_OR_MULTIROTOR).uasId(id).build());
        gcs.send(system());
        gcs.advance(0.2);
        assertThat(armRefusal(gcs)).isEmpty();
    }

    @Test
    void noTransmitterOrNoEnforcement() {
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = gcs(new RemoteIdModule(true, false, "1596F3ABCDEF"), v);
        sendStatics(gcs);
        gcs.send(system());
        gcs.advance(0.2);
        assertThat(armRefusal(gcs)).isEqualTo("Arm: OpenDroneID: ARM_STATUS not available");
        gcs.send(ParamSet.builder().targetSystem(1).targetComponent(1).paramId("DID_OPTIONS").paramValue(0)
                .paramType(MavParamType.MAV_PARAM_TYPE_INT16).build());
        gcs.advance(0.2);
        assertThat(armRefusal(gcs)).as("DID_OPTIONS 0: Remote ID not required to arm").isEmpty();

        SimVehicle[] w = new SimVehicle[1];
        TestGcs plain = TestGcs.withSim(new ManualScheduler(), SimConfig.builder().fastBoot().build(), w);
        assertThat(w[0].params().get("DID_ENABLE")).as("ArduCopter 4.7's table has DID_ENABLE, 0 without a transmitter")
                .isNotNull().extracting(p -> p.value()).isEqualTo(0.0);
        assertThatThrownBy(() -> w[0].withRemoteId(RemoteIdModule.enforcing()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before start()");
        plain.advance(0.1);
    }
}

package org.vigie.mission.remoteid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.common.MavOdidCategoryEu;
import io.dronefleet.mavlink.common.MavOdidClassificationType;
import io.dronefleet.mavlink.common.MavOdidDescType;
import io.dronefleet.mavlink.common.MavOdidIdType;
import io.dronefleet.mavlink.common.MavOdidOperatorIdType;
import io.dronefleet.mavlink.common.MavOdidOperatorLocationType;
import io.dronefleet.mavlink.common.OpenDroneIdBasicId;
import io.dronefleet.mavlink.common.OpenDroneIdOperatorId;
import io.dronefleet.mavlink.common.OpenDroneIdSelfId;
import io.dronefleet.mavlink.common.OpenDroneIdSystem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.command.Target;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * The Remote ID traffic a companion sends, read off the wire: every frame checked against the OPEN_DRONE_ID message
 * definitions of MAVLink's common.xml (id, CRC_EXTRA, payload length, field values) and the rates the standard asks.
 */
class RemoteIdBroadcasterTest {

    /** From common.xml: message id -> {CRC_EXTRA, payload length}. */
    static final Map<Integer, int[]> DEFINITIONS = Map.of(
            12900, new int[] {114, 44},   // OPEN_DRONE_ID_BASIC_ID
            12903, new int[] {249, 46},   // OPEN_DRONE_ID_SELF_ID
            12904, new int[] {77, 54},    // OPEN_DRONE_ID_SYSTEM
            12905, new int[] {49, 43});   // OPEN_DRONE_ID_OPERATOR_ID

    static final GeoPoint DOCK = GeoPoint.of(48.8515343, 2.3643392);

    record Rx(double timeS, MavlinkFrame frame) {}

    @Test
    void sendsTheOperatorDataAsTheDefinitionsSayAtTheStandardsRates() {
        ManualScheduler s = new ManualScheduler();
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "autopilot");
        List<Rx> rx = new ArrayList<>();
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView view) {
                rx.add(new Rx(s.nanoTime() / 1e9, view.toFrame()));
            }
        });
        pair[1].start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                parser.feed(data, offset, length);
            }
        });
        MavlinkLink link = MavlinkLink.create(LinkConfig.of(1), s, s.callbackExecutor(), pair[0]);
        RemoteIdConfig config = RemoteIdConfig.cityService("FRAx7k2m9q4w1z8r", "Police municipale Paris", DOCK, 35.0)
                .withUasSerialNumber("1596F3ABCDEF");
        RemoteIdBroadcaster b = RemoteIdBroadcaster.start(link, () -> Target.autopilot(AutopilotFlavour.ARDUPILOT),
                config);
        s.advance(Duration.ofSeconds(30));
        b.close();
        s.advance(Duration.ofSeconds(5));
        link.close();

        List<Rx> odid = rx.stream().filter(r -> DEFINITIONS.containsKey(r.frame().msgId())).toList();
        assertThat(odid).as("nothing after close").allSatisfy(r -> assertThat(r.timeS()).isLessThanOrEqualTo(30.0));
        MessageTable table = MessageTable.ardupilotmega();
        MessageCodec codec = new MessageCodec();
        for (Rx r : odid) {
            int[] def = DEFINITIONS.get(r.frame().msgId());
            assertThat(table.crcExtra(r.frame().msgId())).isEqualTo(def[0]);
            assertThat(table.maxPayloadLength(r.frame().msgId())).isEqualTo(def[1]);
            assertThat(r.frame().payload().length).as("MAVLink 2 may only truncate trailing zeros")
                    .isBetween(1, def[1]);
            assertThat(r.frame().version()).isEqualTo(2);
        }

        List<Double> system = times(odid, 12904);
        assertThat(system).hasSizeBetween(30, 31);
        assertThat(gaps(system)).allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(1.0 + 1e-6));
        for (int id : new int[] {12900, 12903, 12905}) {
            List<Double> t = times(odid, id);
            assertThat(t).as("message " + id).hasSizeGreaterThanOrEqualTo(10);
            assertThat(t.get(0)).as("from the moment it attaches").isLessThanOrEqualTo(3.0);
            assertThat(gaps(t)).allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(3.0 + 1e-6));
        }

        OpenDroneIdSystem sys = decode(codec, odid, 12904, OpenDroneIdSystem.class);
        assertThat(sys.targetSystem()).isEqualTo(1);
        assertThat(sys.targetComponent()).isEqualTo(1);
        assertThat(sys.operatorLatitude()).isEqualTo(488515343);
        assertThat(sys.operatorLongitude()).isEqualTo(23643392);
        assertThat(sys.operatorAltitudeGeo()).isEqualTo(35.0f);
        assertThat(sys.operatorLocationType().entry())
                .isEqualTo(MavOdidOperatorLocationType.MAV_ODID_OPERATOR_LOCATION_TYPE_TAKEOFF);
        assertThat(sys.classificationType().entry())
                .isEqualTo(MavOdidClassificationType.MAV_ODID_CLASSIFICATION_TYPE_EU);
        assertThat(sys.categoryEu().entry()).isEqualTo(MavOdidCategoryEu.MAV_ODID_CATEGORY_EU_SPECIFIC);
        assertThat(sys.areaCount()).isEqualTo(1);
        assertThat(sys.areaCeiling()).isEqualTo(-1000f);
        // 2026-01-01T00:00:00Z is 2557 days after 2019-01-01
        assertThat(sys.timestamp()).isBetween(2557L * 86400, 2557L * 86400 + 35);

        OpenDroneIdOperatorId op = decode(codec, odid, 12905, OpenDroneIdOperatorId.class);
        assertThat(op.operatorIdType().entry()).isEqualTo(MavOdidOperatorIdType.MAV_ODID_OPERATOR_ID_TYPE_CAA);
        assertThat(op.operatorId()).isEqualTo("FRAx7k2m9q4w1z8r");
        OpenDroneIdSelfId self = decode(codec, odid, 12903, OpenDroneIdSelfId.class);
        assertThat(self.descriptionType().entry()).isEqualTo(MavOdidDescType.MAV_ODID_DESC_TYPE_TEXT);
        assertThat(self.description()).isEqualTo("Police municipale Paris");
        OpenDroneIdBasicId basic = decode(codec, odid, 12900, OpenDroneIdBasicId.class);
        assertThat(basic.idType().entry()).isEqualTo(MavOdidIdType.MAV_ODID_ID_TYPE_SERIAL_NUMBER);
        assertThat(new String(basic.uasId(), StandardCharsets.US_ASCII).trim().replace("\0", ""))
                .isEqualTo("1596F3ABCDEF");
        assertThat(b.systemSent()).isEqualTo(system.size());
    }

    @Test
    void theConfigurationIsCheckedAgainstTheMessageFields() {
        assertThatThrownBy(() -> RemoteIdConfig.cityService("FRA-0123456789abcdefgh", "Police", DOCK, 35))
                .hasMessageContaining("operatorId 'FRA-0123456789abcdefgh' is 22 characters, more than the 20");
        assertThatThrownBy(() -> RemoteIdConfig.cityService("FRA1", "Police municipale de Paris 4e", DOCK, 35))
                .hasMessageContaining("selfIdDescription").hasMessageContaining("more than the 23");
        assertThatThrownBy(() -> RemoteIdConfig.cityService("FRA1", "Préfecture", DOCK, 35))
                .hasMessageContaining("not printable ASCII at index 2");
        assertThatThrownBy(() -> RemoteIdConfig.cityService("FRA1", "Police", GeoPoint.of(0, 0), 35))
                .hasMessageContaining("operatorLocation 0,0");
        RemoteIdConfig ok = RemoteIdConfig.cityService("FRA1", "Police", DOCK, 35);
        assertThatThrownBy(() -> new RemoteIdConfig("FRA1", "Police", DOCK, 35, ok.locationType(), ok.categoryEu(),
                -1, Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .hasMessageContaining("systemPeriod PT2S must be in (0, 1 s]");
        assertThatThrownBy(() -> new RemoteIdConfig("FRA1", "Police", DOCK, 35, ok.locationType(), ok.categoryEu(),
                7, Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(3)))
                .hasMessageContaining("classEu 7");
    }

    static List<Double> times(List<Rx> rx, int id) {
        return rx.stream().filter(r -> r.frame().msgId() == id).map(Rx::timeS).toList();
    }

    static List<Double> gaps(List<Double> t) {
        List<Double> g = new ArrayList<>();
        for (int i = 1; i < t.size(); i++) {
            g.add(t.get(i) - t.get(i - 1));
        }
        return g;
    }

    static <T> T decode(MessageCodec codec, List<Rx> rx, int id, Class<T> type) {
        MavlinkFrame f = rx.stream().filter(r -> r.frame().msgId() == id).reduce((a, c) -> c).orElseThrow().frame();
        return codec.decode(f, type).orElseThrow();
    }
}

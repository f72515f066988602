package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

class MissionProtocolTest {

    static MissionItemInt item(int seq, int frame, int cmd, float p1, int x, int y, float z, int type) {
        return MissionItemInt.builder().targetSystem(1).targetComponent(1).seq(seq)
                .frame(EnumValue.<MavFrame>create(frame)).command(EnumValue.<MavCmd>create(cmd)).current(0)
                .autocontinue(1).param1(p1).param2(0).param3(0).param4(0).x(x).y(y).z(z)
                .missionType(EnumValue.<MavMissionType>create(type)).build();
    }

    /** Uploads the items, answering every request the vehicle makes; returns the transcript. */
    static List<String> upload(TestGcs gcs, List<MissionItemInt> items, int type) {
        int mark = gcs.mark();
        gcs.send(MissionCount.builder().targetSystem(1).targetComponent(1).count(items.size())
                .missionType(EnumValue.<MavMissionType>create(type)).build());
        List<String> transcript = new ArrayList<>();
        for (int guard = 0; guard < 200; guard++) {
            gcs.advance(0.01);
            boolean done = false;
            for (TestGcs.Rx rx : gcs.since(mark)) {
                Object m = rx.message();
                if (m instanceof MissionRequest r) {
                    transcript.add("<- MISSION_REQUEST seq=" + r.seq());
                    gcs.send(items.get(r.seq()));
                } else if (m instanceof MissionRequestInt r) {
                    transcript.add("<- MISSION_REQUEST_INT seq=" + r.seq());
                    gcs.send(items.get(r.seq()));
                } else if (m instanceof MissionAck a) {
                    transcript.add("<- MISSION_ACK type=" + a.type().value());
                    done = true;
                }
            }
            mark = gcs.mark();
            if (done) {
                break;
            }
        }
        return transcript;
    }

    static List<Object> download(TestGcs gcs, int type, boolean legacy) {
        gcs.send(MissionRequestList.builder().targetSystem(1).targetComponent(1)
                .missionType(EnumValue.<MavMissionType>create(type)).build());
        gcs.advance(0.01);
        int count = gcs.last(MissionCount.class).orElseThrow().count();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int mark = gcs.mark();
            if (legacy) {
                gcs.send(MissionRequest.builder().targetSystem(1).targetComponent(1).seq(i)
                        .missionType(EnumValue.<MavMissionType>create(type)).build());
            } else {
                gcs.send(MissionRequestInt.builder().targetSystem(1).targetComponent(1).seq(i)
                        .missionType(EnumValue.<MavMissionType>create(type)).build());
            }
            gcs.advance(0.01);
            for (TestGcs.Rx rx : gcs.since(mark)) {
                if (rx.message() instanceof MissionItemInt || rx.message() instanceof MissionItem) {
                    out.add(rx.message());
                }
            }
        }
        return out;
    }

    @Test
    void uploadUsesLegacyRequestsAndReadsBackLikeArduCopter() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().build(), v);
        gcs.advance(12);
        List<String> t = upload(gcs, List.of(item(0, 5, 16, 0, 488566000, 23522000, 35, 0),
                item(1, 6, 22, 0, 0, 0, 20, 0), item(2, 6, 16, 2, 488571000, 23527000, 30, 0)), 0);
        assertThat(t).containsExactly("<- MISSION_REQUEST seq=0", "<- MISSION_REQUEST seq=1",
                "<- MISSION_REQUEST seq=2", "<- MISSION_ACK type=0");
        assertThat(gcs.texts()).contains("Flight plan received");
        assertThat(gcs.all(ParamValue.class)).filteredOn(p -> p.paramId().equals("MIS_TOTAL"))
                .extracting(ParamValue::paramValue).containsExactly(2f, 3f);

        List<Object> items = download(gcs, 0, false);
        assertThat(items).hasSize(3);
        MissionItemInt home = (MissionItemInt) items.get(0);
        assertThat(home.x()).isZero(); // home not yet set at 12 s
        MissionItemInt takeoff = (MissionItemInt) items.get(1);
        assertThat(takeoff.frame().value()).isEqualTo(3);
        assertThat(takeoff.z()).isEqualTo(20f);
        MissionItemInt wp = (MissionItemInt) items.get(2);
        assertThat(wp.frame().value()).isEqualTo(3);
        assertThat(wp.param1()).isEqualTo(2f);
        assertThat(wp.x()).isEqualTo(488571000);

        int before = gcs.texts().size();
        List<Object> legacy = download(gcs, 0, true);
        assertThat(legacy).hasSize(3).allMatch(o -> o instanceof MissionItem);
        assertThat(((MissionItem) legacy.get(2)).x()).isCloseTo(48.8571f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(gcs.texts().subList(before, gcs.texts().size()))
                .containsExactly("got MISSION_REQUEST; use MISSION_REQUEST_INT!");

        List<String> ft = upload(gcs, List.of(item(0, 0, 5001, 4, 488586000, 23502000, 0, 1),
                item(1, 0, 5001, 4, 488586000, 23542000, 0, 1), item(2, 0, 5001, 4, 488546000, 23542000, 0, 1),
                item(3, 0, 5001, 4, 488546000, 23502000, 0, 1)), 1);
        assertThat(ft).containsExactly("<- MISSION_REQUEST seq=0", "<- MISSION_REQUEST seq=1",
                "<- MISSION_REQUEST seq=2", "<- MISSION_REQUEST seq=3", "<- MISSION_ACK type=0");
        assertThat(gcs.texts()).contains("Fence Indexed OK");
        List<Object> fence = download(gcs, 1, false);
        assertThat(fence).hasSize(4).allMatch(o -> ((MissionItemInt) o).autocontinue() == 0
                && ((MissionItemInt) o).param1() == 4f);
        assertThat(gcs.lastWhere(ParamValue.class, p -> p.paramId().equals("FENCE_TOTAL")).get().paramValue())
                .isEqualTo(6f);

        gcs.advance(30);
        MissionItemInt homeAfter = (MissionItemInt) download(gcs, 0, false).get(0);
        assertThat(homeAfter.x()).isEqualTo(488566000);
        assertThat(homeAfter.y()).isEqualTo(23522000);
    }

    @Test
    void outOfOrderItemIsInvalidSequenceAndSilenceCancelsAfterEightSeconds() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(MissionCount.builder().targetSystem(1).targetComponent(1).count(3)
                .missionType(EnumValue.<MavMissionType>create(0)).build());
        gcs.advance(0.01);
        gcs.send(item(2, 6, 16, 0, 488571000, 23527000, 30, 0));
        gcs.advance(0.01);
        assertThat(gcs.last(MissionAck.class).get().type().value()).isEqualTo(13);
        int mark = gcs.mark();
        gcs.advance(9);
        List<TestGcs.Rx> after = gcs.since(mark);
        long resends = after.stream().filter(r -> r.message() instanceof MissionRequest).count();
        assertThat(resends).isBetween(6L, 8L);
        assertThat(gcs.last(MissionAck.class).get().type().value()).isEqualTo(15);
    }
}

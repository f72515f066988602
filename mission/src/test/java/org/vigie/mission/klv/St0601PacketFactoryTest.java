package org.vigie.mission.klv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.jmisb.api.klv.st0601.PlatformPitchAngleFull;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.junit.jupiter.api.Test;
import org.vigie.misb.MissionId;
import org.vigie.misb.PlatformPitchFull;
import org.vigie.misb.PrecisionTimeStamp;
import org.vigie.misb.St0601Encoder;
import org.vigie.misb.St0601Packet;
import org.vigie.mission.camera.CameraGeometry;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.Footprint;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.TerrainModel;
import org.vigie.mission.camera.VehiclePose;

class St0601PacketFactoryTest {

    final CameraGeometry geometry = new CameraGeometry(TerrainModel.flat(35));
    final St0601PacketFactory factory = new St0601PacketFactory("Vigie quad");

    St0601Packet packet(MetadataSnapshot s) {
        Footprint f = geometry.footprint(s.pose(), s.gimbal(), s.camera());
        return factory.build(s, f);
    }

    @Test
    void timeStampFirstAndEveryRequiredItemPresent() {
        St0601Packet p = packet(new MetadataSnapshot(1_700_000_000_000_000L, "ALERT-7",
                new VehiclePose(48.8566, 2.3522, 95, 1, 2, 3), GimbalAttitude.nadir(), CameraModel.of(60, 45), 5));
        assertThat(p.items().get(0)).isEqualTo(new PrecisionTimeStamp(1_700_000_000_000_000L));
        for (int tag : new int[] {2, 3, 5, 6, 7, 10, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32, 33, 56, 65}) {
            assertThat(p.sends(tag)).as("tag %d", tag).isTrue();
        }
        assertThat(p.byTag(82)).isEmpty();
        assertThat(p.byTag(90)).isEmpty();
        assertThat(p.first(MissionId.class).orElseThrow().missionId()).isEqualTo("ALERT-7");
    }

    @Test
    void steepPitchGoesToTheFullRangeItemAndTheShortItemCarriesTheErrorValue() throws Exception {
        MetadataSnapshot s = new MetadataSnapshot(1, null, new VehiclePose(48.8566, 2.3522, 95, 0, 32.5, 0),
                GimbalAttitude.nadir(), CameraModel.of(60, 45), Double.NaN);
        St0601Packet p = packet(s);
        assertThat(p.byTag(3)).isEmpty();
        assertThat(p.byTag(56)).isEmpty();
        byte[] bytes = new St0601Encoder().encode(p);
        UasDatalinkMessage m = new UasDatalinkMessage(bytes);
        assertThat(((PlatformPitchAngleFull) m.getField(UasDatalinkTag.PlatformPitchAngleFull)).getDegrees())
                .isCloseTo(32.5, offset(PlatformPitchFull.LSB));
        byte[] shortPitch = m.getField(UasDatalinkTag.PlatformPitchAngle).getBytes();
        assertThat(shortPitch).containsExactly(0x80, 0x00);
    }
}

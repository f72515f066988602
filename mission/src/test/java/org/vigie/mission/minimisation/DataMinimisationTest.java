package org.vigie.mission.minimisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.GimbalFrame;
import org.vigie.mission.camera.TerrainModel;
import org.vigie.mission.camera.VehiclePose;
import org.vigie.mission.klv.InMemoryMetadataSink;
import org.vigie.mission.klv.MetadataPacket;
import org.vigie.mission.klv.MetadataSnapshot;
import org.vigie.mission.klv.MetadataStreamer;
import org.vigie.mission.stream.TelemetrySample;

/** The operator's data-minimisation choices: KLV tags, recorded telemetry, the configuration and its refusals. */
class DataMinimisationTest {

    @Test
    void onlyTheSelectedTagsLeaveTheDroneAndTheMissionIdNotByDefault() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        InMemoryMetadataSink memory = new InMemoryMetadataSink();
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(35)).rateHz(10).sink(memory)
                .tagSelection(KlvTagSelection.cityService()).build();
        s.start();
        for (int i = 0; i < 10; i++) {
            s.update(new MetadataSnapshot(scheduler.now().toEpochMilli() * 1000, "ALERT-42",
                    new VehiclePose(48.8566, 2.3522, 95, 2, -3, i), new GimbalAttitude(0, -45, 0,
                    GimbalFrame.HEADING_RELATIVE), CameraModel.of(62, 48), 4.5));
            scheduler.advance(Duration.ofMillis(100));
        }
        List<MetadataPacket> packets = memory.packets();
        assertThat(packets).isNotEmpty();
        for (MetadataPacket p : packets) {
            UasDatalinkMessage m = new UasDatalinkMessage(p.klv()); // jmisb checks the checksum
            assertThat(m.getField(UasDatalinkTag.MissionId)).as("the alert id stays on board").isNull();
            assertThat(m.getField(UasDatalinkTag.PrecisionTimeStamp)).isNotNull();
            assertThat(m.getField(UasDatalinkTag.UasLdsVersionNumber)).isNotNull();
            assertThat(m.getField(UasDatalinkTag.FrameCenterLatitude)).isNotNull();
        }

        InMemoryMetadataSink few = new InMemoryMetadataSink();
        MetadataStreamer t = MetadataStreamer.builder(scheduler, TerrainModel.flat(35)).rateHz(10).sink(few)
                .tagSelection(new KlvTagSelection(Set.of(13, 14))).build();
        t.start();
        t.update(new MetadataSnapshot(scheduler.now().toEpochMilli() * 1000, "ALERT-42",
                new VehiclePose(48.8566, 2.3522, 95, 2, -3, 0), new GimbalAttitude(0, -45, 0,
                GimbalFrame.HEADING_RELATIVE), CameraModel.of(62, 48), 4.5));
        scheduler.advance(Duration.ofMillis(150));
        UasDatalinkMessage m = new UasDatalinkMessage(few.packets().get(0).klv());
        assertThat(m.getIdentifiers()).containsExactlyInAnyOrder(UasDatalinkTag.PrecisionTimeStamp,
                UasDatalinkTag.SensorLatitude, UasDatalinkTag.SensorLongitude, UasDatalinkTag.UasLdsVersionNumber);
    }

    @Test
    void onlyTheSelectedTelemetryIsRecorded() {
        TelemetrySample full = new TelemetrySample(1_000_000L, "TRANSIT",
                new TelemetrySample.Position(48.85, 2.36, 95, 60), new TelemetrySample.Velocity(1, 2, 0),
                new TelemetrySample.Attitude(1, 2, 3), null, 97.0, null, null);
        java.util.List<TelemetrySample> out = new java.util.ArrayList<>();
        SelectedTelemetrySink sink = new SelectedTelemetrySink(out::add, EnumSet.of(TelemetryPart.POSITION));
        sink.accept(full);
        TelemetrySample r = out.get(0);
        assertThat(r.position()).isEqualTo(full.position());
        assertThat(r.velocity()).isNull();
        assertThat(r.attitude()).isNull();
        assertThat(r.linkQualityPct()).isNaN();
        assertThat(r.flightPhase()).isEqualTo("TRANSIT");
        assertThat(DataMinimisation.cityService().recorded()).doesNotContain(TelemetryPart.CAMERA, TelemetryPart.ETA);
    }

    @Test
    void theConfigurationOverridesTheDefaultsAndRefusesAudio() {
        DataMinimisation d = DataMinimisation.parse("{\"klvTags\": [13, 14, 15], \"recordedTelemetry\": [\"POSITION\","
                + " \"BATTERY\"], \"retentionDays\": {\"klv\": 3, \"tracks\": 30}}");
        assertThat(d.klvTags().tags()).containsExactlyInAnyOrder(2, 13, 14, 15, 65);
        assertThat(d.recorded()).containsExactlyInAnyOrder(TelemetryPart.POSITION, TelemetryPart.BATTERY);
        assertThat(d.retention().klv()).isEqualTo(Duration.ofDays(3));
        assertThat(d.retention().telemetry()).isEqualTo(Duration.ofDays(7));
        assertThat(d.retention().tracks()).isEqualTo(Duration.ofDays(30));

        assertThatThrownBy(() -> DataMinimisation.parse("{\"audio\": true}"))
                .hasMessageContaining("data minimisation, audio: Vigie has no audio").hasMessageContaining("2023-283");
        assertThatThrownBy(() -> DataMinimisation.parse("{\"facialRecognition\": false}"))
                .hasMessageContaining("facialRecognition");
        assertThatThrownBy(() -> DataMinimisation.parse("{\"klvTags\": [1]}"))
                .hasMessageContaining("klvTags[0]: ST 0601 tag 1 is not an item tag (2..142)");
        assertThatThrownBy(() -> DataMinimisation.parse("{\"recordedTelemetry\": [\"FACES\"]}"))
                .hasMessageContaining("recordedTelemetry[0]: 'FACES' is not one of");
        assertThatThrownBy(() -> DataMinimisation.parse("{\"retentionDays\": {\"klv\": 400}}"))
                .hasMessageContaining("retentionDays.klv: 400.0 must be a number of days in (0, 366]");
        assertThatThrownBy(() -> DataMinimisation.parse("{\"retentionDays\": {\"video\": 4}}"))
                .hasMessageContaining("unknown kind 'video'");
        assertThatThrownBy(() -> DataMinimisation.parse("{\"keepForever\": true}"))
                .hasMessageContaining("unknown setting 'keepForever'");
    }
}

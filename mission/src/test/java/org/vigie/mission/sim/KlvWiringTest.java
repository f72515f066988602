package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.misb.DecodeResult;
import org.vigie.misb.FrameCenterLatitude;
import org.vigie.misb.FrameCenterLongitude;
import org.vigie.misb.MissionId;
import org.vigie.misb.St0601Decoder;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.FlatTerrain;
import org.vigie.mission.flight.KlvFeed;
import org.vigie.mission.klv.InMemoryMetadataSink;
import org.vigie.mission.klv.MetadataPacket;
import org.vigie.mission.klv.MetadataStreamer;
import org.vigie.sim.SimConfig;

/** KLV at 10 Hz during a flight, every packet decodable, frame centres on the target while on scene. */
class KlvWiringTest {

    @Test
    void klvStreamsThroughTheFlightAndLooksAtTheTargetOnScene() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        GeoPoint target = GeoPoint.of(48.85560, 2.36540);
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults())) {
            InMemoryMetadataSink sink = new InMemoryMetadataSink();
            MetadataStreamer streamer = MetadataStreamer.builder(h.scheduler, new FlatTerrain(35)).sink(sink).build();
            h.companion.onFlightStarted(f -> Companion.viewOf(f).ifPresent(c -> c.addTelemetryObserver(
                    new KlvFeed(streamer, CameraModel.of(60, 45)))));
            streamer.start();
            h.advance(Duration.ofSeconds(2));
            int[] onScene = {-1, -1};
            Flight f = h.dispatch(SimHarness.request("KLV-1", target).onSceneTime(Duration.ofSeconds(30)).build());
            f.addListener(e -> {
                if (e instanceof FlightEvent.PhaseChanged p && p.to() == FlightPhase.ON_SCENE) {
                    onScene[0] = sink.packets().size();
                } else if (e instanceof FlightEvent.PhaseChanged p && p.from() == FlightPhase.ON_SCENE) {
                    onScene[1] = sink.packets().size();
                }
            });
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            streamer.stop();
            assertThat(r.outcome()).isEqualTo(FlightOutcome.COMPLETED);
            List<MetadataPacket> packets = sink.packets();
            double flightS = r.totalTime().toMillis() / 1000.0;
            assertThat(packets.size()).as("about 10 Hz over %.0f s", flightS).isGreaterThan((int) (flightS * 8));
            St0601Decoder decoder = new St0601Decoder();
            List<double[]> centres = new ArrayList<>();
            for (int i = 0; i < packets.size(); i++) {
                byte[] klv = packets.get(i).klv();
                DecodeResult res = decoder.decode(klv, 0, klv.length);
                assertThat(res).as("packet " + i).isInstanceOf(DecodeResult.Decoded.class);
                var p = ((DecodeResult.Decoded) res).packet();
                assertThat(p.first(MissionId.class)).isPresent();
                int mid = (onScene[0] + onScene[1]) / 2;
                if (i >= mid && i < onScene[1]) {
                    var lat = p.first(FrameCenterLatitude.class);
                    var lon = p.first(FrameCenterLongitude.class);
                    assertThat(lat).as("frame centre in packet " + i).isPresent();
                    centres.add(new double[] {lat.get().degrees(), lon.get().degrees()});
                }
            }
            assertThat(onScene[1]).isGreaterThan(onScene[0]);
            var fr = d.geofence().frame();
            var tt = fr.toLocal(target);
            for (double[] c : centres) {
                double err = fr.toLocal(GeoPoint.of(c[0], c[1])).horizontalDistanceM(tt);
                assertThat(err).as("frame centre %.6f,%.6f off the target", c[0], c[1]).isLessThan(15.0);
            }
            assertThat(centres).hasSizeGreaterThan(50);
        }
    }
}

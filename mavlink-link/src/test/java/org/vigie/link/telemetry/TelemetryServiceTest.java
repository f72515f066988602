package org.vigie.link.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.util.EnumValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigie.link.command.CommandOptions;
import org.vigie.link.command.CommandResult;
import org.vigie.link.command.CommandService;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.mission.TransferResult;
import org.vigie.link.param.ParamOptions;
import org.vigie.link.param.ParamService;
import org.vigie.link.testkit.FakeAutopilot.CommandReply;
import org.vigie.link.testkit.Rig;
import org.vigie.link.testkit.Tlog;
import org.vigie.link.vehicle.AutopilotFlavour;

class TelemetryServiceTest {

    private final Rig rig = new Rig();
    private final CommandService commands = new CommandService(rig.gcs, () -> Rig.target(AutopilotFlavour.ARDUPILOT),
            CommandOptions.defaults());
    private final TelemetryService telemetry = new TelemetryService(rig.gcs,
            () -> Rig.target(AutopilotFlavour.ARDUPILOT), commands, TelemetryOptions.defaults());

    private void attitude(long timeBootMs) {
        rig.ap.send(Attitude.builder().timeBootMs(timeBootMs).roll(0.1f).pitch(-0.2f).yaw(1.5f).build());
    }

    @Test
    void session1ReplayedThroughTheServiceGivesTheRecordedFlight() throws IOException {
        List<Tlog.Record> recs = Tlog.read("session1");
        long t0 = recs.get(0).timeUs();
        List<StatusText> texts = new ArrayList<>();
        telemetry.addStatusTextListener(texts::add);
        List<Boolean> ekfHealthy = new ArrayList<>();
        List<Double> relAlt = new ArrayList<>();
        telemetry.addListener(Set.of(StateGroup.EKF), s -> ekfHealthy.add(s.ekf().healthy()));
        telemetry.addListener(Set.of(StateGroup.POSITION), s -> relAlt.add(s.position().altitudeRelM()));
        List<Boolean> armed = new ArrayList<>();
        telemetry.addListener(Set.of(StateGroup.STATUS), s -> armed.add(s.armed()));
        for (Tlog.Record r : recs) {
            if (r.frame().sysId() == 1) {
                byte[] raw = r.frame().raw();
                rig.scheduler.schedule(Duration.ofNanos((r.timeUs() - t0) * 1000), () -> rig.gcs.receiveBytes(raw));
            }
        }
        rig.advanceMs((recs.get(recs.size() - 1).timeUs() - t0) / 1000 + 10);
        VehicleState s = telemetry.state();
        assertThat(texts).extracting(StatusText::text).contains("Arm: Accels inconsistent", "Flight plan received");
        assertThat(ekfHealthy).contains(false, true);
        assertThat(s.ekf().flags()).isEqualTo(0x033f);
        assertThat(relAlt.stream().mapToDouble(Double::doubleValue).max().orElse(0)).isBetween(19.0, 21.0);
        assertThat(armed).contains(true);
        assertThat(s.armed()).isFalse();
        assertThat(s.landed().onGround()).isTrue();
        assertThat(s.home().latDeg()).isEqualTo(48.8566);
        assertThat(s.home().altitudeAmslM()).isCloseTo(35.09, org.assertj.core.data.Offset.offset(0.05));
        assertThat(s.gps().fixType()).isGreaterThanOrEqualTo(3);
        assertThat(s.status().customMode()).isEqualTo(9); // LAND
        assertThat(s.position().latDeg()).isCloseTo(48.8566, org.assertj.core.data.Offset.offset(0.001));
        assertThat(s.battery().voltageV()).isPositive();
    }

    @Test
    void streamsAreRequestedWithSetMessageInterval() {
        CompletableFuture<StreamRequestOutcome> f = telemetry.requestStreams(Map.of(33, 5.0, 30, 10.0));
        StreamRequestOutcome o = rig.await(f, Duration.ofSeconds(2));
        assertThat(o.results()).containsEntry(33, CommandResult.ACCEPTED).containsEntry(30, CommandResult.ACCEPTED);
        assertThat(o.allRequested()).isTrue();
        assertThat(rig.gcs.sent(CommandLong.class)).extracting(CommandLong::param2).containsExactlyInAnyOrder(
                200_000f, 100_000f);
        assertThat(rig.gcs.sent(RequestDataStream.class)).isEmpty();
    }

    @Test
    void oldArduPilotFallsBackToRequestDataStream() {
        rig.autopilot.onCommands((c, i) -> new CommandReply(3, null, 0));
        StreamRequestOutcome o = rig.await(telemetry.requestStreams(Map.of(33, 4.0, 30, 10.0, 24, 2.0)),
                Duration.ofSeconds(2));
        assertThat(o.viaDataStream()).containsExactlyInAnyOrder(33, 30, 24);
        assertThat(o.allRequested()).isTrue();
        rig.advanceMs(10);
        assertThat(rig.gcs.sent(RequestDataStream.class)).extracting(RequestDataStream::reqStreamId,
                RequestDataStream::reqMessageRate).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, 2), org.assertj.core.groups.Tuple.tuple(6, 4),
                org.assertj.core.groups.Tuple.tuple(10, 10));
    }

    @Test
    void aGroupTurnsStaleWhenItsStreamStops() {
        List<VehicleState> seen = new ArrayList<>();
        telemetry.addListener(Set.of(StateGroup.ATTITUDE), seen::add);
        attitude(1000);
        rig.advanceMs(10);
        assertThat(telemetry.state().attitude().rollRad()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(telemetry.state().isStale(StateGroup.ATTITUDE)).isFalse();
        rig.advanceMs(2900);
        assertThat(telemetry.state().isStale(StateGroup.ATTITUDE)).isFalse();
        rig.advanceMs(3300 * 11 / 10 - 2900);
        assertThat(telemetry.state().isStale(StateGroup.ATTITUDE)).isTrue();
        assertThat(seen.get(seen.size() - 1).isStale(StateGroup.ATTITUDE)).isTrue();
        assertThat(telemetry.state().isStale(StateGroup.POSITION)).isFalse(); // never received: null, not stale
        assertThat(telemetry.state().position()).isNull();
        attitude(5000);
        rig.advanceMs(10);
        assertThat(telemetry.state().isStale(StateGroup.ATTITUDE)).isFalse();
    }

    @Test
    void multiChunkStatusTextIsJoinedInOrderAndAnIncompleteOneIsFlushed() {
        List<StatusText> texts = new ArrayList<>();
        telemetry.addStatusTextListener(texts::add);
        String a = "x".repeat(50);
        String b = "y".repeat(50);
        rig.ap.send(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_WARNING).text(b).id(7).chunkSeq(1).build());
        rig.ap.send(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_WARNING).text("end").id(7).chunkSeq(2)
                .build());
        rig.ap.send(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_WARNING).text(a).id(7).chunkSeq(0).build());
        rig.ap.send(Statustext.builder().severity(EnumValue.of(MavSeverity.MAV_SEVERITY_INFO)).text("single").build());
        rig.ap.send(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_WARNING).text(a).id(8).chunkSeq(0).build());
        rig.advanceMs(20);
        assertThat(texts).extracting(StatusText::text).containsExactly(a + b + "end", "single");
        assertThat(texts.get(0).complete()).isTrue();
        rig.advanceMs(1100);
        assertThat(texts).hasSize(3);
        assertThat(texts.get(2).complete()).isFalse();
        assertThat(texts.get(2).text()).isEqualTo(a);
    }

    @Test
    void aRebootEndsTransfersClearsCachesAndTheState() {
        MissionTransferService missions = new MissionTransferService(rig.gcs,
                () -> Rig.target(AutopilotFlavour.ARDUPILOT), TransferOptions.defaults());
        ParamService params = new ParamService(rig.gcs, () -> Rig.target(AutopilotFlavour.ARDUPILOT),
                ParamOptions.defaults());
        telemetry.propagateRebootsTo(missions, params);
        List<String> reasons = new ArrayList<>();
        telemetry.onReboot(reasons::add);
        rig.autopilot.param("RTL_ALT", 1500, 6);
        rig.autopilot.sendParamUnsolicited("RTL_ALT", 1);
        attitude(100_000);
        rig.advanceMs(10);
        assertThat(params.cached("RTL_ALT")).isPresent();
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> up = missions.upload(MissionType.MISSION,
                List.of(MissionItem.takeoff(10), MissionItem.waypoint(48.85, 2.35, 10, 0)));
        rig.advanceMs(10);
        attitude(800);
        TransferOutcome o = rig.await(up, Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(TransferResult.AUTOPILOT_REBOOTED);
        assertThat(reasons).singleElement().asString().contains("went back from 100000 to 800");
        rig.advanceMs(10);
        assertThat(params.cached("RTL_ALT")).isEmpty();
        assertThat(telemetry.state().attitude().timeBootMs()).isEqualTo(800);
        attitude(900);
        rig.advanceMs(10);
        assertThat(reasons).hasSize(1);
    }
    private void heartbeat(boolean armed) {
        rig.ap.send(io.dronefleet.mavlink.minimal.Heartbeat.builder()
                .type(io.dronefleet.mavlink.minimal.MavType.MAV_TYPE_QUADROTOR)
                .autopilot(io.dronefleet.mavlink.minimal.MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA)
                .baseMode(EnumValue.create(armed ? 0x80 | 0x01 : 0x01)).customMode(4)
                .systemStatus(EnumValue.create(armed ? 4 : 3)).mavlinkVersion(3).build());
    }

    private void position(double altRelM) {
        rig.ap.send(io.dronefleet.mavlink.common.GlobalPositionInt.builder().timeBootMs(5000).lat(488566000)
                .lon(23522000).alt((int) (35_000 + altRelM * 1000)).relativeAlt((int) (altRelM * 1000)).hdg(0xFFFF)
                .build());
    }

    @Test
    void aDisarmedHeartbeatAfterASilenceHighInTheAirIsAReboot() {
        List<String> reasons = new ArrayList<>();
        telemetry.onReboot(reasons::add);
        heartbeat(true);
        position(30);
        rig.advanceMs(1000);
        heartbeat(true);
        rig.advanceMs(1000);
        heartbeat(false); // 1 s after the last one: a normal disarm (e.g. a crash check), not a silence
        rig.advanceMs(10);
        assertThat(reasons).isEmpty();
        heartbeat(true);
        rig.advanceMs(4000); // silent for 4 s at 30 m: it cannot have landed at 3 m/s
        heartbeat(false);
        rig.advanceMs(10);
        assertThat(reasons).singleElement().asString().contains("disarmed after 4000 ms of silence")
                .contains("30.0 m above home");
        assertThat(telemetry.state().position()).isNull();
    }

    @Test
    void aDisarmAfterASilenceLowOrLongEnoughToHaveLandedIsNoReboot() {
        List<String> reasons = new ArrayList<>();
        telemetry.onReboot(reasons::add);
        heartbeat(true);
        position(2); // on the way down, near the ground
        rig.advanceMs(4000);
        heartbeat(false);
        rig.advanceMs(10);
        heartbeat(true);
        position(9);
        rig.advanceMs(4000); // 9 m in 4 s: could have landed at 3 m/s
        heartbeat(false);
        rig.advanceMs(10);
        assertThat(reasons).isEmpty();
    }

    @Test
    void gimbalDeviceFlagsAreKept() {
        rig.ap.send(io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus.builder().timeBootMs(10)
                .q(List.of(1f, 0f, 0f, 0f)).flags(EnumValue.create(16 | 32)).build());
        rig.advanceMs(10);
        assertThat(telemetry.state().gimbal().flags()).isEqualTo(48);
        assertThat(telemetry.state().gimbal().source()).isEqualTo("GIMBAL_DEVICE_ATTITUDE_STATUS");
    }
}

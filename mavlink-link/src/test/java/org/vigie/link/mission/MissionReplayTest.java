package org.vigie.link.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.MissionItemInt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.link.command.Target;
import org.vigie.link.testkit.ReplayAutopilot;
import org.vigie.link.testkit.TestPort;
import org.vigie.link.testkit.Tlog;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * Our transfers against ArduCopter's side of the captured sessions, replayed frame for frame: our frames must equal
 * the recorded ground station's byte for byte, and the real autopilot's answers must lead to the recorded result.
 */
class MissionReplayTest {

    private static final Set<Integer> MISSION_IDS = Set.of(39, 40, 43, 44, 45, 47, 51, 73);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final TestPort gcs = new TestPort(scheduler, 255, 190);
    private final TestPort ap = new TestPort(scheduler, 1, 1);
    private final MissionTransferService service = new MissionTransferService(gcs,
            () -> Target.autopilot(AutopilotFlavour.ARDUPILOT), TransferOptions.defaults());

    MissionReplayTest() {
        TestPort.connect(gcs, ap, 3);
    }

    private static List<MissionItem> itemsSentIn(List<Tlog.Record> conversation) {
        return conversation.stream().filter(r -> r.frame().sysId() == 255 && r.frame().msgId() == 73)
                .map(r -> MissionItem.of(TestPort.codec().decode(r.frame(), MissionItemInt.class).orElseThrow()))
                .toList();
    }

    private TransferOutcome run(java.util.concurrent.CompletableFuture<TransferOutcome> f) {
        assertThat(scheduler.advanceUntil(f::isDone, Duration.ofMillis(1), Duration.ofSeconds(30))).isTrue();
        scheduler.advance(Duration.ofMillis(50)); // let our last frame reach the replay
        return f.join();
    }

    private void upload(String session, MissionType type, int count) throws IOException {
        List<Tlog.Record> conv = ReplayAutopilot.cut(Tlog.read(session), 44,
                String.format("%02x00", count), 47, 1, MISSION_IDS);
        ReplayAutopilot replay = new ReplayAutopilot(ap, conv, 255, MISSION_IDS);
        List<MissionItem> items = itemsSentIn(conv);
        assertThat(items).hasSize(count);
        // ArduCopter asked with the legacy MISSION_REQUEST (id 40), never MISSION_REQUEST_INT
        assertThat(conv.stream().filter(r -> r.frame().sysId() == 1).map(r -> r.frame().msgId()))
                .contains(40).doesNotContain(51);
        TransferOutcome o = run(service.upload(type, items));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(o.planState()).isEqualTo(PlanState.CONFIRMED);
        assertThat(o.resends()).isZero();
        assertThat(replay.mismatches()).isEmpty();
        assertThat(replay.finished()).isTrue();
        // answered with MISSION_ITEM_INT
        assertThat(gcs.sent().stream().filter(fr -> fr.msgId() == 73)).hasSize(count);
        assertThat(gcs.sent().stream().filter(fr -> fr.msgId() == 39)).isEmpty();
    }

    @Test
    void session1MissionUploadAnsweringTheLegacyRequestWithItemInt() throws IOException {
        upload("session1", MissionType.MISSION, 3);
    }

    @Test
    void session1FenceUploadOfFourInclusionVertices() throws IOException {
        upload("session1", MissionType.FENCE, 4);
    }

    @Test
    void session3MissionUploadOfNineItems() throws IOException {
        upload("session3", MissionType.MISSION, 9);
    }

    @Test
    void session1DownloadReturnsFramesInTheirNonIntNumbering() throws IOException {
        List<Tlog.Record> conv = ReplayAutopilot.cut(Tlog.read("session1"), 43, "", 47, 255, MISSION_IDS);
        ReplayAutopilot replay = new ReplayAutopilot(ap, conv, 255, MISSION_IDS);
        TransferOutcome o = run(service.download(MissionType.MISSION));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(o.planState()).isEqualTo(PlanState.UNCHANGED);
        assertThat(replay.mismatches()).isEmpty();
        assertThat(replay.finished()).isTrue();
        assertThat(o.items()).extracting(MissionItem::frame).containsExactly(0, 3, 3);
        assertThat(o.items()).extracting(MissionItem::intFrame).containsExactly(5, 6, 6);
        assertThat(o.items()).extracting(MissionItem::command).containsExactly(16, 22, 16);
        assertThat(o.items().get(2).x()).isEqualTo(488571000);
        assertThat(o.items().get(2).y()).isEqualTo(23527000);
        assertThat(o.items().get(2).z()).isEqualTo(30f);
        assertThat(o.items().get(1).z()).isEqualTo(20f);
    }

    @Test
    void session1FenceDownloadComesBackWithAutocontinueZero() throws IOException {
        List<Tlog.Record> conv = ReplayAutopilot.cut(Tlog.read("session1"), 43, "010101", 47, 255, MISSION_IDS);
        ReplayAutopilot replay = new ReplayAutopilot(ap, conv, 255, MISSION_IDS);
        TransferOutcome o = run(service.download(MissionType.FENCE));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(replay.mismatches()).isEmpty();
        assertThat(o.items()).hasSize(4).allSatisfy(it -> {
            assertThat(it.command()).isEqualTo(5001);
            assertThat(it.param1()).isEqualTo(4f);
            assertThat(it.autocontinue()).isZero();
            assertThat(it.missionType()).isEqualTo(MissionType.FENCE);
        });
    }
}

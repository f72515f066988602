package org.vigie.link.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.MissionState;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigie.link.testkit.Rig;
import org.vigie.link.vehicle.AutopilotFlavour;

class MissionTransferServiceTest {

    private final Rig rig = new Rig();
    private AutopilotFlavour flavour = AutopilotFlavour.ARDUPILOT;
    private final MissionTransferService service = new MissionTransferService(rig.gcs, () -> Rig.target(flavour),
            TransferOptions.defaults());

    static List<MissionItem> plan(int n) {
        List<MissionItem> l = new ArrayList<>();
        l.add(MissionItem.takeoff(30));
        for (int i = 1; i < n; i++) {
            l.add(MissionItem.waypoint(48.8566 + i * 1e-4, 2.3522 + i * 1e-4, 30, 0));
        }
        return l;
    }

    private void request(int seq, boolean legacy) {
        if (legacy) {
            rig.ap.send(MissionRequest.builder().targetSystem(255).targetComponent(190).seq(seq)
                    .missionType(EnumValue.create(0)).build());
        } else {
            rig.ap.send(MissionRequestInt.builder().targetSystem(255).targetComponent(190).seq(seq)
                    .missionType(EnumValue.create(0)).build());
        }
    }

    private void ack(MavMissionResult r, int type) {
        rig.ap.send(MissionAck.builder().targetSystem(255).targetComponent(190).type(r)
                .missionType(EnumValue.create(type)).build());
    }

    private List<Integer> itemSeqsSent() {
        return rig.gcs.sent(MissionItemInt.class).stream().map(MissionItemInt::seq).toList();
    }

    @Test
    void uploadPlanInsertsArduPilotsHomeAndDownloadPlanRemovesIt() {
        List<MissionItem> items = plan(5);
        TransferOutcome up = rig.await(service.uploadPlan(items), Duration.ofSeconds(5));
        assertThat(up.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(up.items()).hasSize(6);
        assertThat(rig.autopilot.list(MissionType.MISSION)).hasSize(6);
        assertThat(rig.gcs.sent(MissionCount.class).get(0).count()).isEqualTo(6);
        TransferOutcome down = rig.await(service.downloadPlan(), Duration.ofSeconds(5));
        assertThat(down.items()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(down.items().get(i).seq()).isEqualTo(i);
            assertThat(down.items().get(i).command()).isEqualTo(items.get(i).command());
            assertThat(down.items().get(i).x()).isEqualTo(items.get(i).x());
            assertThat(down.items().get(i).intFrame()).isEqualTo(items.get(i).frame());
        }
    }

    @Test
    void px4GetsNoHomeItem() {
        flavour = AutopilotFlavour.PX4;
        TransferOutcome up = rig.await(service.uploadPlan(plan(3)), Duration.ofSeconds(5));
        assertThat(up.items()).hasSize(3);
        assertThat(rig.gcs.sent(MissionCount.class).get(0).count()).isEqualTo(3);
    }

    @Test
    void fenceOfFourInclusionVerticesAndRallyPointsRoundTrip() {
        List<MissionItem> fence = List.of(MissionItem.fenceInclusionVertex(4, 48.8586, 2.3502),
                MissionItem.fenceInclusionVertex(4, 48.8586, 2.3542), MissionItem.fenceInclusionVertex(4, 48.8546, 2.3542),
                MissionItem.fenceInclusionVertex(4, 48.8546, 2.3502));
        assertThat(rig.await(service.upload(MissionType.FENCE, fence), Duration.ofSeconds(5)).result())
                .isEqualTo(TransferResult.ACCEPTED);
        List<MissionItem> rally = List.of(MissionItem.rallyPoint(48.857, 2.352, 20),
                MissionItem.rallyPoint(48.856, 2.353, 25));
        assertThat(rig.await(service.upload(MissionType.RALLY, rally), Duration.ofSeconds(5)).result())
                .isEqualTo(TransferResult.ACCEPTED);
        TransferOutcome f = rig.await(service.download(MissionType.FENCE), Duration.ofSeconds(5));
        assertThat(f.items()).extracting(MissionItem::x).containsExactly(488586000, 488586000, 488546000, 488546000);
        assertThat(f.items()).extracting(MissionItem::autocontinue).containsOnly(0);
        TransferOutcome r = rig.await(service.download(MissionType.RALLY), Duration.ofSeconds(5));
        assertThat(r.items()).extracting(MissionItem::z).containsExactly(20f, 25f);
        assertThat(r.items()).extracting(MissionItem::missionType).containsOnly(MissionType.RALLY);
        assertThat(rig.await(service.clear(MissionType.FENCE), Duration.ofSeconds(5)).planState())
                .isEqualTo(PlanState.CONFIRMED);
        assertThat(rig.autopilot.list(MissionType.FENCE)).isEmpty();
    }

    @Test
    void verifyByDownloadReportsVerified() {
        MissionTransferService verifying = new MissionTransferService(rig.gcs, () -> Rig.target(flavour),
                TransferOptions.defaults().withTransferPolicy(1, true));
        TransferOutcome o = rig.await(verifying.uploadPlan(plan(8)), Duration.ofSeconds(5));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(o.planState()).isEqualTo(PlanState.VERIFIED);
        assertThat(rig.gcs.sent(MissionRequestList.class)).hasSize(1);
    }

    @Test
    void aSilentAutopilotEndsInTimeoutAfterFiveRetriesOfTheCount() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(1499);
        assertThat(rig.gcs.sent(MissionCount.class)).hasSize(1);
        rig.advanceMs(1650 - 1499);
        assertThat(rig.gcs.sent(MissionCount.class)).hasSize(2);
        rig.advanceMs(8999 - 1650);
        assertThat(f).isNotDone();
        rig.advanceMs(9900 - 8999);
        TransferOutcome o = f.join();
        assertThat(o.result()).isEqualTo(TransferResult.TIMEOUT);
        assertThat(o.planState()).isEqualTo(PlanState.UNKNOWN);
        assertThat(o.resends()).isEqualTo(5);
        assertThat(o.durationMs()).isEqualTo(9000);
        assertThat(rig.gcs.sent(MissionCount.class)).hasSize(6);
    }

    @Test
    void itemsAreResentAfterTheItemTimeout() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(10);
        request(0, true);
        rig.advanceMs(10); // item 0 sent at t=15
        assertThat(itemSeqsSent()).containsExactly(0);
        rig.advanceMs(250 * 11 / 10);
        assertThat(itemSeqsSent()).containsExactly(0, 0);
        rig.advanceMs(5 * 250 * 11 / 10);
        assertThat(f.join().result()).isEqualTo(TransferResult.TIMEOUT);
        assertThat(itemSeqsSent()).containsExactly(0, 0, 0, 0, 0, 0);
    }

    @Test
    void duplicateAndOutOfSequenceRequestsAreEachAnsweredWithTheRequestedItem() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(10);
        request(0, true);
        request(0, true);
        request(1, false);
        request(0, true);
        request(2, true);
        rig.advanceMs(20);
        assertThat(itemSeqsSent()).containsExactly(0, 0, 1, 0, 2);
        assertThat(f).isNotDone();
        ack(MavMissionResult.MAV_MISSION_ACCEPTED, 0);
        assertThat(rig.await(f, Duration.ofSeconds(1)).result()).isEqualTo(TransferResult.ACCEPTED);
    }

    @Test
    void aStaleAcceptedAckBeforeTheLastItemIsNotSuccess() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(10);
        ack(MavMissionResult.MAV_MISSION_ACCEPTED, 0);
        rig.advanceMs(20);
        assertThat(f).isNotDone();
    }

    @Test
    void aRequestBeyondTheCountIsAProtocolError() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(10);
        request(3, false);
        assertThat(rig.await(f, Duration.ofSeconds(1)).result()).isEqualTo(TransferResult.PROTOCOL_ERROR);
    }

    @Test
    void aNackEndsTheUploadWithItsResultAndThePlanUnknown() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(10);
        ack(MavMissionResult.MAV_MISSION_NO_SPACE, 0);
        TransferOutcome o = rig.await(f, Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(TransferResult.NO_SPACE);
        assertThat(o.planState()).isEqualTo(PlanState.UNKNOWN);
        assertThat(o.detail()).contains("NO_SPACE");
    }

    @Test
    void anAckForAnotherMissionTypeIsAProtocolError() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.FENCE,
                List.of(MissionItem.fenceInclusionVertex(3, 1, 1), MissionItem.fenceInclusionVertex(3, 1, 2),
                        MissionItem.fenceInclusionVertex(3, 2, 2)));
        rig.advanceMs(10);
        ack(MavMissionResult.MAV_MISSION_ACCEPTED, 0);
        assertThat(rig.await(f, Duration.ofSeconds(1)).result()).isEqualTo(TransferResult.PROTOCOL_ERROR);
    }

    @Test
    void arduPilotsInvalidSequenceAfterAResendTriggersTheNextItem() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(10);
        request(0, true);
        rig.advanceMs(300); // item 0 resent once: the request for item 1 was "lost"
        assertThat(itemSeqsSent()).containsExactly(0, 0);
        ack(MavMissionResult.MAV_MISSION_INVALID_SEQUENCE, 0);
        rig.advanceMs(20);
        assertThat(itemSeqsSent()).containsExactly(0, 0, 1);
        assertThat(f).isNotDone();
    }

    @Test
    void downloadWithLegacyItemsAndAMissionItemIntAck() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.download(MissionType.MISSION);
        rig.advanceMs(10);
        rig.ap.send(MissionCount.builder().targetSystem(255).targetComponent(190).count(1)
                .missionType(EnumValue.create(0)).build());
        rig.advanceMs(10);
        rig.ap.send(MissionItem.waypoint(48.85710144, 2.35269999, 30, 2).withSeq(0)
                .toLegacyMessage(255, 190));
        TransferOutcome o = rig.await(f, Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(o.items().get(0).x()).isCloseTo(488571014, org.assertj.core.data.Offset.offset(10));
        rig.advanceMs(10);
        MissionAck sent = rig.gcs.sent(MissionAck.class).get(0);
        assertThat(sent.type().entry()).isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
    }

    @Test
    void downloadTimesOutWhenItemsNeverCome() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.download(MissionType.MISSION);
        rig.advanceMs(10);
        rig.ap.send(MissionCount.builder().targetSystem(255).targetComponent(190).count(2)
                .missionType(EnumValue.create(0)).build());
        rig.advanceMs(10 + 6 * 250 * 11 / 10);
        assertThat(f.join().result()).isEqualTo(TransferResult.TIMEOUT);
        assertThat(rig.gcs.sent(MissionRequestInt.class)).hasSize(6);
    }

    @Test
    void oneTransferAtATime() {
        CompletableFuture<TransferOutcome> a = service.upload(MissionType.MISSION, plan(10));
        CompletableFuture<TransferOutcome> b = service.download(MissionType.MISSION);
        rig.advanceMs(30);
        assertThat(rig.gcs.sent(MissionRequestList.class)).isEmpty();
        assertThat(rig.await(a, Duration.ofSeconds(5)).succeeded()).isTrue();
        assertThat(rig.await(b, Duration.ofSeconds(5)).items()).hasSize(10);
    }

    @Test
    void rebootAndCancelEndTransfersWithClearResults() {
        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> a = service.upload(MissionType.MISSION, plan(3));
        CompletableFuture<TransferOutcome> b = service.download(MissionType.FENCE);
        rig.advanceMs(10);
        service.autopilotRebooted();
        assertThat(rig.await(a, Duration.ofSeconds(1)).result()).isEqualTo(TransferResult.AUTOPILOT_REBOOTED);
        assertThat(rig.await(b, Duration.ofSeconds(1)).result()).isEqualTo(TransferResult.AUTOPILOT_REBOOTED);

        List<MissionEvent> events = new ArrayList<>();
        service.addListener(events::add);
        CompletableFuture<TransferOutcome> c = service.upload(MissionType.MISSION, plan(3));
        rig.advanceMs(10);
        c.cancel(true);
        rig.advanceMs(10);
        assertThat(rig.gcs.sent(MissionAck.class)).singleElement()
                .satisfies(m -> assertThat(m.type().entry()).isEqualTo(MavMissionResult.MAV_MISSION_OPERATION_CANCELLED));
        assertThat(events).filteredOn(e -> e instanceof MissionEvent.TransferFinished).singleElement()
                .satisfies(e -> assertThat(((MissionEvent.TransferFinished) e).outcome().result())
                        .isEqualTo(TransferResult.CANCELLED));
    }

    @Test
    void progressCurrentItemAndItemReachedEvents() {
        List<MissionEvent> events = new ArrayList<>();
        service.addListener(events::add);
        rig.await(service.upload(MissionType.MISSION, plan(4)), Duration.ofSeconds(5));
        assertThat(events).filteredOn(e -> e instanceof MissionEvent.TransferProgress)
                .extracting(e -> ((MissionEvent.TransferProgress) e).itemsDone()).containsExactly(0, 1, 2, 3, 4);
        rig.ap.send(MissionCurrent.builder().seq(1).total(3).missionState(EnumValue.of(MissionState.MISSION_STATE_ACTIVE))
                .build());
        rig.ap.send(MissionCurrent.builder().seq(1).total(3).missionState(EnumValue.of(MissionState.MISSION_STATE_ACTIVE))
                .build());
        rig.ap.send(MissionItemReached.builder().seq(2).build());
        rig.advanceMs(20);
        assertThat(events).filteredOn(e -> e instanceof MissionEvent.CurrentItemChanged).singleElement()
                .isEqualTo(new MissionEvent.CurrentItemChanged(1, 3, 3, 0));
        assertThat(events).contains(new MissionEvent.ItemReached(2));
    }

    @Test
    void itemsOfAnotherTypeAreRefusedAtTheApi() {
        assertThatThrownBy(() -> service.upload(MissionType.FENCE, plan(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item 0");
    }

    @Test
    void resultCodesMapOneToOne() {
        for (MavMissionResult r : MavMissionResult.values()) {
            int v = EnumValue.of(r).value();
            assertThat(TransferResult.fromWire(v).wireValue()).isEqualTo(v);
        }
        assertThat(TransferResult.fromWire(99)).isEqualTo(TransferResult.PROTOCOL_ERROR);
    }

    @Test
    void anEmptyUploadIsAcceptedAtOnce() {
        TransferOutcome o = rig.await(service.upload(MissionType.RALLY, List.of()), Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(rig.gcs.sent(MissionCount.class).get(0).count()).isZero();
    }

    @Test
    void legacyRequestsCanBeAnsweredWithLegacyItems() {
        MissionTransferService legacy = new MissionTransferService(rig.gcs, () -> Rig.target(flavour),
                new TransferOptions(1500, 250, 5, 1, false, false));
        TransferOutcome o = rig.await(legacy.upload(MissionType.MISSION, plan(3)), Duration.ofSeconds(2));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(rig.gcs.sent(io.dronefleet.mavlink.common.MissionItem.class)).hasSize(3);
        assertThat(rig.gcs.sent(MissionItemInt.class)).isEmpty();
        assertThat(rig.autopilot.list(MissionType.MISSION).get(2).x()).isCloseTo(plan(3).get(2).x(),
                org.assertj.core.data.Offset.offset(10));
    }

    @Test
    void aLostFinalAckIsResolvedByReadingTheListBack() {
        rig.autopilot.dropUploadAcks(1);
        TransferOutcome o = rig.await(service.upload(MissionType.MISSION, plan(5)), Duration.ofSeconds(10));
        // the last item was resent after 1500 ms, ArduPilot answered ERROR (no upload running), the read-back matched
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(o.planState()).isEqualTo(PlanState.VERIFIED);
        assertThat(o.resends()).isEqualTo(1);
        assertThat(rig.gcs.sent(MissionRequestList.class)).hasSize(1);
        assertThat(rig.autopilot.uploadsCompleted).isEqualTo(1);
    }

    @Test
    void aPlanReadBackDifferentIsAVerifyMismatchAndThePlanUnknown() {
        rig.autopilot.storeTransform(it -> it.seq() == 2
                ? new MissionItem(it.seq(), it.frame(), it.command(), it.current(), it.autocontinue(), it.param1(),
                it.param2(), it.param3(), it.param4(), it.x() + 1000, it.y(), it.z(), it.missionType()) : it);
        MissionTransferService verifying = new MissionTransferService(rig.gcs, () -> Rig.target(flavour),
                TransferOptions.defaults().withTransferPolicy(2, true));
        TransferOutcome o = rig.await(verifying.upload(MissionType.MISSION, plan(4)), Duration.ofSeconds(10));
        assertThat(o.result()).isEqualTo(TransferResult.VERIFY_MISMATCH);
        assertThat(o.planState()).isEqualTo(PlanState.UNKNOWN);
        assertThat(o.transferAttempts()).isEqualTo(2);
        assertThat(o.detail()).contains("item 2");
        assertThat(rig.autopilot.uploadsCompleted).isEqualTo(2);
    }

    /** A MAVLink 2 frame from 1/1 with a payload longer than dronefleet 1.1.11 knows (newer extension fields). */
    private void injectRaw(int msgId, byte[] payload) {
        byte[] raw = new byte[10 + payload.length + 2];
        raw[0] = (byte) 0xFD;
        raw[1] = (byte) payload.length;
        raw[5] = 1;
        raw[6] = 1;
        raw[7] = (byte) msgId;
        System.arraycopy(payload, 0, raw, 10, payload.length);
        int crc = org.vigie.link.codec.MavlinkCrc.accumulate(org.vigie.link.codec.MavlinkCrc.INIT, raw, 1,
                9 + payload.length);
        crc = org.vigie.link.codec.MavlinkCrc.accumulate(crc,
                org.vigie.link.codec.MessageTable.ardupilotmega().crcExtra(msgId));
        raw[10 + payload.length] = (byte) crc;
        raw[11 + payload.length] = (byte) (crc >>> 8);
        rig.gcs.receiveBytes(raw);
    }

    private static byte[] missionCurrent(int seq, int total, int state, long missionId, long fenceId) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(18).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) seq).putShort((short) total).put((byte) state).put((byte) 0).putInt((int) missionId)
                .putInt((int) fenceId).putInt(0);
        return b.array();
    }

    @Test
    void opaqueIdsFromMissionCurrentRaisePlanChangedAndTheUploadAckCarriesOne() {
        List<MissionEvent> events = new ArrayList<>();
        service.addListener(events::add);
        injectRaw(42, missionCurrent(1, 3, 2, 0x1111, 0x2222));
        injectRaw(42, missionCurrent(1, 3, 2, 0x1111, 0x2222));
        injectRaw(42, missionCurrent(1, 3, 2, 0x3333, 0x2222));
        rig.advanceMs(1);
        assertThat(events).filteredOn(e -> e instanceof MissionEvent.PlanChanged).containsExactly(
                new MissionEvent.PlanChanged(MissionType.MISSION, 0x1111, 0x3333));
        assertThat(events).filteredOn(e -> e instanceof MissionEvent.CurrentItemChanged).hasSize(1);

        rig.autopilot.answerMissions(false);
        CompletableFuture<TransferOutcome> f = service.upload(MissionType.MISSION, plan(1));
        rig.advanceMs(10);
        request(0, true);
        rig.advanceMs(10);
        // MISSION_ACK ACCEPTED for mission type 0 with opaque_id 0xCAFE (MAVLink 2 extension)
        injectRaw(47, new byte[] {(byte) 255, (byte) 190, 0, 0, (byte) 0xFE, (byte) 0xCA, 0, 0});
        TransferOutcome o = rig.await(f, Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(TransferResult.ACCEPTED);
        assertThat(o.opaqueId()).isEqualTo(0xCAFE);
    }
}

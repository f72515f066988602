package org.vigie.link.command;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandCancel;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.testkit.FakeAutopilot.CommandReply;
import org.vigie.link.testkit.Rig;
import org.vigie.link.vehicle.AutopilotFlavour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandServiceTest {

    private static final int ARM = 400;

    private final Rig rig = new Rig();
    private AutopilotFlavour flavour = AutopilotFlavour.ARDUPILOT;
    private final CommandService commands = new CommandService(rig.gcs, () -> Rig.target(flavour),
            CommandOptions.defaults());

    private List<MavlinkFrame> sentCommandFrames() {
        return rig.gcs.sent().stream().filter(f -> f.msgId() == 76 || f.msgId() == 75 || f.msgId() == 80).toList();
    }

    @Test
    void armIsAcceptedAndTheFrameIsExactlyTheCapturedOne() {
        CommandOutcome o = rig.await(commands.arm(), Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(o.attempts()).isEqualTo(1);
        assertThat(o.ackReceived()).isTrue();
        assertThat(o.elapsedMs()).isEqualTo(10); // 5 ms each way
        // session1: the ground station's ARM COMMAND_LONG payload, byte for byte
        List<MavlinkFrame> sent = sentCommandFrames();
        assertThat(sent).hasSize(1);
        assertThat(HexFormat.of().formatHex(sent.get(0).payload()))
                .isEqualTo("0000803f00000000000000000000000000000000000000000000000090010101");
    }

    @Test
    void retriesAtTheTimeoutWithConfirmationIncrementedThenTimesOut() {
        rig.autopilot.answerCommands(false);
        CompletableFuture<CommandOutcome> f = commands.arm();
        rig.advanceMs(1499);
        assertThat(rig.gcs.sent(CommandLong.class)).hasSize(1);
        rig.advanceMs(1650 - 1499);
        assertThat(rig.gcs.sent(CommandLong.class)).hasSize(2);
        rig.advanceMs(3 * 1500 * 11 / 10);
        assertThat(f).isDone();
        CommandOutcome o = f.join();
        assertThat(o.result()).isEqualTo(CommandResult.TIMEOUT);
        assertThat(o.attempts()).isEqualTo(4);
        assertThat(o.ackReceived()).isFalse();
        assertThat(o.elapsedMs()).isEqualTo(6000);
        assertThat(rig.gcs.sent(CommandLong.class)).extracting(CommandLong::confirmation).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aLostAckIsRecoveredByTheResend() {
        int[] calls = {0};
        rig.autopilot.onCommands((c, i) -> calls[0]++ == 0 ? null : CommandReply.accepted());
        CommandOutcome o = rig.await(commands.arm(), Duration.ofSeconds(5));
        assertThat(o.result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(o.attempts()).isEqualTo(2);
        assertThat(o.elapsedMs()).isEqualTo(1510);
    }

    @Test
    void armingBeforeTheEkfIsReadyFailsWithTheAutopilotsReason() {
        rig.autopilot.onCommands((c, i) -> c == ARM ? new CommandReply(4, "Arm: Accels inconsistent", 0)
                : CommandReply.accepted());
        CommandOutcome o = rig.await(commands.arm(), Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(CommandResult.FAILED);
        assertThat(o.statusTexts()).containsExactly("Arm: Accels inconsistent");
        assertThat(o.attempts()).isEqualTo(1);
    }

    @Test
    void inProgressStopsResendsReportsProgressAndWaitsForTheFinalAck() {
        rig.autopilot.onCommands((c, i) -> new CommandReply(5, null, 30));
        List<Integer> progress = new ArrayList<>();
        CompletableFuture<CommandOutcome> f = commands.sendLong(241, new float[] {1}, progress::add);
        rig.advanceMs(5000);
        assertThat(f).isNotDone();
        assertThat(progress).containsExactly(30);
        assertThat(rig.gcs.sent(CommandLong.class)).hasSize(1);
        rig.ap.send(CommandAck.builder().command(EnumValue.create(241)).result(EnumValue.create(0)).progress(100)
                .targetSystem(255).targetComponent(190).build());
        CommandOutcome o = rig.await(f, Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(o.progressPercent()).isEqualTo(100);
    }

    @Test
    void inProgressWithoutAFinalAckTimesOutAfterTheInProgressTimeout() {
        rig.autopilot.onCommands((c, i) -> new CommandReply(5, null, 255));
        CompletableFuture<CommandOutcome> f = commands.sendLong(241, new float[] {1}, null);
        rig.advanceMs(10_000);
        assertThat(f).isNotDone();
        rig.advanceMs(1_000);
        assertThat(f.join().result()).isEqualTo(CommandResult.TIMEOUT);
    }

    @Test
    void cancelSendsCommandCancelAndEndsWithTheCancelledAck() {
        rig.autopilot.onCommands((c, i) -> new CommandReply(5, null, 10));
        rig.ap.subscribe(CommandCancel.class, (m, fr) -> rig.ap.send(CommandAck.builder()
                .command(m.command()).result(EnumValue.create(6)).targetSystem(255).targetComponent(190).build()));
        CompletableFuture<CommandOutcome> f = commands.sendLong(241, new float[] {1}, null);
        rig.advanceMs(100);
        CompletableFuture<Boolean> c = commands.cancel(241);
        CommandOutcome o = rig.await(f, Duration.ofSeconds(1));
        assertThat(c.join()).isTrue();
        assertThat(o.result()).isEqualTo(CommandResult.CANCELLED);
        assertThat(rig.gcs.sent(CommandCancel.class)).singleElement()
                .satisfies(m -> assertThat(m.command().value()).isEqualTo(241));
    }

    @Test
    void aSecondIdenticalCommandQueuesBehindTheFirst() {
        rig.autopilot.answerCommands(false);
        CompletableFuture<CommandOutcome> a = commands.arm();
        CompletableFuture<CommandOutcome> b = commands.arm();
        CompletableFuture<CommandOutcome> other = commands.requestMessage(148);
        rig.advanceMs(1);
        // the identical one waits; another command id goes at once
        assertThat(rig.gcs.sent(CommandLong.class)).hasSize(2);
        rig.autopilot.answerCommands(true);
        rig.ap.send(CommandAck.builder().command(EnumValue.create(ARM)).result(EnumValue.create(0))
                .targetSystem(255).targetComponent(190).build());
        rig.await(a, Duration.ofSeconds(1));
        assertThat(rig.await(b, Duration.ofSeconds(1)).result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(rig.gcs.sent(CommandLong.class).stream().filter(m -> m.command().value() == ARM)).hasSize(2);
        assertThat(b.join().attempts()).isEqualTo(1);
        assertThat(rig.await(other, Duration.ofSeconds(5)).result()).isEqualTo(CommandResult.ACCEPTED);
    }

    @Test
    void anAckFromAnotherSystemOrForAnotherCommandIsIgnored() {
        rig.autopilot.answerCommands(false);
        CompletableFuture<CommandOutcome> f = commands.arm();
        rig.advanceMs(1);
        rig.gcs.inject(CommandAck.builder().command(EnumValue.create(ARM)).result(EnumValue.create(0))
                .targetSystem(255).targetComponent(190).build(), 2, 1);
        rig.gcs.inject(CommandAck.builder().command(EnumValue.create(176)).result(EnumValue.create(0))
                .targetSystem(255).targetComponent(190).build(), 1, 1);
        rig.gcs.inject(CommandAck.builder().command(EnumValue.create(ARM)).result(EnumValue.create(0))
                .targetSystem(42).targetComponent(190).build(), 1, 1);
        rig.advanceMs(10);
        assertThat(f).isNotDone();
        rig.gcs.inject(CommandAck.builder().command(EnumValue.create(ARM)).result(EnumValue.create(2))
                .targetSystem(255).targetComponent(190).build(), 1, 1);
        assertThat(rig.await(f, Duration.ofSeconds(1)).result()).isEqualTo(CommandResult.DENIED);
    }

    @Test
    void everyMavResultMapsOneToOne() {
        for (int r = 0; r <= 9; r++) {
            assertThat(CommandResult.fromWire(r).wireValue()).isEqualTo(r);
        }
        assertThat(CommandResult.fromWire(42)).isEqualTo(CommandResult.UNKNOWN_RESULT);
        int[] code = {0};
        rig.autopilot.onCommands((c, i) -> new CommandReply(code[0], null, 0));
        for (int r : new int[] {1, 2, 3, 6, 7, 8, 9}) {
            code[0] = r;
            CommandOutcome o = rig.await(commands.setRoiNone(), Duration.ofSeconds(1));
            assertThat(o.result().wireValue()).isEqualTo(r);
        }
    }

    @Test
    void repositionGoesAsCommandIntWithAnExplicitFrame() {
        CommandOutcome o = rig.await(commands.reposition(48.8575, 2.3532, 30, true, -1), Duration.ofSeconds(1));
        assertThat(o.accepted()).isTrue();
        CommandInt m = rig.gcs.sent(CommandInt.class).get(0);
        assertThat(m.command().value()).isEqualTo(192);
        assertThat(m.frame().value()).isEqualTo(6);
        assertThat(m.x()).isEqualTo(488575000);
        assertThat(m.y()).isEqualTo(23532000);
        assertThat(m.z()).isEqualTo(30f);
        assertThat(m.param2()).isEqualTo(1f);
        assertThat(rig.gcs.sent(CommandLong.class)).isEmpty();
    }

    @Test
    void modesByNameForArduPilotAndPx4() {
        rig.await(commands.setMode("guided"), Duration.ofSeconds(1));
        CommandLong ap = rig.gcs.sent(CommandLong.class).get(0);
        assertThat(new float[] {ap.param1(), ap.param2(), ap.param3()}).containsExactly(1f, 4f, 0f);
        flavour = AutopilotFlavour.PX4;
        rig.await(commands.setMode("MISSION"), Duration.ofSeconds(1));
        CommandLong px4 = rig.gcs.sent(CommandLong.class).get(1);
        assertThat(new float[] {px4.param1(), px4.param2(), px4.param3()}).containsExactly(1f, 4f, 4f);
        assertThatThrownBy(() -> commands.setMode("WARP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WARP");
        assertThatThrownBy(() -> commands.takeoff(20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convenienceCommandsCarryTheirParameters() {
        rig.await(commands.setMessageInterval(33, 200_000), Duration.ofSeconds(1));
        rig.await(commands.takeoff(20), Duration.ofSeconds(1));
        rig.await(commands.disarm(true), Duration.ofSeconds(1));
        rig.await(commands.missionStart(0, 0), Duration.ofSeconds(1));
        List<CommandLong> s = rig.gcs.sent(CommandLong.class);
        assertThat(s.get(0).command().entry()).isEqualTo(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL);
        assertThat(s.get(0).param1()).isEqualTo(33f);
        assertThat(s.get(0).param2()).isEqualTo(200_000f);
        assertThat(s.get(1).command().entry()).isEqualTo(MavCmd.MAV_CMD_NAV_TAKEOFF);
        assertThat(s.get(1).param7()).isEqualTo(20f);
        assertThat(s.get(2).param2()).isEqualTo(21196f);
        assertThat(s.get(3).command().entry()).isEqualTo(MavCmd.MAV_CMD_MISSION_START);
        assertThatThrownBy(() -> commands.reposition(91, 0, 10, true, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitude");
    }

    @Test
    void closeEndsPendingCommandsWithLinkClosed() {
        rig.autopilot.answerCommands(false);
        CompletableFuture<CommandOutcome> f = commands.arm();
        rig.advanceMs(10);
        commands.close();
        assertThat(rig.await(f, Duration.ofMillis(10)).result()).isEqualTo(CommandResult.LINK_CLOSED);
        assertThat(rig.await(commands.arm(), Duration.ofMillis(10)).result()).isEqualTo(CommandResult.LINK_CLOSED);
    }

    @Test
    void cancellingTheFutureCancelsAQueuedCommandWithoutSendingIt() {
        rig.autopilot.answerCommands(false);
        commands.arm();
        CompletableFuture<CommandOutcome> second = commands.arm();
        rig.advanceMs(1);
        second.cancel(true);
        rig.advanceMs(7000);
        assertThat(rig.gcs.sent(CommandLong.class)).hasSize(4); // only the first one's 4 attempts
    }
}

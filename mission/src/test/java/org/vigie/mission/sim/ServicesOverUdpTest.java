package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.command.CommandOptions;
import org.vigie.link.command.CommandOutcome;
import org.vigie.link.command.CommandResult;
import org.vigie.link.command.CommandService;
import org.vigie.link.command.Target;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.PlanState;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.mission.TransferResult;
import org.vigie.link.param.ParamOptions;
import org.vigie.link.param.ParamOutcome;
import org.vigie.link.param.ParamResult;
import org.vigie.link.param.ParamService;
import org.vigie.link.telemetry.StateGroup;
import org.vigie.link.telemetry.TelemetryOptions;
import org.vigie.link.telemetry.TelemetryService;
import org.vigie.link.telemetry.VehicleState;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.Transports;
import org.vigie.link.transport.UdpInTransport;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * The link microservices (command, mission, parameter, telemetry) against the simulated ArduCopter over real UDP
 * sockets on loopback: the simulator listens ({@code udpin}), the companion sends to it ({@code udpout}); each side
 * has its own real-time event thread, the simulator running four times faster than real time. Every wait is bounded.
 */
class ServicesOverUdpTest {

    private static final double HOME_LAT = 48.8530;
    private static final double HOME_LON = 2.3690;
    private static final long WAIT_S = 10;

    @Test
    void streamsMissionFenceParamsAndATakeOffWorkOverLoopbackUdp() throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        try (RealtimeScheduler air = new RealtimeScheduler("sim-udp", 4.0, Clock.systemUTC());
             RealtimeScheduler ground = new RealtimeScheduler("companion-udp", 1.0, Clock.systemUTC())) {
            UdpInTransport simSide = (UdpInTransport) Transports.open("udpin://127.0.0.1:0");
            SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().home(HOME_LAT, HOME_LON, 35).build(),
                    air, simSide).start();
            int port = simSide.localAddress().getPort();
            MavlinkLink link = MavlinkLink.open(LinkConfig.of(255), ground, callbacks, "udpout://127.0.0.1:" + port);
            Supplier<Target> target = () -> new Target(1, 1, AutopilotFlavour.ARDUPILOT);
            CommandService commands = new CommandService(link, target, CommandOptions.defaults());
            MissionTransferService missions = new MissionTransferService(link, target,
                    TransferOptions.defaults().withTransferPolicy(3, true));
            ParamService params = new ParamService(link, target, ParamOptions.defaults());
            ParamService quickParams = new ParamService(link, target, new ParamOptions(300, 1, 1000, null));
            TelemetryService telemetry = new TelemetryService(link, target, commands, TelemetryOptions.defaults());
            try {
                // the simulator only learns where to answer from the first datagram: the link's heartbeat
                link.awaitVehicle().get(WAIT_S, TimeUnit.SECONDS);

                // telemetry: streams requested, a 3D fix seen
                CompletableFuture<VehicleState> fixed = new CompletableFuture<>();
                telemetry.addListener(EnumSet.of(StateGroup.GPS, StateGroup.POSITION), s -> {
                    if (s.gps() != null && s.gps().fixType() >= 3 && s.position() != null) {
                        fixed.complete(s);
                    }
                });
                telemetry.requestStreams(Map.of(24, 5.0, 33, 5.0, 0, 1.0)).get(WAIT_S, TimeUnit.SECONDS);
                VehicleState fix = fixed.get(WAIT_S, TimeUnit.SECONDS);
                assertThat(fix.position().latDeg()).isCloseTo(HOME_LAT, org.assertj.core.data.Offset.offset(1e-3));
                assertThat(fix.position().lonDeg()).isCloseTo(HOME_LON, org.assertj.core.data.Offset.offset(1e-3));

                // 30 mission items, verified by download, then read back equal
                List<MissionItem> plan = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    plan.add(MissionItem.waypoint(HOME_LAT + 1e-4 * i, HOME_LON + 2e-4 * (i % 7), 20 + i, 0));
                }
                TransferOutcome up = missions.uploadPlan(plan).get(WAIT_S, TimeUnit.SECONDS);
                assertThat(up.result()).as(up.detail()).isEqualTo(TransferResult.ACCEPTED);
                assertThat(up.planState()).isEqualTo(PlanState.VERIFIED);
                TransferOutcome down = missions.downloadPlan().get(WAIT_S, TimeUnit.SECONDS);
                assertThat(down.result()).as(down.detail()).isEqualTo(TransferResult.ACCEPTED);
                List<MissionItem> back = down.items().stream().filter(m -> m.command() == 16)
                        .toList();
                assertThat(back).hasSize(30);
                for (int i = 0; i < 30; i++) {
                    MissionItem sent = plan.get(i);
                    MissionItem got = back.get(i);
                    assertThat(got.x()).as("lat of item %d", i).isEqualTo(sent.x());
                    assertThat(got.y()).as("lon of item %d", i).isEqualTo(sent.y());
                    assertThat((double) got.z()).as("alt of item %d", i)
                            .isCloseTo(sent.z(), org.assertj.core.data.Offset.offset(0.01));
                }

                // a 4-vertex inclusion fence
                double d = 0.004;
                List<MissionItem> fence = List.of(
                        MissionItem.fenceInclusionVertex(4, HOME_LAT - d, HOME_LON - d),
                        MissionItem.fenceInclusionVertex(4, HOME_LAT - d, HOME_LON + d),
                        MissionItem.fenceInclusionVertex(4, HOME_LAT + d, HOME_LON + d),
                        MissionItem.fenceInclusionVertex(4, HOME_LAT + d, HOME_LON - d));
                TransferOutcome fenceUp = missions.upload(MissionType.FENCE, fence).get(WAIT_S, TimeUnit.SECONDS);
                assertThat(fenceUp.result()).as(fenceUp.detail()).isEqualTo(TransferResult.ACCEPTED);
                TransferOutcome fenceDown = missions.download(MissionType.FENCE).get(WAIT_S, TimeUnit.SECONDS);
                assertThat(fenceDown.items()).hasSize(4);

                // parameters: read, set confirmed by the echo, read again, unknown name times out
                ParamOutcome rtl = params.read("RTL_ALT").get(WAIT_S, TimeUnit.SECONDS);
                assertThat(rtl.result()).isEqualTo(ParamResult.SUCCESS);
                double newRtlCm = rtl.param().value() == 2500 ? 3000 : 2500;
                ParamOutcome set = params.set("RTL_ALT", newRtlCm).get(WAIT_S, TimeUnit.SECONDS);
                assertThat(set.result()).isEqualTo(ParamResult.SUCCESS);
                assertThat(set.param().value()).isEqualTo(newRtlCm);
                assertThat(params.read("RTL_ALT").get(WAIT_S, TimeUnit.SECONDS).param().value())
                        .isEqualTo(newRtlCm);
                ParamOutcome unknown = quickParams.read("NO_SUCH_PAR").get(WAIT_S, TimeUnit.SECONDS);
                assertThat(unknown.result()).isEqualTo(ParamResult.TIMEOUT);

                // GUIDED, arm, take off to 10 m: the telemetry shows the climb
                CompletableFuture<VehicleState> climbed = new CompletableFuture<>();
                telemetry.addListener(EnumSet.of(StateGroup.POSITION), s -> {
                    if (s.position() != null && s.position().altitudeRelM() > 5) {
                        climbed.complete(s);
                    }
                });
                assertOk(commands.setMode("GUIDED").get(WAIT_S, TimeUnit.SECONDS));
                assertOk(commands.arm().get(WAIT_S, TimeUnit.SECONDS));
                assertOk(commands.takeoff(10).get(WAIT_S, TimeUnit.SECONDS));
                VehicleState up5 = climbed.get(WAIT_S, TimeUnit.SECONDS);
                assertThat(up5.armed()).isTrue();
                assertThat(up5.position().altitudeRelM()).isBetween(5.0, 12.0);
            } finally {
                telemetry.close();
                quickParams.close();
                params.close();
                missions.close();
                commands.close();
                link.close();
                sim.close();
            }
        } finally {
            callbacks.shutdownNow();
        }
    }

    private static void assertOk(CommandOutcome o) {
        assertThat(o.result()).as("command %d: %s", o.commandId(), o).isEqualTo(CommandResult.ACCEPTED);
    }
}

package org.vigie.link.param;

import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.util.EnumValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.command.Target;
import org.vigie.link.testkit.LossyLink;
import org.vigie.link.testkit.ReplayAutopilot;
import org.vigie.link.testkit.Rig;
import org.vigie.link.testkit.TestPort;
import org.vigie.link.testkit.Tlog;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.vehicle.AutopilotFlavour;
import static org.assertj.core.api.Assertions.assertThat;

class ParamServiceTest {

    private static final int INT16 = 4;
    private static final int INT32 = 6;
    private static final int REAL32 = 9;

    private final Rig rig = new Rig();
    private AutopilotFlavour flavour = AutopilotFlavour.ARDUPILOT;
    private final ParamService params = new ParamService(rig.gcs, () -> Rig.target(flavour), ParamOptions.defaults());

    ParamServiceTest() {
        rig.autopilot.param("MAV_SYSID", 1, INT16);
        rig.autopilot.param("RTL_ALT", 1500, INT32);
        rig.autopilot.param("FENCE_ENABLE", 0, 2);
        rig.autopilot.param("WPNAV_SPEED", 1000, REAL32);
    }

    @Test
    void anUnknownNameGetsNoAnswerAndEndsInTimeoutAfterTheRetries() {
        CompletableFuture<ParamOutcome> f = params.read("SYSID_THISMAV");
        rig.advanceMs(1499);
        assertThat(rig.gcs.sent(ParamRequestRead.class)).hasSize(1);
        rig.advanceMs(1650 - 1499);
        assertThat(rig.gcs.sent(ParamRequestRead.class)).hasSize(2);
        rig.advanceMs(4 * 1500 * 11 / 10 - 1650);
        ParamOutcome o = f.join();
        assertThat(o.result()).isEqualTo(ParamResult.TIMEOUT);
        assertThat(o.attempts()).isEqualTo(4);
        assertThat(o.elapsedMs()).isEqualTo(6000);
        assertThat(o.param()).isNull();
    }

    @Test
    void readOneAndTypedAccessors() {
        ParamOutcome o = rig.await(params.read("RTL_ALT"), Duration.ofSeconds(1));
        assertThat(o.succeeded()).isTrue();
        assertThat(o.param().type()).isEqualTo(ParamType.INT32);
        assertThat(o.param().asInt()).isEqualTo(1500);
        assertThat(params.cachedLong("RTL_ALT")).contains(1500L);
        assertThat(params.cached("NOPE")).isEmpty();
    }

    @Test
    void unsolicitedBootBurstWithIndex65535IsCached() {
        List<Param> seen = new ArrayList<>();
        params.addListener(seen::add);
        rig.autopilot.sendParamUnsolicited("MAV_SYSID", 1336);
        rig.autopilot.sendParamUnsolicited("RTL_ALT", 1340);
        rig.autopilot.sendParamUnsolicited("WPNAV_SPEED", 1349);
        rig.advanceMs(20);
        assertThat(params.cacheSnapshot()).containsOnlyKeys("MAV_SYSID", "RTL_ALT", "WPNAV_SPEED");
        assertThat(params.cached("WPNAV_SPEED").orElseThrow().index()).isEqualTo(65535);
        assertThat(params.cached("WPNAV_SPEED").orElseThrow().count()).isEqualTo(1349);
        assertThat(seen).hasSize(3);
        params.autopilotRebooted();
        rig.advanceMs(1);
        assertThat(params.cacheSnapshot()).isEmpty();
    }

    @Test
    void setIsConfirmedByTheEcho() {
        rig.await(params.read("RTL_ALT"), Duration.ofSeconds(1));
        ParamOutcome o = rig.await(params.set("RTL_ALT", 3000), Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(ParamResult.SUCCESS);
        assertThat(o.param().asInt()).isEqualTo(3000);
        ParamSet sent = rig.gcs.sent(ParamSet.class).get(0);
        assertThat(sent.paramValue()).isEqualTo(3000f);
        assertThat(sent.paramType().value()).isEqualTo(INT32);
    }

    @Test
    void setOfAnUncachedParameterReadsItsTypeFirst() {
        ParamOutcome o = rig.await(params.set("FENCE_ENABLE", 1), Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(ParamResult.SUCCESS);
        assertThat(rig.gcs.sent(ParamRequestRead.class)).hasSize(1);
        assertThat(rig.gcs.sent(ParamSet.class).get(0).paramType().value()).isEqualTo(2);
    }

    @Test
    void anEchoWithAnotherValueIsRejected() {
        // an autopilot clamping the value (the fake does not know ANGLE_MAX, this handler answers instead)
        rig.ap.subscribe(ParamSet.class, (m, fr) -> {
            if (m.paramId().startsWith("ANGLE_MAX")) {
                rig.ap.send(ParamValue.builder().paramId("ANGLE_MAX").paramValue(8000)
                        .paramType(EnumValue.create(INT16)).paramCount(4).paramIndex(65535).build());
            }
        });
        ParamOutcome o = rig.await(params.set("ANGLE_MAX", 9999, ParamType.INT16), Duration.ofSeconds(1));
        assertThat(o.result()).isEqualTo(ParamResult.VALUE_REJECTED);
        assertThat(o.param().asInt()).isEqualTo(8000);
        assertThat(params.cachedLong("ANGLE_MAX")).contains(8000L);
        ParamOutcome outOfRange = rig.await(params.set("ANGLE_MAX", 70000, ParamType.INT16), Duration.ofSeconds(1));
        assertThat(outOfRange.result()).isEqualTo(ParamResult.VALUE_REJECTED);
        assertThat(rig.gcs.sent(ParamSet.class)).hasSize(1);
    }

    @Test
    void readAllFillsGapsByIndex() {
        for (int i = 0; i < 40; i++) {
            rig.autopilot.param("P" + i, i, REAL32);
        }
        // lossy link: the streamed list loses some values; gaps are re-requested by index
        Rig lossy = new Rig(LossyLink.Config.loss(0.2), 77);
        for (int i = 0; i < 60; i++) {
            lossy.autopilot.param("P" + i, i * 0.5f, REAL32);
        }
        ParamService ps = new ParamService(lossy.gcs, () -> Target.autopilot(AutopilotFlavour.ARDUPILOT),
                ParamOptions.defaults());
        ParamListOutcome o = lossy.await(ps.readAll(), Duration.ofMinutes(1));
        assertThat(o.result()).isEqualTo(ParamResult.SUCCESS);
        assertThat(o.params()).hasSize(60);
        assertThat(o.missing()).isZero();
        assertThat(o.rerequests()).isPositive();
        assertThat(o.params().get("P59").asDouble()).isEqualTo(29.5);
        assertThat(ps.cacheSnapshot()).hasSize(60);
    }

    @Test
    void readAllOnADeadLinkEndsInTimeout() {
        Rig dead = new Rig(LossyLink.Config.loss(1.0), 1);
        ParamService ps = new ParamService(dead.gcs, () -> Target.autopilot(AutopilotFlavour.ARDUPILOT),
                ParamOptions.defaults());
        ParamListOutcome o = dead.await(ps.readAll(), Duration.ofSeconds(10));
        assertThat(o.result()).isEqualTo(ParamResult.TIMEOUT);
        assertThat(o.expectedCount()).isEqualTo(-1);
    }

    @Test
    void bytewiseAndCCastEncodings() {
        assertThat(ParamEncoding.C_CAST.encode(1500, ParamType.INT32)).isEqualTo(1500f);
        float px4 = ParamEncoding.BYTEWISE.encode(1500, ParamType.INT32);
        assertThat(Float.floatToRawIntBits(px4)).isEqualTo(1500);
        assertThat(ParamEncoding.BYTEWISE.decode(Float.floatToRawIntBits(px4), ParamType.INT32)).isEqualTo(1500);
        assertThat(ParamEncoding.BYTEWISE.decode(0xFFFF_FF85, ParamType.INT8)).isEqualTo(-123);
        assertThat(ParamEncoding.BYTEWISE.decode(0xFFFF_FF85, ParamType.UINT8)).isEqualTo(0x85);
        assertThat(ParamEncoding.BYTEWISE.decode(-2, ParamType.UINT32)).isEqualTo(4294967294.0);
        assertThat(ParamEncoding.C_CAST.decode(Float.floatToRawIntBits(-7f), ParamType.INT16)).isEqualTo(-7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParamEncoding.C_CAST.encode(300, ParamType.UINT8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300");
    }

    @Test
    void px4IntegersTravelBytewise() {
        flavour = AutopilotFlavour.PX4;
        // a PX4-style autopilot holding MIS_TAKEOFF_ALT-like INT32 1234567 bytewise
        rig.autopilot.param("COM_RC_LOSS_T", Float.intBitsToFloat(1234567), INT32);
        ParamOutcome o = rig.await(params.read("COM_RC_LOSS_T"), Duration.ofSeconds(1));
        assertThat(o.param().asInt()).isEqualTo(1234567);
        rig.await(params.set("COM_RC_LOSS_T", 7654321), Duration.ofSeconds(1));
        assertThat(Float.floatToRawIntBits(rig.gcs.sent(ParamSet.class).get(0).paramValue())).isEqualTo(7654321);
    }

    @Test
    void px4IntegerWhoseBitsFormANanReachesTheWireUnchanged() {
        flavour = AutopilotFlavour.PX4;
        int nanBits = 0x7FC0_0001;
        rig.autopilot.param("COM_NAN_BITS", Float.intBitsToFloat(1), INT32);
        rig.await(params.set("COM_NAN_BITS", nanBits), Duration.ofSeconds(1));
        MavlinkFrame frame = rig.gcs.sent().stream().filter(f -> f.msgId() == 23).findFirst().orElseThrow();
        int wire = frame.payloadByte(0) | frame.payloadByte(1) << 8 | frame.payloadByte(2) << 16
                | frame.payloadByte(3) << 24;
        assertThat(wire).isEqualTo(nanBits);
    }

    @Test
    void session2ReadUnknownReadKnownAndSetReplayedFromTheCapture() throws IOException {
        ManualScheduler s = new ManualScheduler();
        TestPort gcs = new TestPort(s, 255, 190);
        TestPort ap = new TestPort(s, 1, 1);
        TestPort.connect(gcs, ap, 3);
        Set<Integer> ids = Set.of(20, 22, 23);
        List<Tlog.Record> all = Tlog.read("session2");
        List<Tlog.Record> conv = new ArrayList<>();
        boolean in = false;
        for (Tlog.Record r : all) {
            if (r.frame().msgId() == 20 && r.frame().hex().contains("53595349445f544849534d4156")) {
                in = true;
            }
            if (in && ids.contains(r.frame().msgId())) {
                conv.add(r);
                if (r.frame().msgId() == 22 && r.frame().hex().contains("52544c5f414c54")) {
                    break;
                }
            }
        }
        conv.removeIf(r -> r.frame().sysId() == 255 && r.frame().msgId() == 20
                && r.frame().hex().contains("53595349445f544849534d4156") && conv.indexOf(r) > 0);
        ReplayAutopilot replay = new ReplayAutopilot(ap, conv, 255, ids);
        ParamService ps = new ParamService(gcs, () -> Target.autopilot(AutopilotFlavour.ARDUPILOT),
                new ParamOptions(1500, 0, 1000, null));
        CompletableFuture<ParamOutcome> unknown = ps.read("SYSID_THISMAV");
        CompletableFuture<ParamOutcome> known = ps.read("MAV_SYSID");
        CompletableFuture<ParamOutcome> set = ps.set("RTL_ALT", 1500, ParamType.REAL32);
        s.advanceUntil(set::isDone, Duration.ofMillis(1), Duration.ofSeconds(10));
        s.advance(Duration.ofMillis(20));
        assertThat(unknown.join().result()).isEqualTo(ParamResult.TIMEOUT);
        assertThat(known.join().param().asInt()).isEqualTo(1);
        assertThat(known.join().param().type()).isEqualTo(ParamType.INT16);
        assertThat(known.join().param().index()).isEqualTo(65535);
        assertThat(set.join().result()).isEqualTo(ParamResult.SUCCESS);
        assertThat(set.join().param().type()).isEqualTo(ParamType.INT32);
        assertThat(replay.mismatches()).isEmpty();
        assertThat(replay.finished()).isTrue();
    }
}

package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.AutopilotVersion;
import io.dronefleet.mavlink.common.ParamRequestList;
import io.dronefleet.mavlink.common.ParamValue;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.time.ManualScheduler;

/**
 * The simulator's parameter table against ArduCopter 4.7 SITL's as it answered PARAM_REQUEST_LIST
 * ({@code testdata/captures/session6}), and its AUTOPILOT_VERSION against session 1's.
 */
class ParamTableConformanceTest {

    /** Values the simulator sets on purpose (sim/README.md, "Parameters"). */
    private static final Set<String> SIM_VALUES = Set.of("BATT_CAPACITY", "MNT1_TYPE", "MOT_THST_HOVER");

    private static List<Object> captured(String file) throws IOException {
        byte[] raw = Files.readAllBytes(Tlog.CAPTURES.resolve(file));
        List<Object> out = new ArrayList<>();
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView view) {
                TestGcs.CODEC.decode(view.toFrame()).ifPresent(out::add);
            }
        });
        parser.feed(raw, 0, raw.length);
        return out;
    }

    private static TreeMap<Integer, ParamValue> listed(List<Object> messages) {
        TreeMap<Integer, ParamValue> byIndex = new TreeMap<>();
        for (Object o : messages) {
            if (o instanceof ParamValue p && p.paramIndex() != 65535) {
                byIndex.put(p.paramIndex(), p);
            }
        }
        return byIndex;
    }

    private static String name(ParamValue p) {
        String s = p.paramId();
        int z = s.indexOf('\0');
        return z >= 0 ? s.substring(0, z) : s;
    }

    @Test
    void theWholeTableHasArduCoptersNamesTypesIndicesAndDefaults() throws IOException {
        TreeMap<Integer, ParamValue> sitl = listed(captured("session6_from_sitl.raw"));
        assertThat(sitl).hasSize(1354);
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(2);
        gcs.send(ParamRequestList.builder().targetSystem(1).targetComponent(1).build());
        gcs.advance(5);
        TreeMap<Integer, ParamValue> sim = listed(gcs.received.stream().map(TestGcs.Rx::message).toList());
        assertThat(sim).as("ArduCopter's table plus the simulated gimbal's MNT1_PITCH_MIN/MAX").hasSize(1356);
        assertThat(sim.values()).allMatch(p -> p.paramCount() == 1356);
        assertThat(name(sim.get(1354))).isEqualTo("MNT1_PITCH_MIN");
        SimParams defaults = SimParams.arduCopterDefaults(1, SimConfig.builder().build().batteryCapacityMah());
        Set<String> differ = new TreeSet<>();
        for (var e : sitl.entrySet()) {
            ParamValue real = e.getValue();
            ParamValue ours = sim.get(e.getKey());
            assertThat(name(ours)).as("name at index %d", e.getKey()).isEqualTo(name(real));
            if (!name(real).equals("FENCE_ACTION")) {
                // FENCE_ACTION is REAL32 in the build that recorded sessions 1-5 (the simulator follows it), INT8 here
                assertThat(ours.paramType().value()).as("type of %s", name(real))
                        .isEqualTo(real.paramType().value());
            }
            SimParams.Param d = java.util.Objects.requireNonNull(defaults.get(e.getKey()));
            if (Float.compare((float) d.value(), real.paramValue()) != 0) {
                differ.add(name(real));
            }
        }
        assertThat(differ).as("defaults that differ from SITL's").isEqualTo(SIM_VALUES);
        v[0].close();
    }

    @Test
    void autopilotVersionIsArduCoptersWithoutMavftp() throws IOException {
        AutopilotVersion real = captured("session1_from_sitl.raw").stream().filter(AutopilotVersion.class::isInstance)
                .map(AutopilotVersion.class::cast).findFirst().orElseThrow();
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(SimSmokeTest.cmd(512, 148));
        gcs.advance(0.1);
        AutopilotVersion ours = gcs.last(AutopilotVersion.class).orElseThrow();
        long ftp = 0x20;
        assertThat(real.capabilities().value() & ftp).as("SITL advertises MAVFTP").isEqualTo(ftp);
        assertThat((long) ours.capabilities().value()).as("the simulator does not serve it, so does not advertise it")
                .isEqualTo(real.capabilities().value() & ~ftp);
        v[0].close();
    }
}

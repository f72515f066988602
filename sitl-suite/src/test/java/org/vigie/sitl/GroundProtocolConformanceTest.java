package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.MessageInterval;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.common.SetMode;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.link.command.Target;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.sim.SimConfig;

/**
 * What a companion exchanges with a disarmed autopilot on the ground, one script run against Vigie's simulator (on the
 * recorded boot timeline, EKF not ready at first, as SITL) and the real ArduCopter SITL: mode changes before the EKF
 * is ready, parameter set echoes (type, truncation, clamping) and reads, SET_MESSAGE_INTERVAL / GET_MESSAGE_INTERVAL /
 * REQUEST_MESSAGE answers, HOME_POSITION when home is set, and the mission protocol (item 0 is home, what is stored,
 * MISSION_CURRENT, clearing). Every line of the answers must be equal.
 */
class GroundProtocolConformanceTest {

    static final double LAT = 48.8515;
    static final double LON = 2.3643;

    /**
     * The parameters the companion and its tests read or set, and those the simulator flies by (BATT_CAPACITY is
     * left out: the simulated pack is SimConfig's, 5000 mAh by default, SITL's 3300 mAh; so is FENCE_ACTION, an INT8 in
     * this SITL build and a REAL32 in the recorded sessions the simulator keeps to, testdata/captures).
     */
    static final List<String> PARAMS = List.of("FENCE_ENABLE", "FENCE_TYPE", "FENCE_ALT_MAX",
            "FENCE_RADIUS", "FENCE_MARGIN", "FENCE_TOTAL", "WPNAV_SPEED", "WPNAV_SPEED_UP", "WPNAV_SPEED_DN",
            "WPNAV_ACCEL", "WPNAV_RADIUS", "RTL_ALT", "RTL_SPEED", "LAND_SPEED", "LAND_SPEED_HIGH", "LAND_ALT_LOW",
            "DISARM_DELAY", "GUID_TIMEOUT", "AVOID_ENABLE", "AVOID_MARGIN", "BATT_LOW_VOLT", "BATT_FS_LOW_ACT",
            "BATT_LOW_MAH", "FS_GCS_ENABLE", "SYSID_THISMAV", "RALLY_TOTAL",
            "ATC_SLEW_YAW");

    /** Parameters ArduCopter announces by itself during the boot (statistics, barometer calibration, mission size). */
    private static final java.util.Set<String> UNSOLICITED = java.util.Set.of("STAT_RUNTIME", "STAT_FLTTIME",
            "BARO1_GND_PRESS", "BARO2_GND_PRESS", "MIS_TOTAL");

    static List<String> script(AutopilotUnderTest ap) throws Exception {
        List<String> out = new ArrayList<>();
        Exchange x = new Exchange(ap.link());
        ConcurrentLinkedQueue<String> params = new ConcurrentLinkedQueue<>();
        ap.link().subscribe(ParamValue.class, (m, f) -> {
            if (!UNSOLICITED.contains(m.paramId())) {
                params.add(String.format(Locale.ROOT, "%s=%s type %d index %s", m.paramId(), num(m.paramValue()),
                        m.paramType().value(), m.paramIndex() == 65535 ? "65535" : "#" + m.paramIndex()));
            }
        });
        ConcurrentLinkedQueue<String> intervals = new ConcurrentLinkedQueue<>();
        ap.link().subscribe(MessageInterval.class, (m, f) -> intervals.add(m.messageId() + ":" + m.intervalUs()));
        ConcurrentLinkedQueue<HomePosition> homes = new ConcurrentLinkedQueue<>();
        ap.link().subscribe(HomePosition.class, (m, f) -> homes.add(m));
        ConcurrentLinkedQueue<String> current = new ConcurrentLinkedQueue<>();
        ap.link().subscribe(MissionCurrent.class, (m, f) -> current.add("seq " + m.seq() + " total " + m.total()
                + " state " + m.missionState().value()));

        // disarmed, before the EKF has a position: mode changes
        out.add("DO_SET_MODE GUIDED before EKF: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 4, 0, 0, 0, 0, 0)
                + texts(x, "Mode"));
        out.add("DO_SET_MODE RTL before EKF: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 6, 0, 0, 0, 0, 0)
                + texts(x, "Mode"));
        out.add("DO_SET_MODE AUTO before EKF, no mission: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 3, 0, 0, 0,
                0, 0) + texts(x, "Mode"));
        out.add("DO_SET_MODE LAND: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 9, 0, 0, 0, 0, 0)
                + texts(x, "Mode"));
        out.add("DO_SET_MODE STABILIZE: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 0, 0, 0, 0, 0, 0));
        out.add("DO_SET_MODE 99: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 99, 0, 0, 0, 0, 0)
                + texts(x, "mode"));
        out.add("DO_SET_MODE without custom flag: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 0, 9, 0, 0, 0, 0, 0));
        x.send(SetMode.builder().targetSystem(1).baseMode(EnumValue.create(1)).customMode(99).build());
        Thread.sleep(300);
        out.add("SET_MODE 99: mode " + x.customMode() + texts(x, "mode"));
        x.send(SetMode.builder().targetSystem(1).baseMode(EnumValue.create(1)).customMode(4).build());
        Exchange.await(() -> x.customMode() == 4, 1000);
        out.add("SET_MODE GUIDED: mode " + x.customMode());
        x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 0, 0, 0, 0, 0, 0);
        int latE7 = (int) Math.round((LAT + 0.0005) * 1e7);
        int lonE7 = (int) Math.round(LON * 1e7);
        out.add("DO_REPOSITION in STABILIZE without the change-mode flag: " + x.commandInt(
                MavCmd.MAV_CMD_DO_REPOSITION, MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, -1, 0, latE7, lonE7, 20));
        out.add("DO_REPOSITION in STABILIZE with the flag, disarmed before EKF: " + x.commandInt(
                MavCmd.MAV_CMD_DO_REPOSITION, MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, -1, 1, latE7, lonE7, 20)
                + ", mode " + x.customMode());

        // message intervals and requests
        out.add("SET_MESSAGE_INTERVAL unknown id: "
                + x.commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 9999, 100_000, 0, 0, 0, 0, 0) + texts(x, "ap_message"));
        out.add("SET_MESSAGE_INTERVAL COMMAND_ACK: "
                + x.commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 77, 100_000, 0, 0, 0, 0, 0) + texts(x, "ap_message"));
        out.add("SET_MESSAGE_INTERVAL BATTERY_STATUS: "
                + x.commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 147, 1_000_000, 0, 0, 0, 0, 0));
        out.add("SET_MESSAGE_INTERVAL HEARTBEAT: "
                + x.commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 0, 1_000_000, 0, 0, 0, 0, 0));
        out.add("SET_MESSAGE_INTERVAL ATTITUDE default: "
                + x.commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 30, 0, 0, 0, 0, 0, 0));
        out.add("SET_MESSAGE_INTERVAL ATTITUDE stop: "
                + x.commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 30, -1, 0, 0, 0, 0, 0));
        out.add("SET_MESSAGE_INTERVAL GLOBAL_POSITION_INT 5 Hz: "
                + x.commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 33, 200_000, 0, 0, 0, 0, 0));
        intervals.clear();
        out.add("GET_MESSAGE_INTERVAL GLOBAL_POSITION_INT: "
                + x.commandLong(MavCmd.MAV_CMD_GET_MESSAGE_INTERVAL, 33, 0, 0, 0, 0, 0, 0) + " " + drain(intervals));
        out.add("GET_MESSAGE_INTERVAL ATTITUDE (stopped): "
                + x.commandLong(MavCmd.MAV_CMD_GET_MESSAGE_INTERVAL, 30, 0, 0, 0, 0, 0, 0) + " " + drain(intervals));
        out.add("GET_MESSAGE_INTERVAL unknown id: "
                + x.commandLong(MavCmd.MAV_CMD_GET_MESSAGE_INTERVAL, 9999, 0, 0, 0, 0, 0, 0) + " " + drain(intervals));
        out.add("REQUEST_MESSAGE AUTOPILOT_VERSION: "
                + x.commandLong(MavCmd.MAV_CMD_REQUEST_MESSAGE, 148, 0, 0, 0, 0, 0, 0));
        out.add("REQUEST_MESSAGE unknown id: " + x.commandLong(MavCmd.MAV_CMD_REQUEST_MESSAGE, 9999, 0, 0, 0, 0, 0, 0));
        out.add("REQUEST_MESSAGE EXTENDED_SYS_STATE: "
                + x.commandLong(MavCmd.MAV_CMD_REQUEST_MESSAGE, 245, 0, 0, 0, 0, 0, 0));
        out.add("unknown command: " + x.commandLong(MavCmd.MAV_CMD_USER_1, 0, 0, 0, 0, 0, 0, 0));

        // parameters: set echoes (type kept, integers truncated and clamped), unknown names silent, reads
        params.clear();
        paramSet(x, "WPNAV_SPEED", 1234.567f, MavParamType.MAV_PARAM_TYPE_REAL32);
        paramSet(x, "FENCE_ENABLE", 1.7f, MavParamType.MAV_PARAM_TYPE_REAL32);
        paramSet(x, "FENCE_ENABLE", 0.4f, MavParamType.MAV_PARAM_TYPE_INT8);
        paramSet(x, "FS_GCS_ENABLE", -1.6f, MavParamType.MAV_PARAM_TYPE_INT8);
        paramSet(x, "FS_GCS_ENABLE", 300f, MavParamType.MAV_PARAM_TYPE_INT8);
        paramSet(x, "FS_GCS_ENABLE", 0f, MavParamType.MAV_PARAM_TYPE_INT8);
        paramSet(x, "RTL_ALT", 1500.6f, MavParamType.MAV_PARAM_TYPE_INT32);
        paramSet(x, "NO_SUCH_PARAM", 1f, MavParamType.MAV_PARAM_TYPE_REAL32);
        paramSet(x, "WPNAV_SPEED", 1000f, MavParamType.MAV_PARAM_TYPE_REAL32);
        Exchange.await(() -> params.size() >= 8, 3000);
        Thread.sleep(200);
        out.add("PARAM_SET echoes: " + drain(params));
        paramRead(x, "", 0);
        paramRead(x, "", 60000);
        paramRead(x, "NO_SUCH_PARAM", -1);
        Exchange.await(() -> !params.isEmpty(), 3000);
        Thread.sleep(300);
        out.add("PARAM_REQUEST_READ #0, #60000, NO_SUCH_PARAM: " + drain(params));
        for (String name : PARAMS) {
            paramRead(x, name, -1);
        }
        paramRead(x, "RTL_ALT", -1);
        Exchange.await(() -> params.size() >= PARAMS.size(), 3000);
        Thread.sleep(300);
        List<String> values = new ArrayList<>(params);
        params.clear();
        values.sort(null);
        for (String v : values) {
            out.add("PARAM_REQUEST_READ " + v);
        }

        // home: no HOME_POSITION unless asked for, even once the EKF has its origin and home is set
        Exchange.await(() -> x.position() != null && x.position().latDeg() != 0, 15_000);
        boolean home = Exchange.await(() -> !homes.isEmpty(), 1500);
        HomePosition h = homes.peek();
        Thread.sleep(500);
        out.add("HOME_POSITION unasked once home is set: " + (home ? String.format(Locale.ROOT, "%.5f,%.5f,%.0f m",
                h.latitude() / 1e7, h.longitude() / 1e7, h.altitude() / 1000.0) + ", " + homes.size() + " message(s)"
                : "none"));

        // mission: item 0 is home, what is stored, MISSION_CURRENT, clearing
        Target target = new Target(1, 1, AutopilotFlavour.ARDUPILOT);
        MissionTransferService transfers = new MissionTransferService(ap.link(), () -> target,
                TransferOptions.defaults());
        out.add("mission once home is set: " + items(transfers.download(MissionType.MISSION).get(30,
                TimeUnit.SECONDS)));
        List<MissionItem> plan = List.of(MissionItem.waypoint(LAT + 0.01, LON + 0.01, 5, 0), MissionItem.takeoff(20),
                MissionItem.waypoint(LAT + 0.001, LON, 30, 2));
        x.clearTexts();
        out.add("mission upload: " + transfers.upload(MissionType.MISSION, plan).get(30, TimeUnit.SECONDS).result()
                + texts(x, "plan"));
        out.add("mission read back: " + items(transfers.download(MissionType.MISSION).get(30, TimeUnit.SECONDS)));
        current.clear();
        out.add("REQUEST_MESSAGE MISSION_CURRENT: " + x.commandLong(MavCmd.MAV_CMD_REQUEST_MESSAGE, 42, 0, 0, 0, 0, 0,
                0));
        Exchange.await(() -> !current.isEmpty(), 3000);
        out.add("MISSION_CURRENT after upload: " + current.peek());
        out.add("mission clear: " + transfers.clear(MissionType.MISSION).get(30, TimeUnit.SECONDS).result());
        out.add("mission after clear: " + items(transfers.download(MissionType.MISSION).get(30, TimeUnit.SECONDS)));
        out.add("fence at boot: " + items(transfers.download(MissionType.FENCE).get(30, TimeUnit.SECONDS)));
        transfers.close();
        return out;
    }

    static String texts(Exchange x, String containing) throws InterruptedException {
        Thread.sleep(200);
        List<String> t = x.texts().stream().filter(s -> s.contains(containing)).toList();
        x.clearTexts();
        return t.isEmpty() ? "" : " " + t;
    }

    private static String drain(ConcurrentLinkedQueue<String> q) {
        List<String> l = new ArrayList<>(q);
        q.clear();
        return l.toString();
    }

    private static String num(float v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Float.toString(v);
    }

    private static void paramSet(Exchange x, String name, float v, MavParamType t) throws InterruptedException {
        x.send(ParamSet.builder().targetSystem(1).targetComponent(1).paramId(name).paramValue(v).paramType(t)
                .build());
        Thread.sleep(100);
    }

    private static void paramRead(Exchange x, String name, int index) throws InterruptedException {
        x.send(ParamRequestRead.builder().targetSystem(1).targetComponent(1).paramId(name).paramIndex(index)
                .build());
        Thread.sleep(20);
    }

    private static String items(TransferOutcome o) {
        List<String> l = new ArrayList<>();
        for (MissionItem i : o.items()) {
            l.add(String.format(Locale.ROOT, "#%d cmd %d frame %d p %s/%s/%s/%s %.5f,%.5f,%.0f", i.seq(), i.command(),
                    i.frame(), num(i.param1()), num(i.param2()), num(i.param3()), num(i.param4()), i.x() / 1e7,
                    i.y() / 1e7, i.z()));
        }
        return o.result() + " " + l;
    }

    static void assertArduCopterGround(List<String> a) {
        assertThat(a).contains(
                "DO_SET_MODE GUIDED before EKF: ACCEPTED",
                "DO_SET_MODE RTL before EKF: ACCEPTED",
                "DO_SET_MODE AUTO before EKF, no mission: ACCEPTED",
                "DO_SET_MODE 99: FAILED [No such mode 99]",
                "DO_SET_MODE without custom flag: DENIED",
                "DO_REPOSITION in STABILIZE without the change-mode flag: DENIED",
                "DO_REPOSITION in STABILIZE with the flag, disarmed before EKF: FAILED, mode 0",
                "SET_MESSAGE_INTERVAL unknown id: DENIED [No ap_message for mavlink id (9999)]",
                "SET_MESSAGE_INTERVAL HEARTBEAT: ACCEPTED",
                "GET_MESSAGE_INTERVAL unknown id: FAILED [9999:0]",
                "PARAM_SET echoes: [WPNAV_SPEED=1234.567 type 9 index 65535, FENCE_ENABLE=1 type 2 index 65535,"
                        + " FENCE_ENABLE=0 type 2 index 65535, FS_GCS_ENABLE=-1 type 2 index 65535,"
                        + " FS_GCS_ENABLE=127 type 2 index 65535, FS_GCS_ENABLE=0 type 2 index 65535,"
                        + " RTL_ALT=1500 type 6 index 65535, WPNAV_SPEED=1000 type 9 index 65535]",
                "PARAM_REQUEST_READ #0, #60000, NO_SUCH_PARAM: [FORMAT_VERSION=120 type 4 index #0]",
                "mission after clear: ACCEPTED []");
    }

    /**
     * The simulator's clock rate here. Its boot timeline runs on its own clock while the script runs on the machine's:
     * at 10x the "before EKF" steps raced the simulated EKF (ready 4.1 s after start) on a loaded machine; at 4x they
     * have 10 s.
     */
    static final double SIM_SPEED_UP = 4;

    /** The simulator on the recorded boot timeline (EKF ready after about 41 s), as SITL boots. */
    static SimConfig recordedBoot() {
        return SimConfig.builder().home(LAT, LON, 35).build();
    }

    @Test
    void simulatorAnswersOnTheGroundAsArduCopterDoes() throws Exception {
        try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(recordedBoot(), SIM_SPEED_UP, 1)) {
            List<String> a = script(sim);
            a.forEach(l -> System.out.println("[conformance] sim: " + l));
            assertArduCopterGround(a);
        }
    }

    @Test
    void realArduCopterAnswersOnTheGroundAsTheSimulatorDoes() throws Exception {
        SitlInstallation inst = Sitl.installation();
        try (AutopilotUnderTest sitl = AutopilotUnderTest.sitl(inst, LAT, LON, 10, 1)) {
            List<String> real = script(sitl);
            real.forEach(l -> System.out.println("[conformance] sitl: " + l));
            assertArduCopterGround(real);
            try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(recordedBoot(), SIM_SPEED_UP, 1)) {
                assertThat(script(sim)).as("the simulator answers as %s", sitl.name()).isEqualTo(real);
            }
        }
    }
}

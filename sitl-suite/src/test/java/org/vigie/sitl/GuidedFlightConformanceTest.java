package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.ParamSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.vigie.link.command.Target;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * A GUIDED flight as the companion flies it, one script run against Vigie's simulator (recorded boot timeline) and the
 * real ArduCopter SITL: the take-off (ACKs, the climb in the autopilot's time, the landed states), DO_REPOSITION
 * against an uploaded fence with FENCE_ENABLE=1 (FAILED outside, ACCEPTED inside, the cruise speed, the altitude
 * frames), LAND (descent rates, landed states, the automatic disarm after touch-down), then, re-armed where it
 * landed, RTL (climb to RTL_ALT, return at WPNAV_SPEED to where it last armed, which is home now). Discrete answers
 * must be equal; measured figures agree within a tolerance.
 */
class GuidedFlightConformanceTest {

    static final double LAT = GroundProtocolConformanceTest.LAT;
    static final double LON = GroundProtocolConformanceTest.LON;
    /** Half-side of the square inclusion fence, degrees of latitude (about 133 m; inside FENCE_RADIUS 150 m). */
    static final double HALF_LAT = 0.0012;
    static final double HALF_LON = 0.0018;
    static final double TARGET_LAT = LAT + 0.0009;

    /**
     * What an autopilot answered.
     *
     * @param lines    discrete answers, compared exactly
     * @param measures figures in the autopilot's time (s, m, m/s), compared within {@link #TOLERANCE}
     */
    record Answers(List<String> lines, Map<String, Double> measures) {
    }

    /**
     * How far each figure may differ between the simulator and ArduCopter. The legs are the loosest: the simulator's
     * point mass accelerates at a constant WPNAV_ACCEL where ArduCopter's jerk-limited S-curves take about a second
     * longer at each end of a leg, and its RTL starts climbing a second later and loiters a little longer over home
     * (on SITL a 100 m leg took 14.0 s against 12.8 s, this RTL 53.6 s against 48.2 s).
     */
    static final Map<String, Double> TOLERANCE = Map.ofEntries(
            Map.entry("takeoff: ACK to 0.5 m, s", 1.0),
            Map.entry("takeoff: climb rate 5..15 m, m/s", 0.3),
            Map.entry("takeoff: ACK to 19 m, s", 2.0),
            Map.entry("reposition: top ground speed, m/s", 0.5),
            Map.entry("reposition: ACK to within 2 m, s", 3.0),
            Map.entry("reposition 3 m/s: top ground speed, m/s", 0.5),
            Map.entry("reposition after DO_CHANGE_SPEED 4: top ground speed, m/s", 0.5),
            Map.entry("altitude after GLOBAL_INT z=65 (AMSL), m", 0.5),
            Map.entry("altitude after GLOBAL_RELATIVE_ALT_INT z=15, m", 0.5),
            Map.entry("land: descent rate 18..12 m, m/s", 0.3),
            Map.entry("land: descent rate 4..1 m, m/s", 0.15),
            Map.entry("land: landed to disarmed, s", 1.5),
            Map.entry("rtl: highest altitude, m", 0.5),
            Map.entry("rtl: top ground speed, m/s", 0.5),
            Map.entry("rtl: ACK to disarmed, s", 8.0));

    static Answers script(AutopilotUnderTest ap) throws Exception {
        List<String> out = new ArrayList<>();
        Map<String, Double> m = new LinkedHashMap<>();
        Exchange x = new Exchange(ap.link());
        x.streamTelemetry();
        Target target = new Target(1, 1, AutopilotFlavour.ARDUPILOT);
        MissionTransferService transfers = new MissionTransferService(ap.link(), () -> target,
                TransferOptions.defaults());
        List<MissionItem> fence = List.of(
                MissionItem.fenceInclusionVertex(4, LAT - HALF_LAT, LON - HALF_LON),
                MissionItem.fenceInclusionVertex(4, LAT + HALF_LAT, LON - HALF_LON),
                MissionItem.fenceInclusionVertex(4, LAT + HALF_LAT, LON + HALF_LON),
                MissionItem.fenceInclusionVertex(4, LAT - HALF_LAT, LON + HALF_LON));
        out.add("fence upload: " + transfers.upload(MissionType.FENCE, fence).get(30, TimeUnit.SECONDS).result());
        transfers.close();
        x.send(ParamSet.builder().targetSystem(1).targetComponent(1).paramId("FENCE_ENABLE").paramValue(1)
                .paramType(MavParamType.MAV_PARAM_TYPE_INT8).build());
        x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 4, 0, 0, 0, 0, 0);
        String arm = "no ACK";
        for (int i = 0; i < 25 && !arm.equals("ACCEPTED"); i++) {
            Thread.sleep(700);
            arm = x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0, 0);
        }
        out.add("arm in GUIDED: " + arm);

        long t0 = x.bootMs();
        out.add("NAV_TAKEOFF 20 m: " + x.commandLong(MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 20));
        int landedBefore = x.landedStates().size();
        Exchange.await(() -> x.position() != null && x.position().altRelM() > 19.5, 30_000);
        Thread.sleep(1500);
        out.add("NAV_TAKEOFF in the air: " + x.commandLong(MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 30));
        List<Exchange.Position> climb = since(x, t0);
        m.put("takeoff: ACK to 0.5 m, s", secondsUntil(climb, t0, p -> p.altRelM() >= 0.5));
        m.put("takeoff: climb rate 5..15 m, m/s", rate(climb, 5, 15));
        m.put("takeoff: ACK to 19 m, s", secondsUntil(climb, t0, p -> p.altRelM() >= 19));
        List<Exchange.Landed> takeoff = x.landedStates();
        out.add("landed states during the take-off: " + distinct(takeoff.subList(landedBefore, takeoff.size())));

        int far = e7(LAT + 0.003);
        int lon = e7(LON);
        out.add("DO_REPOSITION outside the fence: " + x.commandInt(MavCmd.MAV_CMD_DO_REPOSITION,
                MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, -1, 1, far, lon, 20));
        out.add("DO_REPOSITION as COMMAND_LONG: " + x.commandLong(MavCmd.MAV_CMD_DO_REPOSITION, -1, 1, 0, Float.NaN,
                (float) TARGET_LAT, (float) LON, 20));
        long t1 = x.bootMs();
        out.add("DO_REPOSITION inside the fence: " + x.commandInt(MavCmd.MAV_CMD_DO_REPOSITION,
                MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, -1, 1, e7(TARGET_LAT), lon, 20));
        Exchange.await(() -> x.position() != null && distanceM(x.position(), TARGET_LAT, LON) < 1
                && x.position().groundSpeedMps() < 0.3, 40_000);
        List<Exchange.Position> cruise = since(x, t1);
        m.put("reposition: top ground speed, m/s", cruise.stream().mapToDouble(Exchange.Position::groundSpeedMps)
                .max().orElse(0));
        m.put("reposition: ACK to within 2 m, s", secondsUntil(cruise, t1, p -> distanceM(p, TARGET_LAT, LON) < 2));

        out.add("DO_REPOSITION GLOBAL_INT z=65 (AMSL): " + x.commandInt(MavCmd.MAV_CMD_DO_REPOSITION,
                MavFrame.MAV_FRAME_GLOBAL_INT, -1, 1, e7(TARGET_LAT), lon, 65));
        Exchange.await(() -> Math.abs(x.position().climbMps()) < 0.05 && x.position().altRelM() > 25, 20_000);
        Thread.sleep(300);
        m.put("altitude after GLOBAL_INT z=65 (AMSL), m", x.position().altRelM());
        out.add("DO_REPOSITION GLOBAL_RELATIVE_ALT_INT z=15: " + x.commandInt(MavCmd.MAV_CMD_DO_REPOSITION,
                MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, -1, 1, e7(TARGET_LAT), lon, 15));
        Exchange.await(() -> Math.abs(x.position().climbMps()) < 0.05 && x.position().altRelM() < 20, 20_000);
        Thread.sleep(300);
        m.put("altitude after GLOBAL_RELATIVE_ALT_INT z=15, m", x.position().altRelM());
        long t2 = x.bootMs();
        out.add("DO_REPOSITION home at 3 m/s, 20 m: " + x.commandInt(MavCmd.MAV_CMD_DO_REPOSITION,
                MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, 3, 1, e7(LAT), lon, 20));
        Exchange.await(() -> distanceM(x.position(), LAT, LON) < 1 && x.position().groundSpeedMps() < 0.3
                && x.position().altRelM() > 19.5, 40_000);
        m.put("reposition 3 m/s: top ground speed, m/s", since(x, t2).stream()
                .mapToDouble(Exchange.Position::groundSpeedMps).max().orElse(0));
        out.add("DO_CHANGE_SPEED 4 m/s: " + x.commandLong(MavCmd.MAV_CMD_DO_CHANGE_SPEED, 1, 4, -1, 0, 0, 0, 0));
        long t4 = x.bootMs();
        out.add("DO_REPOSITION after DO_CHANGE_SPEED: " + x.commandInt(MavCmd.MAV_CMD_DO_REPOSITION,
                MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, -1, 1, e7(TARGET_LAT), lon, 20));
        Exchange.await(() -> distanceM(x.position(), TARGET_LAT, LON) < 1 && x.position().groundSpeedMps() < 0.3,
                40_000);
        m.put("reposition after DO_CHANGE_SPEED 4: top ground speed, m/s", since(x, t4).stream()
                .mapToDouble(Exchange.Position::groundSpeedMps).max().orElse(0));
        out.add("disarm in the air: " + x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 0, 0, 0, 0, 0, 0, 0)
                + GroundProtocolConformanceTest.texts(x, "Disarm"));

        long t3 = x.bootMs();
        out.add("DO_SET_MODE LAND: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 9, 0, 0, 0, 0, 0));
        landedBefore = x.landedStates().size();
        Exchange.await(() -> !x.armed(), 60_000);
        Thread.sleep(300);
        List<Exchange.Position> descent = since(x, t3);
        m.put("land: descent rate 18..12 m, m/s", -rate(descent, 18, 12));
        m.put("land: descent rate 4..1 m, m/s", -rate(descent, 4, 1));
        List<Exchange.Landed> all = x.landedStates();
        List<Exchange.Landed> landing = all.subList(landedBefore, all.size());
        out.add("landed states during LAND: " + distinct(landing));
        long landedAt = landing.stream().filter(l -> l.state() == 1).mapToLong(Exchange.Landed::bootMs).findFirst()
                .orElse(-1);
        m.put("land: landed to disarmed, s", (x.disarmedAtBootMs() - landedAt) / 1000.0);
        out.add("disarmed by itself: " + !x.armed() + GroundProtocolConformanceTest.texts(x, "Disarm"));
        out.add("mode after landing: " + x.customMode());

        // re-armed where it landed: home moves there, and RTL brings the drone back there, not to the first home
        out.add("DO_SET_MODE GUIDED on the ground: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 4, 0, 0, 0, 0,
                0));
        out.add("arm again where it landed: " + x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0,
                0));
        out.add("NAV_TAKEOFF 10 m: " + x.commandLong(MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 10));
        Exchange.await(() -> x.position().altRelM() > 9.5, 30_000);
        out.add("DO_REPOSITION over the first home: " + x.commandInt(MavCmd.MAV_CMD_DO_REPOSITION,
                MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, -1, 1, e7(LAT), lon, 10));
        Exchange.await(() -> distanceM(x.position(), LAT, LON) < 1 && x.position().groundSpeedMps() < 0.3, 40_000);
        long t5 = x.bootMs();
        out.add("DO_SET_MODE RTL: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 6, 0, 0, 0, 0, 0));
        landedBefore = x.landedStates().size();
        Exchange.await(() -> !x.armed(), 60_000);
        Thread.sleep(300);
        List<Exchange.Position> rtl = since(x, t5);
        m.put("rtl: highest altitude, m", rtl.stream().mapToDouble(Exchange.Position::altRelM).max().orElse(0));
        m.put("rtl: top ground speed, m/s", rtl.stream().mapToDouble(Exchange.Position::groundSpeedMps).max()
                .orElse(0));
        m.put("rtl: ACK to disarmed, s", (x.disarmedAtBootMs() - t5) / 1000.0);
        all = x.landedStates();
        out.add("landed states during RTL: " + distinct(all.subList(landedBefore, all.size())));
        Exchange.Position end = x.position();
        out.add(String.format(Locale.ROOT, "RTL landed where it last armed (within 3 m): %b, not at the first home"
                + " (over 90 m away): %b", distanceM(end, TARGET_LAT, LON) < 3, distanceM(end, LAT, LON) > 90));
        out.add("mode after the RTL landing: " + x.customMode());
        return new Answers(out, m);
    }

    private static int e7(double deg) {
        return (int) Math.round(deg * 1e7);
    }

    private static double distanceM(Exchange.Position p, double latDeg, double lonDeg) {
        double n = (p.latDeg() - latDeg) * 111_195;
        double e = (p.lonDeg() - lonDeg) * 111_195 * Math.cos(Math.toRadians(latDeg));
        return Math.hypot(n, e);
    }

    private static List<Exchange.Position> since(Exchange x, long bootMs) {
        return x.positions().stream().filter(p -> p.bootMs() >= bootMs).toList();
    }

    private static double secondsUntil(List<Exchange.Position> ps, long fromMs, Predicate<Exchange.Position> c) {
        return ps.stream().filter(c).mapToLong(Exchange.Position::bootMs).findFirst().orElse(Long.MAX_VALUE / 2)
                / 1000.0 - fromMs / 1000.0;
    }

    /** Mean vertical speed between the first samples past two altitudes (climbing or descending), m/s. */
    private static double rate(List<Exchange.Position> ps, double fromM, double toM) {
        boolean up = toM > fromM;
        Exchange.Position a = ps.stream().filter(p -> up ? p.altRelM() >= fromM : p.altRelM() <= fromM).findFirst()
                .orElse(null);
        Exchange.Position b = ps.stream().filter(p -> up ? p.altRelM() >= toM : p.altRelM() <= toM).findFirst()
                .orElse(null);
        if (a == null || b == null || b.bootMs() <= a.bootMs()) {
            return Double.NaN;
        }
        return (b.altRelM() - a.altRelM()) / ((b.bootMs() - a.bootMs()) / 1000.0);
    }

    private static List<Integer> distinct(List<Exchange.Landed> states) {
        List<Integer> l = new ArrayList<>();
        for (Exchange.Landed s : states) {
            if (l.isEmpty() || l.get(l.size() - 1) != s.state()) {
                l.add(s.state());
            }
        }
        return l;
    }

    static void assertArduCopterFlight(Answers a) {
        assertThat(a.lines()).containsExactly(
                "fence upload: ACCEPTED",
                "arm in GUIDED: ACCEPTED",
                "NAV_TAKEOFF 20 m: ACCEPTED",
                "NAV_TAKEOFF in the air: FAILED",
                "landed states during the take-off: [1, 3, 2]",
                "DO_REPOSITION outside the fence: FAILED",
                "DO_REPOSITION as COMMAND_LONG: UNSUPPORTED",
                "DO_REPOSITION inside the fence: ACCEPTED",
                "DO_REPOSITION GLOBAL_INT z=65 (AMSL): ACCEPTED",
                "DO_REPOSITION GLOBAL_RELATIVE_ALT_INT z=15: ACCEPTED",
                "DO_REPOSITION home at 3 m/s, 20 m: ACCEPTED",
                "DO_CHANGE_SPEED 4 m/s: ACCEPTED",
                "DO_REPOSITION after DO_CHANGE_SPEED: ACCEPTED",
                "disarm in the air: FAILED",
                "DO_SET_MODE LAND: ACCEPTED",
                "landed states during LAND: [4, 1]",
                "disarmed by itself: true [Disarming motors]",
                "mode after landing: 9",
                "DO_SET_MODE GUIDED on the ground: ACCEPTED",
                "arm again where it landed: ACCEPTED",
                "NAV_TAKEOFF 10 m: ACCEPTED",
                "DO_REPOSITION over the first home: ACCEPTED",
                "DO_SET_MODE RTL: ACCEPTED",
                "landed states during RTL: [2, 4, 1]",
                "RTL landed where it last armed (within 3 m): true, not at the first home (over 90 m away): true",
                "mode after the RTL landing: 6");
        Map<String, Double> mm = a.measures();
        assertThat(mm.get("takeoff: climb rate 5..15 m, m/s")).as("WPNAV_SPEED_UP 2.5 m/s").isBetween(2.2, 2.8);
        assertThat(mm.get("reposition: top ground speed, m/s")).as("WPNAV_SPEED 10 m/s").isBetween(9.0, 10.5);
        assertThat(mm.get("reposition 3 m/s: top ground speed, m/s")).as("DO_REPOSITION's speed is ignored")
                .isBetween(9.0, 10.5);
        assertThat(mm.get("reposition after DO_CHANGE_SPEED 4: top ground speed, m/s")).isBetween(3.5, 4.5);
        assertThat(mm.get("altitude after GLOBAL_INT z=65 (AMSL), m")).isBetween(29.0, 31.0);
        assertThat(mm.get("altitude after GLOBAL_RELATIVE_ALT_INT z=15, m")).isBetween(14.0, 16.0);
        assertThat(mm.get("land: descent rate 4..1 m, m/s")).as("LAND_SPEED 0.5 m/s").isBetween(0.35, 0.65);
        assertThat(mm.get("rtl: highest altitude, m")).as("RTL_ALT 15 m").isBetween(14.5, 15.8);
    }

    /** The simulator's figures agree with ArduCopter's within {@link #TOLERANCE}. */
    static void assertSameFigures(Answers sim, Answers real) {
        assertThat(sim.lines()).isEqualTo(real.lines());
        for (Map.Entry<String, Double> t : TOLERANCE.entrySet()) {
            assertThat(sim.measures().get(t.getKey())).as("%s (ArduCopter %.2f)", t.getKey(),
                    real.measures().get(t.getKey())).isCloseTo(real.measures().get(t.getKey()),
                    org.assertj.core.data.Offset.offset(t.getValue()));
        }
    }

    @Test
    void simulatorFliesGuidedAsArduCopterDoes() throws Exception {
        try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(GroundProtocolConformanceTest.recordedBoot(), 10,
                1)) {
            Answers a = script(sim);
            a.lines().forEach(l -> System.out.println("[conformance] sim: " + l));
            System.out.println("[conformance] sim: " + a.measures());
            assertArduCopterFlight(a);
        }
    }

    @Test
    void realArduCopterFliesGuidedAsTheSimulatorDoes() throws Exception {
        SitlInstallation inst = Sitl.installation();
        try (AutopilotUnderTest sitl = AutopilotUnderTest.sitl(inst, LAT, LON, 10, 1)) {
            Answers real = script(sitl);
            real.lines().forEach(l -> System.out.println("[conformance] sitl: " + l));
            System.out.println("[conformance] sitl: " + real.measures());
            assertArduCopterFlight(real);
            try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(GroundProtocolConformanceTest.recordedBoot(),
                    10, 1)) {
                Answers a = script(sim);
                System.out.println("[conformance] sim: " + a.measures());
                assertSameFigures(a, real);
            }
        }
    }
}

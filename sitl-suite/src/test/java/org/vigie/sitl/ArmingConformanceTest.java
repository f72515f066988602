package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MavCmd;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Arming as a companion meets it from power-on, one script run against Vigie's simulator (recorded boot timeline) and
 * the real ArduCopter SITL: HOME_POSITION asked for before home exists, arming refused while the EKF has no position
 * (FAILED, explained by "Arm: ..." STATUSTEXTs, the last one "Arm: Need Position Estimate" in GUIDED), NAV_TAKEOFF
 * refused while disarmed, then arming accepted once the EKF uses GPS (HOME_POSITION announced when home is set and
 * again on arming), the automatic disarm of a vehicle left armed on the ground (DISARM_DELAY), disarming on command,
 * and NAV_TAKEOFF refused outside GUIDED.
 */
class ArmingConformanceTest {

    static final double LAT = GroundProtocolConformanceTest.LAT;
    static final double LON = GroundProtocolConformanceTest.LON;

    static List<String> script(AutopilotUnderTest ap) throws Exception {
        List<String> out = new ArrayList<>();
        Exchange x = new Exchange(ap.link());
        x.streamTelemetry();
        AtomicInteger homes = new AtomicInteger();
        ap.link().subscribe(HomePosition.class, (m, f) -> homes.incrementAndGet());

        out.add("REQUEST_MESSAGE HOME_POSITION before home is set: "
                + x.commandLong(MavCmd.MAV_CMD_REQUEST_MESSAGE, 242, 0, 0, 0, 0, 0, 0));
        Thread.sleep(200);
        out.add("HOME_POSITION before home is set: " + homes.get());
        out.add("arm in STABILIZE at power-on: " + refusal(x));
        out.add("DO_SET_MODE GUIDED: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 4, 0, 0, 0, 0, 0));
        out.add("NAV_TAKEOFF disarmed: " + x.commandLong(MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 10));
        x.clearTexts();
        String lastRefusal = null;
        String armed = null;
        int homesBeforeArming = 0;
        long armedAtMs = 0;
        for (int i = 0; i < 20 && armed == null; i++) {
            Thread.sleep(700);
            homesBeforeArming = homes.get();
            String r = x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0, 0);
            long ackAtMs = x.bootMs();
            Thread.sleep(300);
            List<String> t = x.texts();
            x.clearTexts();
            if (r.equals("ACCEPTED")) {
                armedAtMs = ackAtMs;
                armed = r + (t.contains("Arming motors") ? " [Arming motors]" : " " + t);
            } else {
                lastRefusal = r + (t.contains("Arm: Need Position Estimate") ? ", says Arm: Need Position Estimate"
                        : ", says " + t.stream().filter(s -> s.startsWith("Arm: ")).toList());
                if (!r.equals("FAILED")) {
                    out.add("arm in GUIDED refused otherwise: " + r);
                }
            }
        }
        out.add("arm in GUIDED, last refusal: " + lastRefusal);
        out.add("arm in GUIDED once the EKF uses GPS: " + armed);
        out.add("HOME_POSITION messages before arming: " + homesBeforeArming + ", on arming: "
                + (homes.get() - homesBeforeArming));
        out.add("NAV_TAKEOFF 0 m: " + x.commandLong(MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 0));
        boolean idleDisarm = Exchange.await(() -> !x.armed(), 5000);
        double idleS = (x.disarmedAtBootMs() - armedAtMs) / 1000.0;
        System.out.printf("[conformance] %s: armed idle in GUIDED, disarmed by itself after %.1f s%n", ap.name(), idleS);
        out.add("armed idle in GUIDED: disarmed by itself after DISARM_DELAY (10 s, within 2 s): "
                + (idleDisarm && Math.abs(idleS - 10) <= 2) + GroundProtocolConformanceTest.texts(x, "motors"));
        out.add("arm again: " + x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0, 0)
                + GroundProtocolConformanceTest.texts(x, "motors"));
        out.add("disarm on the ground: " + x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 0, 0, 0, 0, 0, 0, 0)
                + GroundProtocolConformanceTest.texts(x, "motors"));
        out.add("DO_SET_MODE STABILIZE: " + x.commandLong(MavCmd.MAV_CMD_DO_SET_MODE, 1, 0, 0, 0, 0, 0, 0));
        out.add("arm in STABILIZE: " + x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0, 0)
                + GroundProtocolConformanceTest.texts(x, "motors"));
        out.add("NAV_TAKEOFF armed in STABILIZE: " + x.commandLong(MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 10));
        out.add("disarm: " + x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 0, 0, 0, 0, 0, 0, 0));
        return out;
    }

    /** Arms; what a companion learns from a refusal: the result, and whether "Arm: " texts explain it. */
    private static String refusal(Exchange x) throws InterruptedException {
        x.clearTexts();
        String r = x.commandLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0, 0);
        Thread.sleep(200);
        List<String> t = x.texts();
        boolean explained = t.stream().anyMatch(s -> s.startsWith("Arm: "));
        boolean armed = t.contains("Arming motors");
        return r + (explained ? ", explained by Arm: texts" : ", unexplained") + (armed ? ", Arming motors" : "");
    }

    static void assertArduCopterArming(List<String> a) {
        assertThat(a).containsExactly(
                "REQUEST_MESSAGE HOME_POSITION before home is set: ACCEPTED",
                "HOME_POSITION before home is set: 0",
                "arm in STABILIZE at power-on: FAILED, explained by Arm: texts",
                "DO_SET_MODE GUIDED: ACCEPTED",
                "NAV_TAKEOFF disarmed: FAILED",
                "arm in GUIDED, last refusal: FAILED, says Arm: Need Position Estimate",
                "arm in GUIDED once the EKF uses GPS: ACCEPTED [Arming motors]",
                "HOME_POSITION messages before arming: 1, on arming: 1",
                "NAV_TAKEOFF 0 m: FAILED",
                "armed idle in GUIDED: disarmed by itself after DISARM_DELAY (10 s, within 2 s): true"
                        + " [Disarming motors]",
                "arm again: ACCEPTED [Arming motors]",
                "disarm on the ground: ACCEPTED [Disarming motors]",
                "DO_SET_MODE STABILIZE: ACCEPTED",
                "arm in STABILIZE: ACCEPTED [Arming motors]",
                "NAV_TAKEOFF armed in STABILIZE: FAILED",
                "disarm: ACCEPTED");
    }

    @Test
    void simulatorArmsAsArduCopterDoes() throws Exception {
        try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(GroundProtocolConformanceTest.recordedBoot(), 10,
                1)) {
            List<String> a = script(sim);
            a.forEach(l -> System.out.println("[conformance] sim: " + l));
            assertArduCopterArming(a);
        }
    }

    @Test
    void realArduCopterArmsAsTheSimulatorDoes() throws Exception {
        SitlInstallation inst = Sitl.installation();
        try (AutopilotUnderTest sitl = AutopilotUnderTest.sitl(inst, LAT, LON, 10, 1)) {
            List<String> real = script(sitl);
            real.forEach(l -> System.out.println("[conformance] sitl: " + l));
            assertArduCopterArming(real);
            try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(GroundProtocolConformanceTest.recordedBoot(),
                    10, 1)) {
                assertThat(script(sim)).as("the simulator answers as %s", sitl.name()).isEqualTo(real);
            }
        }
    }
}

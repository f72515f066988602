package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.Statustext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.link.command.Target;
import org.vigie.link.mission.FenceCapacityProbe;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.mission.TransferResult;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * The fence storage limit, one script run against Vigie's simulator and the real ArduCopter SITL: both must answer
 * alike. Found by the real-autopilot suite: the simulator used to accept fences ArduCopter refuses.
 */
class FenceStorageConformanceTest {

    private static final double LAT = 48.8515;
    private static final double LON = 2.3643;

    /** What an autopilot answered to the script. */
    record Answers(OptionalInt probed, List<String> results, List<String> texts) {
    }

    static Answers script(AutopilotUnderTest ap) throws Exception {
        ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
        ap.link().subscribe(Statustext.class, (m, f) -> {
            if (m.text().contains("items are supported") || m.text().contains("storage")) {
                texts.add(m.text());
            }
        });
        Target target = new Target(1, 1, AutopilotFlavour.ARDUPILOT);
        OptionalInt probed = FenceCapacityProbe.probe(ap.link(), target, java.time.Duration.ofMillis(1500))
                .get(20, TimeUnit.SECONDS);
        MissionTransferService transfers = new MissionTransferService(ap.link(), () -> target,
                TransferOptions.defaults());
        List<String> results = new ArrayList<>();
        for (int n : new int[] {69, 70, 71}) {
            TransferOutcome o = transfers.upload(MissionType.FENCE, polygon(n)).get(60, TimeUnit.SECONDS);
            TransferOutcome back = transfers.download(MissionType.FENCE).get(60, TimeUnit.SECONDS);
            results.add(n + " vertices: " + o.result() + ", stored " + back.items().size());
        }
        for (int k : new int[] {40, 41}) {
            List<MissionItem> items = new ArrayList<>(polygon(3));
            for (int i = 0; i < k; i++) {
                items.add(MissionItem.fenceExclusionCircle(LAT + 0.001, LON + 0.0001 * i, 5.5));
            }
            TransferOutcome o = transfers.upload(MissionType.FENCE, items).get(60, TimeUnit.SECONDS);
            results.add("triangle + " + k + " circles: " + o.result());
        }
        transfers.close();
        Thread.sleep(200); // the last STATUSTEXT may trail the ACK by a frame
        return new Answers(probed, results, new ArrayList<>(texts));
    }

    private static List<MissionItem> polygon(int n) {
        List<MissionItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            items.add(MissionItem.fenceInclusionVertex(n, LAT + 0.004 * Math.sin(a), LON + 0.006 * Math.cos(a)));
        }
        return items;
    }

    private static void assertArduCopterStorage(Answers a) {
        assertThat(a.probed()).hasValue(70);
        assertThat(a.results()).containsExactly(
                "69 vertices: ACCEPTED, stored 69",
                "70 vertices: ERROR, stored 69",
                "71 vertices: NO_SPACE, stored 69",
                "triangle + 40 circles: ACCEPTED",
                "triangle + 41 circles: ERROR");
        assertThat(a.texts()).contains("Only 70 items are supported", "Fence exceeds storage size");
    }

    @Test
    void simulatorStoresFencesAsArduCopterDoes() throws Exception {
        try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(LAT, LON, 10, 1)) {
            assertArduCopterStorage(script(sim));
        }
    }

    @Test
    void realArduCopterStoresFencesAsTheSimulatorAssumes() throws Exception {
        SitlInstallation inst = Sitl.installation();
        try (AutopilotUnderTest sitl = AutopilotUnderTest.sitl(inst, LAT, LON, 10, 1)) {
            Answers real = script(sitl);
            assertArduCopterStorage(real);
            try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(LAT, LON, 10, 1)) {
                assertThat(script(sim)).as("the simulator answers as %s", sitl.name()).isEqualTo(real);
            }
        }
    }

    /**
     * A fence of exactly 560 bytes without its end-of-storage marker (66 vertices and two circles): ArduCopter's size
     * check accepts it, then it cannot index what it stored: SITL panics before its ACK. Returns the upload's result and
     * whether HEARTBEATs still come 3 s later.
     */
    static String fillExactly(AutopilotUnderTest ap) throws Exception {
        long[] lastHeartbeat = {System.nanoTime()};
        ap.link().subscribe(io.dronefleet.mavlink.minimal.Heartbeat.class, (m, f) -> {
            if (f.sysId() == 1) {
                lastHeartbeat[0] = System.nanoTime();
            }
        });
        Target target = new Target(1, 1, AutopilotFlavour.ARDUPILOT);
        MissionTransferService transfers = new MissionTransferService(ap.link(), () -> target,
                TransferOptions.defaults());
        List<MissionItem> items = new ArrayList<>(polygon(66));
        items.add(MissionItem.fenceExclusionCircle(LAT + 0.001, LON, 5.5));
        items.add(MissionItem.fenceExclusionCircle(LAT - 0.001, LON, 5.5));
        TransferOutcome o = transfers.upload(MissionType.FENCE, items).get(60, TimeUnit.SECONDS);
        Thread.sleep(3000);
        transfers.close();
        boolean silent = System.nanoTime() - lastHeartbeat[0] > 2_000_000_000L;
        return o.result() + (silent ? ", then silent" : ", still heard");
    }

    @Test
    void aFenceFillingTheStorageExactlyStopsTheSimulatorAsItStopsArduCopter() throws Exception {
        try (AutopilotUnderTest sim = AutopilotUnderTest.simulator(LAT, LON, 10, 1)) {
            assertThat(fillExactly(sim)).isEqualTo("TIMEOUT, then silent");
        }
    }

    @Test
    void realArduCopterStopsOnAFenceFillingItsStorageExactly() throws Exception {
        SitlInstallation inst = Sitl.installation();
        try (AutopilotUnderTest sitl = AutopilotUnderTest.sitl(inst, LAT, LON, 10, 1)) {
            assertThat(fillExactly(sitl)).isEqualTo("TIMEOUT, then silent");
            assertThat(sitl.sitlProcess().consoleTail(40))
                    .contains("did not find end-of-storage-marker before running out of space");
        }
    }
}

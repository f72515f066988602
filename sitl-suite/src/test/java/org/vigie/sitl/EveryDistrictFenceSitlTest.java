package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceExporter;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.command.Target;
import org.vigie.link.mission.FenceCapacityProbe;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.mission.TransferResult;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.mission.flight.FenceMissionItems;

/**
 * Every bundled district's fence, exported for the capacity the real ArduCopter states, is accepted by it and reads
 * back item for item: the 80 Paris quartiers with four exclusion zones each, and their 240 sectors. Before the
 * capacity was taken from the autopilot, 35 of the 80 exceeded ArduCopter's 560 bytes and no drone would have taken
 * off there.
 */
class EveryDistrictFenceSitlTest {

    @Test
    void everyBundledDistrictUploadsToTheRealArduCopter() throws Exception {
        SitlInstallation inst = Sitl.installation();
        List<ParisQuartiers.Quartier> quartiers = ParisQuartiers.load(Path.of("..", "data",
                "paris-quartiers.geojson"));
        List<District> districts = new ArrayList<>();
        for (ParisQuartiers.Quartier q : quartiers) {
            districts.add(DemoZones.withZones(ParisQuartiers.district(q), 4, q.number()));
            districts.addAll(ParisQuartiers.sectors(q));
        }
        try (AutopilotUnderTest sitl = AutopilotUnderTest.sitl(inst, 48.8515, 2.3643, 10, 1)) {
            Target target = new Target(1, 1, AutopilotFlavour.ARDUPILOT);
            OptionalInt stated = FenceCapacityProbe.probe(sitl.link(), target, Duration.ofMillis(1500))
                    .get(20, TimeUnit.SECONDS);
            assertThat(stated).as("ArduCopter states its fence capacity").hasValue(70);
            FenceCapacity capacity = FenceCapacity.arduPilot(8 * stated.getAsInt());
            FenceExporter exporter = new FenceExporter(capacity, false);
            FenceExporter itemsOnly = new FenceExporter(70, false);
            MissionTransferService transfers = new MissionTransferService(sitl.link(), () -> target,
                    TransferOptions.defaults());
            List<String> problems = new ArrayList<>();
            int overByItemBudget = 0;
            int maxItems = 0;
            for (District d : districts) {
                FenceExport.Exported old = (FenceExport.Exported) itemsOnly.export(d);
                if (old.storageBytes() > capacity.maxStorageBytes()) {
                    overByItemBudget++;
                }
                FenceExport e = exporter.export(d);
                if (e instanceof FenceExport.Refused r) {
                    problems.add(d.name() + ": " + r.message());
                    continue;
                }
                List<MissionItem> items = FenceMissionItems.of(((FenceExport.Exported) e).shapes());
                maxItems = Math.max(maxItems, items.size());
                TransferOutcome up = transfers.upload(MissionType.FENCE, items).get(60, TimeUnit.SECONDS);
                if (up.result() != TransferResult.ACCEPTED) {
                    problems.add(d.name() + ": upload " + up.result() + " " + up.detail());
                    continue;
                }
                TransferOutcome back = transfers.download(MissionType.FENCE).get(60, TimeUnit.SECONDS);
                List<MissionItem> got = back.items();
                if (got.size() != items.size()) {
                    problems.add(d.name() + ": read back " + got.size() + " of " + items.size() + " items ("
                            + back.result() + " " + back.detail() + ")");
                    continue;
                }
                for (int i = 0; i < items.size(); i++) {
                    MissionItem a = items.get(i);
                    MissionItem b = got.get(i);
                    if (a.command() != b.command() || a.x() != b.x() || a.y() != b.y()
                            || Math.abs(a.param1() - b.param1()) > 1e-3) {
                        problems.add(String.format(Locale.ROOT, "%s: item %d differs", d.name(), i));
                        break;
                    }
                }
            }
            transfers.close();
            System.out.printf(Locale.ROOT, "[sitl-suite] %d districts uploaded to %s (largest fence %d items);"
                    + " %d of them exceed its storage with a 70-item budget alone%n", districts.size() - problems
                    .size(), sitl.name(), maxItems, overByItemBudget);
            assertThat(problems).as("districts the real ArduCopter did not store").isEmpty();
            assertThat(overByItemBudget).as("the storage limit matters: districts a 70-item budget would break")
                    .isGreaterThan(30);
        }
    }
}

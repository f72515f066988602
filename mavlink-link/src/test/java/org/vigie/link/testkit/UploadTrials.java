package org.vigie.link.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.vigie.link.command.Target;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.PlanState;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.mission.TransferResult;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * Runs seeded mission uploads through a {@link LossyLink} to a {@link FakeAutopilot} and summarises them: the loss
 * measurement behind the README table. Each trial has its own rig (fresh autopilot, fresh seed).
 */
public final class UploadTrials {

    /**
     * Summary of a batch.
     *
     * @param trials uploads run
     * @param completed uploads ending ACCEPTED
     * @param results count per result
     * @param meanVirtualMs mean virtual duration of all trials, ms
     * @param maxVirtualMs longest trial, ms
     * @param meanResends mean resends per trial
     * @param falseSuccesses trials reporting ACCEPTED whose list on the autopilot differs from the one sent
     * @param unknownOnFailure failed trials reporting PlanState.UNKNOWN (should be all of them)
     * @param hung trials that did not finish within the bound (must be 0)
     */
    public record Summary(int trials, int completed, Map<TransferResult, Integer> results, double meanVirtualMs,
                          long maxVirtualMs, double meanResends, int falseSuccesses, int unknownOnFailure, int hung) {

        /** @return completed / trials */
        public double completionRate() {
            return (double) completed / trials;
        }
    }

    private UploadTrials() {
    }

    /**
     * A 30-point plan like a dispatch flight (takeoff + waypoints).
     *
     * @param n items
     * @return the items
     */
    public static List<MissionItem> plan(int n) {
        List<MissionItem> l = new ArrayList<>();
        l.add(MissionItem.takeoff(30));
        for (int i = 1; i < n; i++) {
            l.add(MissionItem.waypoint(48.8566 + i * 1e-4, 2.3522 - i * 1e-4, 30 + i, 0));
        }
        return l;
    }

    /**
     * Runs a batch.
     *
     * @param trials number of uploads
     * @param items items per upload
     * @param config link faults
     * @param options transfer options (retries, transfer-level policy)
     * @param seed base seed (trial i uses seed + i)
     * @return the summary
     */
    public static Summary run(int trials, int items, LossyLink.Config config, TransferOptions options, long seed) {
        Map<TransferResult, Integer> results = new EnumMap<>(TransferResult.class);
        long total = 0;
        long max = 0;
        long resends = 0;
        int completed = 0;
        int falseSuccess = 0;
        int unknown = 0;
        int hung = 0;
        List<MissionItem> plan = plan(items);
        for (int i = 0; i < trials; i++) {
            Rig rig = new Rig(config, seed + i);
            MissionTransferService s = new MissionTransferService(rig.gcs,
                    () -> Target.autopilot(AutopilotFlavour.ARDUPILOT), options);
            CompletableFuture<TransferOutcome> f = s.upload(MissionType.MISSION, plan);
            if (!rig.scheduler.advanceUntil(f::isDone, Duration.ofMillis(5), Duration.ofMinutes(10))) {
                hung++;
                continue;
            }
            TransferOutcome o = f.join();
            results.merge(o.result(), 1, Integer::sum);
            total += o.durationMs();
            max = Math.max(max, o.durationMs());
            resends += o.resends();
            if (o.succeeded()) {
                completed++;
                if (!sameAsSent(plan, rig.autopilot.list(MissionType.MISSION))) {
                    falseSuccess++;
                }
            } else if (o.planState() == PlanState.UNKNOWN) {
                unknown++;
            }
        }
        return new Summary(trials, completed, results, (double) total / Math.max(1, trials - hung), max,
                (double) resends / trials, falseSuccess, unknown, hung);
    }

    private static boolean sameAsSent(List<MissionItem> sent, List<MissionItem> onBoard) {
        if (sent.size() != onBoard.size()) {
            return false;
        }
        for (int i = 1; i < sent.size(); i++) { // item 0 is ArduPilot's home
            MissionItem a = sent.get(i);
            MissionItem b = onBoard.get(i);
            if (a.command() != b.command() || a.x() != b.x() || a.y() != b.y() || a.z() != b.z()) {
                return false;
            }
        }
        return true;
    }
}

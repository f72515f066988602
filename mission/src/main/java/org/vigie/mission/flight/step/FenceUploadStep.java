package org.vigie.mission.flight.step;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.export.FenceExporter;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferResult;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.flight.AutopilotFence;
import org.vigie.mission.flight.AutopilotFenceCheck;
import org.vigie.mission.flight.FenceMissionItems;
import org.vigie.mission.flight.FlightContext;
import org.vigie.mission.flight.FlightPlan;

/**
 * UPLOAD, first step: uploads the district's fence as exported for this autopilot ({@link #export}, the one place the
 * export is made) and reads it back; then the fence parameters follow ({@link FenceParamsStep}). The whole UPLOAD
 * phase shares one deadline ({@code uploadTimeout}) from this step's start, a timer each UPLOAD step arms; the
 * steps themselves move on as the transfers' results arrive, not at the tick.
 *
 * <p>Stages: EXPORT (the export the preflight made, or a new one) -&gt; UPLOADING -&gt; READING_BACK -&gt; done. An
 * upload the autopilot refuses for space (MAV_MISSION_NO_SPACE, or MAV_MISSION_ERROR as ArduCopter answers "Fence
 * exceeds storage size") goes back to EXPORT with a strictly smaller capacity ({@link FlightPlan#shrinkFence}), the
 * routes checked again against the smaller fence, up to {@code fenceSpaceRetries} times.
 */
public final class FenceUploadStep extends FlightStep {

    private enum Stage { EXPORT, UPLOADING, READING_BACK }

    private Stage stage = Stage.EXPORT;
    private long deadlineMs;
    private int spaceRetries;

    /** @param host the state machine */
    public FenceUploadStep(StepHost host) {
        super(host);
    }

    /**
     * Exports the district's fence within what the autopilot stores and prepares the route check against it (the
     * planned routes must keep half the district's margin inside what the autopilot will enforce).
     *
     * @param ctx      the flight context (district, fence frame)
     * @param capacity what the autopilot stores (items, bytes, vertices per polygon)
     * @return the export (refused or exported) with its check
     */
    public static AutopilotFence export(FlightContext ctx, FenceCapacity capacity) {
        FenceExport e = new FenceExporter(capacity, false).export(ctx.district());
        AutopilotFenceCheck check = e instanceof FenceExport.Exported x ? new AutopilotFenceCheck(ctx.fence().frame(),
                x.shapes(), ctx.district().horizontalMarginM() / 2) : null;
        return new AutopilotFence(e, check);
    }

    @Override
    protected void step(long now) {
        if (stage != Stage.EXPORT) {
            return;
        }
        if (deadlineMs == 0) {
            deadlineMs = startedMs() + host.cfg().uploadTimeout().toMillis();
            timerAt(deadlineMs, () -> UploadDeadline.expired(host));
        }
        var readiness = host.readiness();
        if (readiness != null && readiness.readyWith(host.plan().fence())
                && readiness.state() instanceof org.vigie.mission.flight.Readiness.State.Ready r) {
            // made ready on attach: fence on board and read back, FENCE_* and the profile set; only the route is left
            host.then(new MissionUploadStep(host, deadlineMs, r.fenceItems()));
            return;
        }
        String fenceProblem = host.plan()
                .exportFence(Objects.requireNonNull(host.strategy(), "the autopilot was heard"));
        if (fenceProblem != null) {
            host.fail(FlightOutcome.REFUSED, "the district's fence cannot be given to the autopilot: " + fenceProblem);
            return;
        }
        List<MissionItem> items = FenceMissionItems.of(
                Objects.requireNonNull(host.plan().fence(), "exported above").shapes());
        stage = Stage.UPLOADING;
        await(host.ctx().transfers().upload(MissionType.FENCE, items), o -> {
            boolean forSpace = o.result() == TransferResult.NO_SPACE || o.result() == TransferResult.ERROR;
            if (forSpace && spaceRetries < host.cfg().steps().fenceSpaceRetries()) {
                spaceRetries++;
                String problem = host.plan().shrinkFence();
                if (problem != null) {
                    host.fail(FlightOutcome.REFUSED, "the autopilot refused the fence for space (" + o.result()
                            + ") and a smaller conservative one does not hold the route: " + problem);
                    return;
                }
                host.warn(String.format(Locale.ROOT, "the autopilot refused a fence of %d items (%s): sending a"
                        + " smaller conservative one (%s)", items.size(), o.result(), host.plan().fenceCapacity()));
                stage = Stage.EXPORT;
                kick();
                return;
            }
            if (forSpace) {
                host.fail(FlightOutcome.REFUSED, String.format(Locale.ROOT, "the autopilot has no room for the"
                        + " district's fence: it refused %d fences for space (%s), the last of %d items",
                        spaceRetries + 1, o.result(), items.size()));
                return;
            }
            if (!o.succeeded()) {
                host.fail(FlightOutcome.FAILED, "fence upload failed: " + o.result() + " " + o.detail());
                return;
            }
            stage = Stage.READING_BACK;
            await(host.ctx().transfers().download(MissionType.FENCE), d -> {
                String diff = PlanItems.compare(items, d);
                if (diff != null) {
                    host.fail(FlightOutcome.FAILED, "fence read back differs from what was sent: " + diff);
                    return;
                }
                host.then(new FenceParamsStep(host, deadlineMs, items.size()));
            });
        });
    }
}

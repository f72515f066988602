package org.vigie.mission.flight.step;

import java.util.List;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceExporter;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionType;
import org.vigie.mission.FlightOutcome;
import org.vigie.mission.flight.AutopilotFence;
import org.vigie.mission.flight.AutopilotFenceCheck;
import org.vigie.mission.flight.FlightContext;

/**
 * UPLOAD, first step: uploads the district's fence as exported for this autopilot ({@link #export}, the one place the
 * export is made) and reads it back; then the fence parameters follow ({@link FenceParamsStep}). The whole UPLOAD
 * phase shares one deadline ({@code uploadTimeout}) from this step's start, a timer each UPLOAD step arms; the
 * steps themselves move on as the transfers' results arrive, not at the tick.
 *
 * <p>Stages: EXPORT (the export the preflight made, or a new one) -&gt; UPLOADING -&gt; READING_BACK -&gt; done.
 */
public final class FenceUploadStep extends FlightStep {

    private enum Stage { EXPORT, UPLOADING, READING_BACK }

    private Stage stage = Stage.EXPORT;
    private long deadlineMs;

    /** @param host the state machine */
    public FenceUploadStep(StepHost host) {
        super(host);
    }

    /**
     * Exports the district's fence within an autopilot's item budget and prepares the route check against it (the
     * planned routes must keep half the district's margin inside what the autopilot will enforce).
     *
     * @param ctx        the flight context (district, fence frame)
     * @param itemBudget how many fence items the autopilot holds
     * @return the export (refused or exported) with its check
     */
    public static AutopilotFence export(FlightContext ctx, int itemBudget) {
        FenceExport e = new FenceExporter(itemBudget, false).export(ctx.district());
        AutopilotFenceCheck check = e instanceof FenceExport.Exported x ? new AutopilotFenceCheck(ctx.fence().frame(),
                x.items(), ctx.district().horizontalMarginM() / 2) : null;
        return new AutopilotFence(e, check);
    }

    @Override
    protected void step(long now) {
        if (stage != Stage.EXPORT) {
            return;
        }
        deadlineMs = startedMs() + host.cfg().uploadTimeout().toMillis();
        timerAt(deadlineMs, () -> UploadDeadline.expired(host));
        String fenceProblem = host.plan().exportFence(host.strategy());
        if (fenceProblem != null) {
            host.fail(FlightOutcome.REFUSED, "the district's fence cannot be given to the autopilot: " + fenceProblem);
            return;
        }
        List<MissionItem> items = PlanItems.fence(host.plan().fence().items());
        stage = Stage.UPLOADING;
        await(host.ctx().transfers().upload(MissionType.FENCE, items), o -> {
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

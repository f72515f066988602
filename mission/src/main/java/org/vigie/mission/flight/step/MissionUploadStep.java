package org.vigie.mission.flight.step;

import java.util.List;
import org.vigie.link.mission.MissionItem;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;

/**
 * UPLOAD, last step: uploads the planned round trip as the autopilot's mission and reads it back (so a pilot sees the
 * plan and can fly it in AUTO if the companion dies), then enters ARM. Skipped when {@code uploadMission} is off.
 */
public final class MissionUploadStep extends FlightStep {

    private final long deadlineMs;
    private final int fenceItems;
    private boolean deadlineSet;
    private boolean sent;

    /**
     * @param host       the state machine
     * @param deadlineMs the UPLOAD phase's deadline, flight clock milliseconds
     * @param fenceItems how many fence items were uploaded (for the phase's closing sentence)
     */
    public MissionUploadStep(StepHost host, long deadlineMs, int fenceItems) {
        super(host);
        this.deadlineMs = deadlineMs;
        this.fenceItems = fenceItems;
    }

    @Override
    protected void step(long now) {
        if (sent) {
            return;
        }
        if (!deadlineSet) {
            deadlineSet = true;
            timerAt(deadlineMs, () -> UploadDeadline.expired(host));
        }
        if (!host.cfg().uploadMission()) {
            host.enter(FlightPhase.ARM, "fence uploaded, read back and enabled");
            return;
        }
        List<MissionItem> items = PlanItems.mission(host.plan(), host.request(),
                host.ctx().district().transitAltitudeRelM());
        sent = true;
        await(host.ctx().transfers().uploadPlan(items), o -> {
            if (!o.succeeded()) {
                host.fail(FlightOutcome.FAILED, "mission upload failed: " + o.result() + " " + o.detail());
                return;
            }
            await(host.ctx().transfers().downloadPlan(), d -> {
                String diff = PlanItems.compare(items, d);
                if (diff != null) {
                    host.fail(FlightOutcome.FAILED, "mission read back differs: " + diff);
                    return;
                }
                host.enter(FlightPhase.ARM, "fence (" + fenceItems + " items) and mission (" + items.size()
                        + " items) uploaded and read back; fence enabled");
            });
        });
    }
}

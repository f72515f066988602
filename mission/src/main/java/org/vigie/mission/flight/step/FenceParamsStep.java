package org.vigie.mission.flight.step;

import java.util.List;
import java.util.Objects;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.flight.ParamSetting;

/**
 * UPLOAD, second step: sets the strategy's fence parameters one after the other (FENCE_ENABLE last), each confirmed
 * by the echoed PARAM_VALUE (the parameter service retries); then the aircraft profile follows ({@link ProfileParamsStep}).
 */
public final class FenceParamsStep extends FlightStep {

    private final long deadlineMs;
    private final int fenceItems;
    private boolean deadlineSet;
    private int done;
    private boolean waiting;

    /**
     * @param host       the state machine
     * @param deadlineMs the UPLOAD phase's deadline, flight clock milliseconds
     * @param fenceItems how many fence items were uploaded (for the phase's closing sentence)
     */
    public FenceParamsStep(StepHost host, long deadlineMs, int fenceItems) {
        super(host);
        this.deadlineMs = deadlineMs;
        this.fenceItems = fenceItems;
    }

    @Override
    protected void step(long now) {
        if (waiting) {
            return;
        }
        if (!deadlineSet) {
            deadlineSet = true;
            timerAt(deadlineMs, () -> UploadDeadline.expired(host));
        }
        List<ParamSetting> ps = Objects.requireNonNull(host.strategy(), "the autopilot was heard")
                .fenceParameters(host.ctx().district());
        if (done >= ps.size()) {
            host.then(new ProfileParamsStep(host, deadlineMs, fenceItems));
            return;
        }
        ParamSetting p = ps.get(done);
        waiting = true;
        await(host.ctx().params().set(p.name(), p.value()), o -> {
            if (!o.succeeded()) {
                host.fail(FlightOutcome.FAILED, "parameter " + p.name() + " could not be set to " + p.value()
                        + " (" + o.result() + (o.param() == null ? "" : ", autopilot reports " + o.param().value())
                        + " after " + o.attempts() + " attempts)");
                return;
            }
            done++;
            waiting = false;
            kick();
        });
    }
}

package org.vigie.mission.flight.step;

import java.util.List;
import java.util.Objects;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.flight.ProfileApplier;
import org.vigie.mission.flight.ProfileParameters;

/**
 * UPLOAD, third step (when the companion's readiness did not already do it): applies the aircraft profile's
 * parameters all or nothing ({@link ProfileApplier}: each confirmed by echo, restored on a refusal); a profile out of
 * the autopilot's range or refused fails the flight on the ground, naming the parameter. Then the mission follows
 * ({@link MissionUploadStep}).
 */
public final class ProfileParamsStep extends FlightStep {

    private final long deadlineMs;
    private final int fenceItems;
    private boolean sent;

    /**
     * @param host       the state machine
     * @param deadlineMs the UPLOAD phase's deadline, flight clock milliseconds
     * @param fenceItems how many fence items were uploaded (for the phase's closing sentence)
     */
    public ProfileParamsStep(StepHost host, long deadlineMs, int fenceItems) {
        super(host);
        this.deadlineMs = deadlineMs;
        this.fenceItems = fenceItems;
    }

    @Override
    protected void step(long now) {
        if (sent) {
            return;
        }
        sent = true;
        timerAt(deadlineMs, () -> UploadDeadline.expired(host));
        List<ProfileParameters.Setting> settings;
        try {
            settings = ProfileParameters.of(host.telemetry().flavour(), host.cfg().profile());
        } catch (IllegalArgumentException e) {
            host.fail(FlightOutcome.REFUSED, String.valueOf(e.getMessage()));
            return;
        }
        await(new ProfileApplier(Objects.requireNonNull(host.ctx().params(), "params")).apply(settings), r -> {
            if (r instanceof ProfileApplier.Result.Failed f) {
                host.failOnGround(f.describe());
                return;
            }
            host.then(new MissionUploadStep(host, deadlineMs, fenceItems));
        });
    }
}

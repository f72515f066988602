package org.vigie.mission.flight.step;

import org.vigie.mission.FlightOutcome;

/** The one deadline the UPLOAD steps share. */
final class UploadDeadline {

    private UploadDeadline() {
    }

    /** @return true (and the flight failed) when {@code deadlineMs} has passed */
    static boolean passed(StepHost host, long deadlineMs, long nowMs) {
        if (nowMs >= deadlineMs) {
            host.fail(FlightOutcome.FAILED, "upload did not complete within " + host.cfg().uploadTimeout().toSeconds()
                    + " s");
            return true;
        }
        return false;
    }
}

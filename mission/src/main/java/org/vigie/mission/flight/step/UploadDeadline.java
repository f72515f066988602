package org.vigie.mission.flight.step;

import org.vigie.dispatch.FlightOutcome;

/** The one deadline the UPLOAD steps share: each step arms it as its timer when it starts. */
final class UploadDeadline {

    private UploadDeadline() {
    }

    /** Fails the flight: the UPLOAD phase ran out of time. */
    static void expired(StepHost host) {
        host.fail(FlightOutcome.FAILED, "upload did not complete within " + host.cfg().uploadTimeout().toSeconds()
                + " s");
    }
}

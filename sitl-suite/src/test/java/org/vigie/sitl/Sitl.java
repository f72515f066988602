package org.vigie.sitl;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** What every real-ArduCopter test calls first: the installation, or a skip with a sentence (a failure in CI). */
final class Sitl {

    /** SITL speed-up for flights: 5 held on this 2-core machine with two instances at once (see bench/README.md). */
    static final double FLIGHT_SPEEDUP = Double.parseDouble(System.getProperty("vigie.sitl.speedup", "5"));

    private Sitl() {
    }

    static SitlInstallation installation() {
        return SitlInstallation.find().orElseGet(() -> {
            if (SitlInstallation.inCi()) {
                fail("CI=true but " + SitlInstallation.missingMessage().replace(": the real-autopilot suite is"
                        + " skipped", "") + ": the real-autopilot suite must run in CI");
            }
            System.err.println("[sitl-suite] " + SitlInstallation.missingMessage());
            Assumptions.abort(SitlInstallation.missingMessage());
            return null;
        });
    }
}

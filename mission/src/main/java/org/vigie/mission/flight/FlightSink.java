package org.vigie.mission.flight;

import org.vigie.mission.FlightEvent;
import org.vigie.mission.FlightReport;

/**
 * Where a {@link FlightController} reports. Called on the event thread; implementations must hand off to their own
 * executor and return quickly.
 */
public interface FlightSink {

    /** @param event something that happened */
    void event(FlightEvent event);

    /** @param report the final report, exactly once */
    void finished(FlightReport report);
}

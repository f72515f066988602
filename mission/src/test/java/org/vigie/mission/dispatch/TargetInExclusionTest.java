package org.vigie.mission.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.mission.FlightReport;
import org.vigie.mission.sim.SimHarness;

/**
 * A target inside an exclusion zone is flown to the nearest reachable point, and the dispatcher is told so plainly:
 * in the ACK, the flight's events and the report, with the zone's name from the district.
 */
class TargetInExclusionTest {

    private static final Pattern SENTENCE = Pattern.compile("target lies in exclusion 'police cordon'; on scene at"
            + " the nearest reachable point, (\\d+) m away");

    @Test
    void theAckTheEventsAndTheReportSayWhereTheFlightGoesInstead() throws Exception {
        District arsenal = SimHarness.quartier("Arsenal");
        GeoPoint centre = DemoZones.offset(arsenal, 150, 100);
        District d = arsenal.toBuilder().exclusion(new CircleExclusion("police cordon", "incident", centre, 35))
                .build();
        try (DispatchHarness h = new DispatchHarness(d, CompanionOptions.defaults(), DispatchServerOptions.defaults(),
                DispatchHarness.clientOptions(7))) {
            h.sim.advance(Duration.ofSeconds(2));
            DispatchRequest req = SimHarness.request("COR-1", centre).build();
            DispatchAck ack = h.await(h.record(h.client.dispatch(req, DispatchHarness.DRONE)), Duration.ofSeconds(5));
            assertThat(ack).isNotNull();
            assertThat(ack.status()).as(ack.message()).isEqualTo(AckStatus.ACCEPTED);
            Matcher m = SENTENCE.matcher(ack.message());
            assertThat(m.find()).as(ack.message()).isTrue();
            int metres = Integer.parseInt(m.group(1));
            assertThat(metres).as("the cordon's radius plus the 10 m margin").isBetween(44, 47);

            Flight f = h.sim.companion.currentFlight().orElseThrow();
            FlightEvent.TargetMoved moved = f.events().stream().filter(FlightEvent.TargetMoved.class::isInstance)
                    .map(FlightEvent.TargetMoved.class::cast).findFirst().orElseThrow();
            assertThat(moved.standOff().zoneName()).isEqualTo("police cordon");
            assertThat(ack.message()).contains(moved.message());

            FlightReport r = h.sim.fly(f, Duration.ofMinutes(15));
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(r.standOff()).isNotNull();
            assertThat(r.standOff().zoneName()).isEqualTo("police cordon");
            assertThat(r.standOff().sentence()).matches(SENTENCE);
            assertThat(r.standOff().distanceM()).isBetween(44.0, 47.0);
        }
    }
}

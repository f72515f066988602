package org.vigie.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.centre.DispatchPolicy.DroneSituation;
import org.vigie.centre.fleet.Availability;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.FlightPhase;

/** The decision policy as a pure function, table-driven: the district's drone and the incident → decision + reason. */
class DispatchPolicyTest {

    private static final DispatchPriority ROUTINE = DispatchPriority.ROUTINE;
    private static final DispatchPriority URGENT = DispatchPriority.URGENT;
    private static final DispatchPriority EMERGENCY = DispatchPriority.EMERGENCY;

    private static DroneSituation ready() {
        return new DroneSituation(4, Availability.READY, "ready", null, false, null, null, null);
    }

    private static DroneSituation flying(FlightPhase phase, @Nullable String current,
                                         @Nullable DispatchPriority currentPriority, @Nullable String ordering) {
        Availability a = phase == FlightPhase.RETURN || phase == FlightPhase.LAND ? Availability.RETURNING
                : Availability.IN_FLIGHT;
        return new DroneSituation(4, a, "flight 9", phase, true, ordering, current, currentPriority);
    }

    private static Arguments row(String situation, @Nullable DroneSituation drone, DispatchPriority priority,
                                 Class<? extends Decision> decision, String reason) {
        return Arguments.of(situation, drone, priority, decision, reason);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("no drone in the district", null, URGENT, Decision.Refuse.class,
                        "no drone serves district 'D7'"),
                row("drone down", new DroneSituation(4, Availability.DOWN, "silent for 31 s (limit 30 s)", null,
                        false, null, null, null), EMERGENCY, Decision.Refuse.class,
                        "drone 4 of district 'D7' is down: silent for 31 s (limit 30 s)"),
                row("drone in maintenance", new DroneSituation(4, Availability.MAINTENANCE, "flight failed: EKF",
                        null, false, null, null, null), EMERGENCY, Decision.Refuse.class,
                        "drone 4 of district 'D7' is in maintenance: flight failed: EKF"),
                row("ready drone", ready(), ROUTINE, Decision.Launch.class, "drone 4 of district 'D7' is ready"),
                row("ready drone already being ordered", new DroneSituation(4, Availability.READY, "ready", null,
                        false, "I000003", null, null), EMERGENCY, Decision.Queue.class,
                        "drone 4 is being ordered to I000003"),
                row("flying home and free", flying(FlightPhase.RETURN, null, null, null), ROUTINE,
                        Decision.Retask.class, "drone 4 is flying home and free"),
                row("strictly more urgent than the current incident", flying(FlightPhase.TRANSIT, "I000001", URGENT,
                        null), EMERGENCY, Decision.Retask.class,
                        "drone 4 is airborne (TRANSIT) for I000001 (URGENT); I000002 is EMERGENCY"),
                row("as urgent as the current incident", flying(FlightPhase.ON_SCENE, "I000001", URGENT, null),
                        URGENT, Decision.Queue.class, "drone 4 is IN_FLIGHT for I000001 (URGENT)"),
                row("less urgent than the current incident", flying(FlightPhase.TRANSIT, "I000001", EMERGENCY,
                        null), ROUTINE, Decision.Queue.class, "drone 4 is IN_FLIGHT for I000001 (EMERGENCY)"),
                row("landing: not retaskable", flying(FlightPhase.LAND, "I000001", ROUTINE, null), EMERGENCY,
                        Decision.Queue.class, "drone 4 is RETURNING for I000001 (ROUTINE)"),
                row("airborne but an order is in progress", flying(FlightPhase.TRANSIT, "I000001", ROUTINE,
                        "I000005"), EMERGENCY, Decision.Queue.class,
                        "drone 4 is IN_FLIGHT for I000001 (ROUTINE), being ordered to I000005"),
                row("ordered but not yet airborne", new DroneSituation(4, Availability.IN_FLIGHT, "ordered",
                        FlightPhase.PREFLIGHT, false, null, "I000001", ROUTINE), EMERGENCY, Decision.Queue.class,
                        "drone 4 is IN_FLIGHT for I000001 (ROUTINE)"),
                row("charging", new DroneSituation(4, Availability.CHARGING, "charging for 300 s", null, false,
                        null, null, null), EMERGENCY, Decision.Queue.class, "drone 4 is CHARGING"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWithItsReason(String situation, @Nullable DroneSituation drone, DispatchPriority priority,
                              Class<? extends Decision> expected, String reason) {
        Decision d = DispatchPolicy.decide(drone, "D7", "I000002", priority);
        assertThat(d).as(situation).isInstanceOf(expected);
        assertThat(d.reason()).as(situation).isEqualTo(reason);
    }

    static Stream<Arguments> nextTable() {
        return Stream.of(
                Arguments.of("ready", ready(), true),
                Arguments.of("ready but being ordered", new DroneSituation(4, Availability.READY, "ready", null,
                        false, "I000003", null, null), false),
                Arguments.of("flying home", flying(FlightPhase.RETURN, null, null, null), true),
                Arguments.of("flying home but being ordered", flying(FlightPhase.RETURN, null, null, "I000003"),
                        false),
                Arguments.of("landing", flying(FlightPhase.LAND, null, null, null), false),
                Arguments.of("in transit", flying(FlightPhase.TRANSIT, "I000001", URGENT, null), false),
                Arguments.of("charging", new DroneSituation(4, Availability.CHARGING, "charging", null, false, null,
                        null, null), false),
                Arguments.of("down", new DroneSituation(4, Availability.DOWN, "never heard", null, false, null,
                        null, null), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nextTable")
    void takesTheHeadOfItsQueueOnlyWhenReadyOrFlyingHomeWithNoOrderPending(String situation, DroneSituation drone,
                                                                          boolean takes) {
        assertThat(drone.canTakeNext()).as(situation).isEqualTo(takes);
    }
}

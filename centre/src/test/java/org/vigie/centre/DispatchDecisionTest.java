package org.vigie.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.centre.alert.Refusal;
import org.vigie.centre.fleet.Availability;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;

/** The centre's decisions as pure logic on a ManualScheduler, the drones answered by hand. */
class DispatchDecisionTest {

    @Test
    void aReadyDroneLaunchesTheAgentConfirmsAndTheIncidentEndsOnScene() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.READY);
            IntakeResult r = rig.press("A0");
            String id = CentreRig.id(r);
            assertThat(r).isInstanceOf(IntakeResult.Opened.class);
            assertThat(rig.lastOrder().kind()).isEqualTo("dispatch");
            assertThat(rig.lastOrder().drone()).isEqualTo(1);
            assertThat(rig.lastOrder().request().alertId()).isEqualTo(id);
            assertThat(rig.lastOrder().request().priority()).isEqualTo(DispatchPriority.URGENT);
            assertThat(rig.incident(id).state()).isEqualTo(IncidentState.ORDERED);

            rig.answer(AckStatus.ACCEPTED, 7, "flight 7");
            assertThat(rig.incident(id).state()).isEqualTo(IncidentState.FLYING);
            assertThat(rig.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CentreEvent.AgentAsked.class,
                    a -> assertThat(a.agentId()).isEqualTo("A1")));
            rig.status(1, 7, FlightPhase.TAKEOFF, id);
            assertThat(rig.incident(id).launchedAt()).isNotNull();
            assertThat(rig.get(rig.centre.confirm("A2", id)).done()).isFalse();
            AgentAnswer ok = rig.get(rig.centre.confirm("A1", id));
            assertThat(ok.done()).as(ok.message()).isTrue();
            rig.advanceHeard(Duration.ofSeconds(30));
            rig.status(1, 7, FlightPhase.TRANSIT, id);
            rig.status(1, 7, FlightPhase.ON_SCENE, id);
            IncidentView v = rig.incident(id);
            assertThat(v.state()).isEqualTo(IncidentState.ON_SCENE);
            assertThat(v.onSceneAt()).isAfter(v.launchedAt());
            rig.advanceHeard(Duration.ofSeconds(120));
            assertThat(rig.orders).hasSize(1);
            assertThat(rig.records(CentreAction.CONFIRMED)).singleElement()
                    .satisfies(c -> assertThat(c.actor()).isEqualTo("A1"));
            assertThat(rig.records(CentreAction.AGENT_REFUSED)).singleElement()
                    .satisfies(c -> assertThat(c.reason()).contains("A2 is not on duty for drone 1"));

            rig.status(1, 7, FlightPhase.RETURN, id);
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.RETURNING);
            rig.ended(1, 7, FlightOutcome.COMPLETED, id);
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.CHARGING);
            rig.advanceHeard(Duration.ofMinutes(5));
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.READY);
        }
    }

    @Test
    void pressesNearTheSamePlaceMergeAndAFloodFromOneButtonIsRefusedAndCounted() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            String id = CentreRig.id(rig.press("A0"));
            IntakeResult second = rig.press("A0b");
            assertThat(second).isInstanceOf(IntakeResult.Merged.class);
            assertThat(CentreRig.id(second)).isEqualTo(id);
            for (int i = 0; i < 4; i++) {
                assertThat(rig.press("A0")).isInstanceOf(IntakeResult.Merged.class);
            }
            IntakeResult flood = rig.press("A0");
            assertThat(flood).isInstanceOfSatisfying(IntakeResult.Refused.class, f -> {
                assertThat(f.refusal().code()).isEqualTo(Refusal.Code.FLOOD);
                assertThat(f.refusal().field()).isEqualTo("buttonId");
                assertThat(f.refusal().message()).contains("more than 5 alerts within 60 s");
            });
            for (int i = 0; i < 100; i++) {
                rig.press("A0");
            }
            assertThat(rig.incident(id).alerts()).isEqualTo(6);
            assertThat(rig.orders).hasSize(1);
            CentreStats s = rig.centre.stats();
            assertThat(s.opened()).isEqualTo(1);
            assertThat(s.merged()).isEqualTo(5);
            assertThat(s.refusedFlood()).isEqualTo(101);
            assertThat(rig.drone(2).availability()).isEqualTo(Availability.READY);

            // after the window the button is heard again, and far presses open incidents of their own
            rig.advance(Duration.ofMinutes(6));
            rig.centre.heard(1);
            rig.centre.heard(2);
            assertThat(rig.press("A0")).isInstanceOf(IntakeResult.Opened.class);
        }
    }

    @Test
    void aBusyDroneQueuesByPriorityAndAgeAndIsRetaskedOnlyForAStrictlyMoreUrgentIncident() throws Exception {
        CentreOptions o = CentreOptions.defaults().withTurnaround(Duration.ZERO);
        try (CentreRig rig = new CentreRig(o)) {
            String first = CentreRig.id(rig.press("A0"));
            rig.answer(AckStatus.ACCEPTED, 7, "");
            rig.status(1, 7, FlightPhase.TAKEOFF, first);
            rig.status(1, 7, FlightPhase.TRANSIT, first);
            rig.get(rig.centre.confirm("A1", first));

            String second = CentreRig.id(rig.press("A1"));
            IncidentView q = rig.incident(second);
            assertThat(q.state()).isEqualTo(IncidentState.QUEUED);
            assertThat(q.reason()).contains("drone 1 is IN_FLIGHT for " + first + " (URGENT)");
            assertThat(rig.orders).hasSize(1);

            String urgentToo = CentreRig.id(rig.press("A3"));
            assertThat(rig.incident(urgentToo).state()).isEqualTo(IncidentState.QUEUED);

            // a personal device is EMERGENCY: strictly more urgent, the airborne drone is retasked
            String emergency = CentreRig.id(rig.press("A2"));
            assertThat(rig.incident(emergency).kind()).isEqualTo(IncidentKind.PERSONAL_DEVICE);
            assertThat(rig.lastOrder().kind()).isEqualTo("retask");
            assertThat(rig.lastOrder().flightId()).isEqualTo(7);
            rig.answer(AckStatus.RETASKED, 7, "retasked");
            assertThat(rig.incident(emergency).state()).isEqualTo(IncidentState.FLYING);
            IncidentView preempted = rig.incident(first);
            assertThat(preempted.state()).isEqualTo(IncidentState.QUEUED);
            assertThat(preempted.reason()).contains("preempted by " + emergency);
            assertThat(rig.records(CentreAction.PREEMPTED)).hasSize(1);

            rig.status(1, 7, FlightPhase.ON_SCENE, emergency);
            assertThat(rig.incident(emergency).state()).isEqualTo(IncidentState.ON_SCENE);
            // flying home and free: retasked to the queue's head, the oldest of the URGENT ones
            rig.status(1, 7, FlightPhase.RETURN, emergency);
            assertThat(rig.lastOrder().kind()).isEqualTo("retask");
            assertThat(rig.lastOrder().request().alertId()).isEqualTo(first);
            rig.answer(AckStatus.RETASKED, 7, "");
            rig.status(1, 7, FlightPhase.TRANSIT, first);
            rig.status(1, 7, FlightPhase.ON_SCENE, first);
            rig.status(1, 7, FlightPhase.RETURN, first);
            assertThat(rig.lastOrder().request().alertId()).isEqualTo(second);
            // this time the drone refuses (battery): the incident waits for the landing, then launches
            rig.answer(AckStatus.REFUSED_RETASK, 0, "not enough energy for the new target");
            assertThat(rig.incident(second).state()).isEqualTo(IncidentState.QUEUED);
            rig.ended(1, 7, FlightOutcome.COMPLETED, first);
            assertThat(rig.lastOrder().kind()).isEqualTo("dispatch");
            assertThat(rig.lastOrder().request().alertId()).isEqualTo(second);
            rig.answer(AckStatus.ACCEPTED, 8, "");
            rig.status(1, 8, FlightPhase.ON_SCENE, second);
            rig.status(1, 8, FlightPhase.RETURN, second);
            assertThat(rig.lastOrder().request().alertId()).isEqualTo(urgentToo);
            assertThat(rig.centre.stats().retasks()).isEqualTo(2);
            assertThat(rig.centre.stats().queued()).isEqualTo(3);
        }
    }

    @Test
    void refusalsSayWhyNoDroneNoAgentOutsideEveryDistrictUnknownButtonAndTheDronesOwnRefusal() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            String g = CentreRig.id(rig.press("G0"));
            assertThat(rig.incident(g).state()).isEqualTo(IncidentState.REFUSED);
            assertThat(rig.incident(g).reason()).contains("no drone serves district 'Saint-Gervais'");

            IntakeResult unknown = rig.press("NOPE");
            assertThat(unknown).isInstanceOfSatisfying(IntakeResult.Refused.class,
                    f -> assertThat(f.refusal().message()).isEqualTo("button 'NOPE' is not registered (7 buttons "
                            + "known)"));
            IntakeResult outside = rig.get(rig.centre.submit(new Alert.CallerPosition("c1", 48.80, 2.20,
                    DispatchPriority.URGENT, "smoke")));
            assertThat(outside).isInstanceOfSatisfying(IntakeResult.Refused.class, f -> {
                assertThat(f.refusal().code()).isEqualTo(Refusal.Code.OUTSIDE_DISTRICTS);
                assertThat(f.refusal().message()).contains("outside every district of the city (3 districts)");
            });
            IntakeResult badLat = rig.get(rig.centre.submit(new Alert.CallerPosition("c1", 91, 2.3,
                    DispatchPriority.URGENT, "smoke")));
            assertThat(badLat).isInstanceOfSatisfying(IntakeResult.Refused.class,
                    f -> assertThat(f.refusal().field()).isEqualTo("lat"));

            rig.centre.setRoster(Roster.empty().assign(1, "A1"));
            String m = CentreRig.id(rig.press("M0"));
            assertThat(rig.incident(m).reason()).contains("no agent on duty watches drone 2");

            String a = CentreRig.id(rig.press("A0"));
            rig.answer(AckStatus.REFUSED_PLAN, 0, "target inside a no-fly zone");
            assertThat(rig.incident(a).state()).isEqualTo(IncidentState.REFUSED);
            assertThat(rig.incident(a).reason()).contains("drone 1 refused: REFUSED_PLAN target inside a no-fly zone");
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.READY);
            CentreStats s = rig.centre.stats();
            assertThat(s.refusedUnknownButton()).isEqualTo(1);
            assertThat(s.refusedOutside()).isEqualTo(1);
            assertThat(s.refusedInvalid()).isEqualTo(1);
            assertThat(s.refused()).isEqualTo(3);
        }
    }

    @Test
    void aSilentDroneIsDownItsDistrictUncoveredItsQueueRefusedAndItComesBackWhenHeard() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            String first = CentreRig.id(rig.press("A0"));
            rig.answer(AckStatus.ACCEPTED, 7, "");
            rig.status(1, 7, FlightPhase.TRANSIT, first);
            String queued = CentreRig.id(rig.press("A1"));
            assertThat(rig.incident(queued).state()).isEqualTo(IncidentState.QUEUED);
            for (int i = 0; i < 12; i++) {
                rig.centre.heard(2);
                rig.advance(Duration.ofSeconds(1));
            }
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.DOWN);
            assertThat(rig.drone(2).availability()).isEqualTo(Availability.READY);
            assertThat(rig.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CentreEvent.DroneDown.class,
                    d -> assertThat(d.district()).isEqualTo("Arsenal")));
            assertThat(rig.incident(queued).state()).isEqualTo(IncidentState.REFUSED);
            assertThat(rig.incident(queued).reason()).contains("is down: silent for 1");
            assertThat(rig.incident(first).state()).isEqualTo(IncidentState.REFUSED);
            String later = CentreRig.id(rig.press("A3"));
            assertThat(rig.incident(later).reason()).contains("drone 1 of district 'Arsenal' is down");

            rig.centre.heard(1);
            rig.step();
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.IN_FLIGHT);
            assertThat(rig.events).anySatisfy(e -> assertThat(e).isInstanceOf(CentreEvent.DroneBack.class));
            assertThat(rig.centre.stats().dronesDown()).isEqualTo(1);
        }
    }

    @Test
    void anUnconfirmedLaunchIsRecalledAtTheDeadlineAndAnUnapprovedCallerAlertIsRefused() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            String id = CentreRig.id(rig.press("A0"));
            rig.answer(AckStatus.ACCEPTED, 7, "");
            rig.status(1, 7, FlightPhase.TAKEOFF, id);
            rig.advanceHeard(Duration.ofSeconds(61));
            IncidentView v = rig.incident(id);
            assertThat(v.state()).isEqualTo(IncidentState.CANCELLED);
            assertThat(v.reason()).isEqualTo("agent A1 did not confirm within 60 s: drone recalled");
            assertThat(rig.lastOrder().kind()).isEqualTo("cancel");
            assertThat(rig.lastOrder().flightId()).isEqualTo(7);
            assertThat(rig.records(CentreAction.CONFIRMATION_TIMEOUT)).hasSize(1);

            IntakeResult call = rig.get(rig.centre.submit(new Alert.CallerPosition("operator-17",
                    rig.merri.home().latDeg(), rig.merri.home().lonDeg(), DispatchPriority.URGENT, "fight reported")));
            String c = CentreRig.id(call);
            assertThat(rig.incident(c).state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
            int ordersBefore = rig.orders.size();
            rig.advanceHeard(Duration.ofSeconds(61));
            assertThat(rig.incident(c).state()).isEqualTo(IncidentState.REFUSED);
            assertThat(rig.incident(c).reason()).isEqualTo("agent A2 did not approve within 60 s");
            assertThat(rig.orders).hasSize(ordersBefore);
        }
    }

    @Test
    void agentsApproveCancelRecallAndRetaskWithTheirIdentityInTheOrderAndTheRecord() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            String c = CentreRig.id(rig.get(rig.centre.submit(new Alert.CallerPosition("operator-17",
                    rig.merri.home().latDeg(), rig.merri.home().lonDeg(), DispatchPriority.URGENT, "fight"))));
            assertThat(rig.get(rig.centre.approve("A1", c)).message()).contains("A1 is not on duty for drone 2");
            AgentAnswer a = rig.get(rig.centre.approve("A2", c));
            assertThat(a.done()).as(a.message()).isTrue();
            assertThat(rig.lastOrder().requesterId()).isEqualTo("A2");
            rig.answer(AckStatus.ACCEPTED, 21, "");
            assertThat(rig.events).noneSatisfy(e -> assertThat(e).isInstanceOfSatisfying(CentreEvent.AgentAsked.class,
                    x -> assertThat(x.approval()).isFalse()));
            AgentAnswer cancel = rig.get(rig.centre.cancel("A2", c, "false alarm, caller called back"));
            assertThat(cancel.done()).isTrue();
            assertThat(rig.incident(c).state()).isEqualTo(IncidentState.CANCELLED);
            assertThat(rig.lastOrder().kind()).isEqualTo("cancel");
            assertThat(rig.lastOrder().requesterId()).isEqualTo("A2");
            assertThat(rig.lastOrder().reason()).contains("false alarm");

            // drone 1: flying to A0, an agent retasks it to a queued incident, then recalls it
            String first = CentreRig.id(rig.press("A0"));
            rig.answer(AckStatus.ACCEPTED, 7, "");
            rig.status(1, 7, FlightPhase.TRANSIT, first);
            String queued = CentreRig.id(rig.press("A1"));
            assertThat(rig.get(rig.centre.retask("A1", 1, c)).message()).contains("is CANCELLED");
            AgentAnswer rt = rig.get(rig.centre.retask("A1", 1, queued));
            assertThat(rt.done()).as(rt.message()).isTrue();
            assertThat(rig.lastOrder().kind()).isEqualTo("retask");
            assertThat(rig.lastOrder().requesterId()).isEqualTo("A1");
            rig.answer(AckStatus.RETASKED, 7, "");
            assertThat(rig.incident(first).state()).isEqualTo(IncidentState.QUEUED);
            AgentAnswer recall = rig.get(rig.centre.recall("A1", 1, "weather"));
            assertThat(recall.done()).isTrue();
            assertThat(rig.incident(queued).state()).isEqualTo(IncidentState.CANCELLED);
            assertThat(rig.lastOrder().kind()).isEqualTo("cancel");
            assertThat(rig.records(CentreAction.RECALL)).allSatisfy(r -> assertThat(r.actor()).isIn("A1", "A2"));
            assertThat(rig.recorder.records()).filteredOn(r -> r.action() == CentreAction.CANCEL)
                    .extracting(CentreRecord::actor).containsExactly("A2", "A1");

            rig.ended(1, 7, FlightOutcome.FAILED, queued);
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.MAINTENANCE);
            assertThat(rig.events).anySatisfy(e -> assertThat(e).isInstanceOf(CentreEvent.MaintenanceNeeded.class));
            assertThat(rig.get(rig.centre.setInService("A1", 1, true, "inspected")).done()).isTrue();
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.READY);
            assertThat(rig.incident(first).state()).isEqualTo(IncidentState.REFUSED);
            assertThat(rig.incident(first).reason()).contains("in maintenance after a failed flight");
            AgentAnswer off = rig.get(rig.centre.setInService("A1", 1, false, "propeller check"));
            assertThat(off.done()).isTrue();
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.MAINTENANCE);
        }
    }

    @Test
    void aDroneThatNeverAnswersIsUnreachableAndDownAndOnlyItsDistrictIsAffected() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            String id = CentreRig.id(rig.press("A0"));
            rig.answer(AckStatus.NO_ANSWER, 0, "no answer from drone 1 after 4 attempts over 6.0 s");
            assertThat(rig.incident(id).state()).isEqualTo(IncidentState.REFUSED);
            assertThat(rig.incident(id).reason()).startsWith("drone 1 is unreachable");
            assertThat(rig.drone(1).availability()).isEqualTo(Availability.DOWN);
            String m = CentreRig.id(rig.press("M0"));
            assertThat(rig.lastOrder().drone()).isEqualTo(2);
            assertThat(rig.incident(m).state()).isEqualTo(IncidentState.ORDERED);
        }
    }

    @Test
    void aBusyAnswerForAFlightTheCentreDidNotStartQueuesTheIncidentAndAsksAgainLater() throws Exception {
        try (CentreRig rig = new CentreRig(CentreOptions.defaults())) {
            String id = CentreRig.id(rig.press("A0"));
            rig.answer(AckStatus.REFUSED_BUSY, 0, "flying alert X-9 for another console");
            assertThat(rig.incident(id).state()).isEqualTo(IncidentState.QUEUED);
            assertThat(rig.drone(1).note()).contains("asked again in 30 s");
            rig.advanceHeard(Duration.ofSeconds(31));
            assertThat(rig.orders).hasSize(2);
            assertThat(rig.lastOrder().request().alertId()).isEqualTo(id);
            rig.answer(AckStatus.ACCEPTED, 9, "");
            assertThat(rig.incident(id).state()).isEqualTo(IncidentState.FLYING);
        }
    }
}

package org.vigie.centre;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.CentreLog.Counter;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.centre.fleet.Availability;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.FlightPhase;

/**
 * The agents' desk: the on-duty {@link Roster}, approval requests and their deadlines (approve-first kinds),
 * confirmation requests and their deadlines (launch-then-confirm kinds), and the agents' actions (approve, confirm,
 * cancel, recall, retask, take out of service), each checked against the roster and recorded with the agent's
 * identity. Actions run on the event thread and answer synchronously; the roster may be replaced from any thread.
 */
final class AgentDesk {

    private final CentreContext ctx;
    private final CentreLog log;
    private final Dispatcher dispatcher;
    private volatile Roster roster = Roster.empty();

    AgentDesk(CentreContext ctx, Dispatcher dispatcher) {
        this.ctx = ctx;
        this.log = ctx.log();
        this.dispatcher = dispatcher;
    }

    /** @return the agents on duty now (any thread) */
    Roster roster() {
        return roster;
    }

    /** @param r the agents on duty from now on (any thread) */
    void setRoster(Roster r) {
        this.roster = Objects.requireNonNull(r, "roster");
    }

    /** As {@link DispatchCentre#approve}, on the event thread. */
    AgentAnswer approve(String agentId, String incidentId) {
        return agent(agentId, incidentId, 0, (inc, d) -> {
            if (inc.state != IncidentState.AWAITING_APPROVAL) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " is " + inc.state
                        + ", not awaiting approval");
            }
            inc.cancelDeadline();
            inc.confirmed = true;
            inc.orderedBy = agentId;
            log.record(agentId, CentreAction.APPROVED, inc.id, d.id(), "approved by agent " + agentId);
            dispatcher.decide(inc, agentId);
            return done("approved: " + inc.state + " (" + inc.reason + ")");
        });
    }

    /** As {@link DispatchCentre#confirm}, on the event thread. */
    AgentAnswer confirm(String agentId, String incidentId) {
        return agent(agentId, incidentId, 0, (inc, d) -> {
            if (!inc.awaitingConfirmation) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " awaits no confirmation");
            }
            inc.awaitingConfirmation = false;
            inc.confirmed = true;
            inc.cancelDeadline();
            log.record(agentId, CentreAction.CONFIRMED, inc.id, d.id(), "launch confirmed by agent " + agentId);
            return done("confirmed");
        });
    }

    /** As {@link DispatchCentre#cancel}, on the event thread. */
    AgentAnswer cancel(String agentId, String incidentId, String reason) {
        return agent(agentId, incidentId, 0, (inc, d) -> {
            if (inc.state.terminal()) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " has already ended "
                        + inc.state);
            }
            dispatcher.cancelIncident(inc, agentId, "cancelled by agent " + agentId + ": " + text(reason));
            return done("cancelled");
        });
    }

    /** As {@link DispatchCentre#recall}, on the event thread. */
    AgentAnswer recall(String agentId, int droneSystemId, String reason) {
        return agent(agentId, null, droneSystemId, (inc, d) -> {
            if (d.flightId == 0) {
                return refusedAgent(agentId, null, d.id(), "drone " + d.id() + " has no flight to recall");
            }
            Incident current = d.incident;
            if (current != null && !current.state.terminal()) {
                dispatcher.cancelIncident(current, agentId, "recalled by agent " + agentId + ": " + text(reason));
            } else {
                dispatcher.recallDrone(d, agentId, "recalled by agent " + agentId + ": " + text(reason));
            }
            return done("recalled drone " + d.id());
        });
    }

    /** As {@link DispatchCentre#retask}, on the event thread. */
    AgentAnswer retask(String agentId, int droneSystemId, String incidentId) {
        return agent(agentId, incidentId, droneSystemId, (inc, d) -> {
            if (inc.state.terminal() || inc.state == IncidentState.ORDERED || inc.state == IncidentState.FLYING) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " is " + inc.state);
            }
            if (!inc.district.equals(d.record.district())) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " is in district '"
                        + inc.district + "', drone " + d.id() + " serves '" + d.record.district()
                        + "': a drone never leaves its district");
            }
            if (d.ordering != null) {
                return refusedAgent(agentId, inc.id, d.id(), "drone " + d.id() + " is already being ordered");
            }
            boolean ready = d.availability == Availability.READY;
            boolean airborne = d.airborne() && d.phase != FlightPhase.LAND;
            if (!ready && !airborne) {
                return refusedAgent(agentId, inc.id, d.id(), "drone " + d.id() + " is " + d.availability
                        + " and cannot take an order now");
            }
            d.queue.remove(inc);
            inc.cancelDeadline();
            inc.confirmed = true;
            inc.awaitingConfirmation = false;
            if (ready) {
                dispatcher.launch(d, inc, agentId, "agent " + agentId + " sends ready drone " + d.id() + " to "
                        + inc.id);
            } else {
                dispatcher.retaskDrone(d, inc, agentId, "agent " + agentId + " retasks drone " + d.id() + " to "
                        + inc.id);
            }
            return done("ordered drone " + d.id() + " to " + inc.id);
        });
    }

    /** As {@link DispatchCentre#setInService}, on the event thread. */
    AgentAnswer setInService(String agentId, int droneSystemId, boolean inService,
                                                       String reason) {
        return agent(agentId, null, droneSystemId, (inc, d) -> {
            String why = (inService ? "returned to service" : "taken out of service") + " by agent " + agentId
                    + ": " + text(reason);
            log.record(agentId, CentreAction.MAINTENANCE, null, d.id(), why);
            if (!inService) {
                d.availability = Availability.MAINTENANCE;
                d.note = why;
                dispatcher.refuseQueue(d, "drone " + d.id() + " of district '" + d.record.district()
                        + "' is in maintenance");
            } else if (d.availability == Availability.MAINTENANCE) {
                dispatcher.ready(d, why);
            }
            return done(why);
        });
    }

    /** A new incident: refused without a drone or an agent; approve-first waits for the agent; else decided. */
    void route(Incident inc) {
        Drone d = ctx.fleet().inDistrict(inc.district);
        if (d == null) {
            dispatcher.refuse(inc, "no drone serves district '" + inc.district + "'");
            return;
        }
        Optional<String> agent = roster.agentFor(d.id());
        if (agent.isEmpty()) {
            dispatcher.refuse(inc, "no agent on duty watches drone " + d.id() + " of district '" + inc.district + "'");
            return;
        }
        KindPolicy policy = ctx.options().policy(inc.kind);
        if (policy.mode() == AgentMode.APPROVE_FIRST) {
            inc.state = IncidentState.AWAITING_APPROVAL;
            Instant deadline = ctx.scheduler().now().plus(policy.deadline());
            inc.reason = "waiting for agent " + agent.get() + "'s approval (" + inc.kind + " incidents are approved "
                    + "first), deadline " + policy.deadline().toSeconds() + " s";
            log.record(CentreAction.APPROVAL_REQUESTED, inc.id, d.id(), inc.reason);
            inc.deadline = ctx.scheduler().schedule(policy.deadline(), () -> {
                if (inc.state == IncidentState.AWAITING_APPROVAL) {
                    dispatcher.refuse(inc, "agent " + agent.get() + " did not approve within "
                            + policy.deadline().toSeconds() + " s");
                }
            });
            log.changed(inc);
            log.emit(new CentreEvent.AgentAsked(agent.get(), inc.view(), true, deadline));
            return;
        }
        dispatcher.decide(inc, log.centreId());
    }

    /** A drone accepted an order: under launch-then-confirm, asks the on-duty agent to confirm in time. */
    void askConfirmation(Drone d, Incident inc) {
        KindPolicy policy = ctx.options().policy(inc.kind);
        if (inc.confirmed || policy.mode() != AgentMode.LAUNCH_THEN_CONFIRM) {
            return;
        }
        String agent = roster.agentFor(d.id()).orElse("(nobody on duty)");
        inc.awaitingConfirmation = true;
        Instant deadline = ctx.scheduler().now().plus(policy.deadline());
        log.record(CentreAction.CONFIRMATION_REQUESTED, inc.id, d.id(), "agent " + agent
                + " must confirm within " + policy.deadline().toSeconds() + " s");
        inc.cancelDeadline();
        inc.deadline = ctx.scheduler().schedule(policy.deadline(), () -> {
            if (!inc.awaitingConfirmation) {
                return;
            }
            inc.awaitingConfirmation = false;
            String why = "agent " + agent + " did not confirm within " + policy.deadline().toSeconds()
                    + " s: drone recalled";
            log.record(CentreAction.CONFIRMATION_TIMEOUT, inc.id, d.id(), why);
            if (!inc.state.terminal()) {
                dispatcher.cancelIncident(inc, log.centreId(), why);
            } else if (d.incident == inc && d.flightId != 0) {
                dispatcher.recallDrone(d, log.centreId(), why);
            }
        });
        log.emit(new CentreEvent.AgentAsked(agent, inc.view(), false, deadline));
    }

    private interface AgentAction {
        AgentAnswer apply(Incident inc, Drone d);
    }

    /** Checks the agent is named and on duty for the drone concerned, then applies the action. */
    private AgentAnswer agent(String agentId, @Nullable String incidentId, int droneSystemId, AgentAction action) {
        if (agentId == null || agentId.isBlank()) {
            log.count(Counter.AGENT_REFUSED);
            return new AgentAnswer(false, "agentId is missing: every agent action names its agent");
        }
        Incident inc = null;
        if (incidentId != null) {
            inc = ctx.book().get(incidentId);
            if (inc == null) {
                return refusedAgent(agentId, incidentId, droneSystemId, "incident '" + incidentId
                        + "' is unknown");
            }
        }
        Drone d = droneSystemId != 0 ? ctx.fleet().get(droneSystemId)
                : inc != null ? ctx.fleet().inDistrict(inc.district) : null;
        if (d == null) {
            return refusedAgent(agentId, incidentId, droneSystemId, droneSystemId != 0 ? "drone "
                    + droneSystemId + " is not registered" : "no drone serves the incident's district");
        }
        String onDuty = roster.agentFor(d.id()).orElse(null);
        if (!agentId.equals(onDuty)) {
            return refusedAgent(agentId, incidentId, d.id(), "agent " + agentId + " is not on duty for drone "
                    + d.id() + (onDuty == null ? " (nobody is)" : " (agent " + onDuty + " is)"));
        }
        AgentAnswer a = action.apply(inc == null ? placeholder(d) : inc, d);
        if (a.done()) {
            log.count(Counter.AGENT_ACTIONS);
        }
        return a;
    }

    private Incident placeholder(Drone d) {
        return new Incident(0, "-", IncidentKind.CALLER, d.record.district(), d.record.home(), ctx.scheduler().now(),
                DispatchPriority.ROUTINE, "-");
    }

    /** An agent's action refused (event thread): counted, recorded with the agent, answered with the reason. */
    AgentAnswer refusedAgent(String agentId, @Nullable String incidentId, int drone, String why) {
        log.count(Counter.AGENT_REFUSED);
        log.record(agentId, CentreAction.AGENT_REFUSED, incidentId, drone, why);
        return new AgentAnswer(false, why);
    }

    private static AgentAnswer done(String what) {
        return new AgentAnswer(true, what);
    }

    private static String text(@Nullable String reason) {
        return reason == null || reason.isBlank() ? "(no reason given)" : reason;
    }
}

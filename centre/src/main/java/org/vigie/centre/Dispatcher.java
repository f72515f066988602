package org.vigie.centre;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.CentreLog.Counter;
import org.vigie.centre.fleet.Availability;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import org.vigie.dispatch.FlightStatusUpdate;

/**
 * Carries out the centre's decisions on the event thread: applies {@link DispatchPolicy} (launch, retask, queue,
 * refuse), sends the orders through {@link DroneCommands} and follows their answers, keeps each drone's queue moving,
 * ends incidents (refused, cancelled) and recalls drones, takes drones down and back to ready. Every change is
 * recorded with its reason through the {@link CentreLog}. Event thread only; not thread-safe.
 */
final class Dispatcher {

    /** What happens elsewhere once a drone accepts an order: the agent desk and the flight follower. */
    interface Followers {

        /** A drone accepted an order for {@code inc}: ask its agent to confirm when the kind's policy says so. */
        void askConfirmation(Drone d, Incident inc);

        /** A flight status that arrived before the order's answer, replayed once the flight id is known. */
        void replay(FlightStatusUpdate early);
    }

    /** After a busy answer to an order, the drone is asked again this much later. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(30);
    /** Reasons carried in orders are cut to this many characters (the wire's limit). */
    private static final int REASON_MAX_CHARS = 200;

    private final DroneCommands commands;
    private final CentreContext ctx;
    private final CentreLog log;
    private final Followers followers;

    Dispatcher(CentreContext ctx, DroneCommands commands, Followers followers) {
        this.ctx = ctx;
        this.log = ctx.log();
        this.commands = commands;
        this.followers = followers;
    }

    /** Launches, retasks, queues or refuses an incident that is in no queue and has no order in progress. */
    void decide(Incident inc, String actor) {
        Drone d = ctx.fleet().inDistrict(inc.district);
        Decision decision = DispatchPolicy.decide(d == null ? null : DispatchPolicy.DroneSituation.of(d),
                inc.district, inc.id, inc.priority);
        if (d == null || decision instanceof Decision.Refuse) {
            refuse(inc, decision.reason());
        } else if (decision instanceof Decision.Launch) {
            launch(d, inc, actor, decision.reason());
        } else if (decision instanceof Decision.Retask) {
            retaskDrone(d, inc, actor, decision.reason());
        } else {
            queue(d, inc, decision.reason());
        }
    }

    void queue(Drone d, Incident inc, String why) {
        boolean first = !inc.everQueued;
        inc.everQueued = true;
        inc.state = IncidentState.QUEUED;
        inc.droneSystemId = 0;
        d.queue.add(inc);
        inc.reason = why + ": queued (" + d.queue.size() + " waiting for this drone)";
        if (first) {
            log.count(Counter.QUEUED);
        }
        log.record(CentreAction.QUEUE, inc.id, d.id(), inc.reason);
        inc.cancelDeadline();
        inc.deadline = ctx.scheduler().schedule(ctx.options().maxQueueWait(), () -> {
            if (inc.state == IncidentState.QUEUED && d.queue.remove(inc)) {
                refuse(inc, "waited " + ctx.options().maxQueueWait().toMinutes() + " min in the queue of drone "
                        + d.id());
            }
        });
        log.changed(inc);
    }

    void launch(Drone d, Incident inc, String actor, String why) {
        d.availability = Availability.IN_FLIGHT;
        d.note = "ordered to " + inc.id;
        ordered(d, inc, actor, CentreAction.LAUNCH, why + ": launch ordered");
        send(() -> commands.dispatch(d.id(), request(inc, actor)), (ack, err) -> onDispatchAck(d, inc, ack, err));
    }

    void retaskDrone(Drone d, Incident inc, String actor, String why) {
        ordered(d, inc, actor, CentreAction.RETASK, why + ": retask ordered");
        send(() -> commands.retask(d.id(), d.flightId, request(inc, actor)),
                (ack, err) -> onRetaskAck(d, inc, ack, err));
    }

    private void ordered(Drone d, Incident inc, String actor, CentreAction action, String reason) {
        inc.cancelDeadline();
        inc.state = IncidentState.ORDERED;
        inc.droneSystemId = d.id();
        inc.orderedBy = actor;
        inc.reason = reason;
        d.ordering = inc;
        log.record(actor, action, inc.id, d.id(), inc.reason);
        log.changed(inc);
    }

    /** Sends an order; a throw becomes a failed answer, and the answer is handled on the event thread. */
    private void send(Supplier<CompletableFuture<DispatchAck>> order,
                      BiConsumer<@Nullable DispatchAck, @Nullable Throwable> onAnswer) {
        CompletableFuture<DispatchAck> f;
        try {
            f = order.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> unused = f.whenComplete((ack, err) -> ctx.scheduler().execute(() ->
                onAnswer.accept(ack, err)));
    }

    private DispatchRequest request(Incident inc, String actor) {
        String reason = inc.kind + " " + inc.priority + ": " + inc.description;
        return DispatchRequest.builder(inc.id, inc.position.latDeg(), inc.position.lonDeg())
                .priority(inc.priority)
                .reason(clip(reason))
                .onSceneTime(ctx.options().onSceneTime())
                .requester(actor, ctx.options().centreOrigin())
                .build();
    }

    private void onDispatchAck(Drone d, Incident inc, @Nullable DispatchAck answer, @Nullable Throwable err) {
        DispatchAck ack = answered(d, inc, "the order to drone ", answer, err);
        if (ack == null) {
            return;
        }
        switch (ack.status()) {
            case ACCEPTED -> {
                log.count(Counter.LAUNCHES);
                d.flightId = ack.flightId();
                d.phase = FlightPhase.PREFLIGHT;
                d.availability = Availability.IN_FLIGHT;
                d.incident = inc;
                d.note = "flight " + ack.flightId() + " for " + inc.id;
                if (inc.state.terminal()) {
                    recallDrone(d, inc.orderedBy, inc.id + " ended " + inc.state + " while the drone was ordered");
                } else {
                    inc.state = IncidentState.FLYING;
                    inc.reason = "drone " + d.id() + " accepted: flight " + ack.flightId();
                    log.changed(inc);
                    followers.askConfirmation(d, inc);
                }
                applyEarly(d);
            }
            case NO_ANSWER -> {
                lost(d, inc, "drone " + d.id() + " is unreachable: " + ack.message());
            }
            case REFUSED_BUSY -> {
                d.availability = Availability.CHARGING;
                d.note = "busy with a flight this centre did not start (" + ack.message() + "); asked again in "
                        + BUSY_RETRY.toSeconds() + " s";
                if (d.charging != null) {
                    d.charging.cancel();
                }
                d.charging = ctx.scheduler().schedule(BUSY_RETRY, () -> {
                    d.charging = null;
                    if (d.availability == Availability.CHARGING && d.flightId == 0) {
                        ready(d, "ready (asked again after a busy answer)");
                    }
                });
                if (!inc.state.terminal()) {
                    queue(d, inc, "drone " + d.id() + " answered busy (" + ack.message() + ")");
                }
            }
            default -> {
                if (!inc.state.terminal()) {
                    refuse(inc, "drone " + d.id() + " refused: " + ack.status() + " " + ack.message());
                }
                if (d.availability == Availability.IN_FLIGHT && d.flightId == 0) {
                    ready(d, "ready (its last order was refused)");
                }
            }
        }
    }

    private void onRetaskAck(Drone d, Incident inc, @Nullable DispatchAck answer, @Nullable Throwable err) {
        DispatchAck ack = answered(d, inc, "the retask of drone ", answer, err);
        if (ack == null) {
            return;
        }
        if (ack.status() == AckStatus.RETASKED || ack.status() == AckStatus.ACCEPTED) {
            log.count(Counter.RETASKS);
            Incident previous = d.incident;
            d.incident = inc;
            d.availability = Availability.IN_FLIGHT;
            d.note = "flight " + d.flightId + " retasked to " + inc.id;
            if (inc.state.terminal()) {
                recallDrone(d, inc.orderedBy, inc.id + " ended " + inc.state + " while the drone was retasked");
            } else {
                inc.state = IncidentState.FLYING;
                inc.launchedAt = ctx.scheduler().now();
                inc.reason = "drone " + d.id() + " retasked in the air (flight " + d.flightId + ")";
                log.record(CentreAction.LAUNCHED, inc.id, d.id(), inc.reason);
                log.changed(inc);
                followers.askConfirmation(d, inc);
            }
            if (previous != null && previous != inc && !previous.state.terminal()) {
                log.record(CentreAction.PREEMPTED, previous.id, d.id(), "drone " + d.id()
                        + " went to the more urgent " + inc.id);
                queue(d, previous, "preempted by " + inc.id + " (" + inc.priority + ")");
            }
        } else if (ack.status() == AckStatus.NO_ANSWER) {
            lost(d, inc, "drone " + d.id() + " is unreachable: " + ack.message());
        } else if (!inc.state.terminal()) {
            queue(d, inc, "drone " + d.id() + " refused the retask (" + ack.status() + " " + ack.message() + ")");
        }
    }

    private void applyEarly(Drone d) {
        FlightStatusUpdate e = d.early;
        d.early = null;
        if (e != null && e.status().flightId() == d.flightId) {
            followers.replay(e);
        }
    }

    void markDown(Drone d, String why) {
        if (d.availability == Availability.DOWN) {
            return;
        }
        d.availability = Availability.DOWN;
        d.note = why;
        if (d.charging != null) {
            d.charging.cancel();
            d.charging = null;
        }
        log.count(Counter.DRONES_DOWN);
        log.record(CentreAction.DRONE_DOWN, null, d.id(), "drone " + d.id() + " is down ("
                + why + "): district '" + d.record.district() + "' is uncovered");
        log.emit(new CentreEvent.DroneDown(d.id(), d.record.district(), why));
        Incident current = d.incident;
        if (current != null && !current.state.terminal()) {
            refuse(current, "drone " + d.id() + " went down during the flight: " + why);
        }
        d.incident = null;
        refuseQueue(d, "drone " + d.id() + " of district '" + d.record.district() + "' is down: " + why);
    }

    void refuseQueue(Drone d, String why) {
        Incident i;
        while ((i = d.queue.poll()) != null) {
            refuse(i, why);
        }
    }

    void charge(Drone d) {
        if (ctx.options().turnaround().isZero()) {
            ready(d, "ready");
            return;
        }
        d.availability = Availability.CHARGING;
        d.note = "charging for " + ctx.options().turnaround().toSeconds() + " s";
        d.charging = ctx.scheduler().schedule(ctx.options().turnaround(), () -> {
            d.charging = null;
            if (d.availability == Availability.CHARGING) {
                ready(d, "ready (charged)");
            }
        });
    }

    void ready(Drone d, String why) {
        d.availability = Availability.READY;
        d.note = why;
        pump(d);
    }

    /** Gives the head of the drone's queue to the drone if it can take it now. */
    void pump(Drone d) {
        Incident next = d.queue.peek();
        if (next != null && DispatchPolicy.DroneSituation.of(d).canTakeNext()) {
            d.queue.poll();
            next.cancelDeadline();
            decide(next, log.centreId());
        }
    }

    void refuse(Incident inc, String why) {
        inc.cancelDeadline();
        inc.awaitingConfirmation = false;
        inc.state = IncidentState.REFUSED;
        inc.endedAt = ctx.scheduler().now();
        inc.reason = why;
        Drone d = ctx.fleet().inDistrict(inc.district);
        if (d != null) {
            d.queue.remove(inc);
        }
        log.count(Counter.REFUSED);
        log.record(CentreAction.REFUSE, inc.id, inc.droneSystemId, why);
        log.changed(inc);
    }

    void cancelIncident(Incident inc, String actor, String why) {
        inc.cancelDeadline();
        inc.awaitingConfirmation = false;
        inc.state = IncidentState.CANCELLED;
        inc.endedAt = ctx.scheduler().now();
        inc.reason = why;
        log.count(Counter.CANCELLED);
        log.record(actor, CentreAction.CANCEL, inc.id, inc.droneSystemId, why);
        Drone d = ctx.fleet().inDistrict(inc.district);
        if (d != null) {
            d.queue.remove(inc);
            if (d.incident == inc && d.flightId != 0) {
                recallDrone(d, actor, why);
            }
        }
        log.changed(inc);
    }

    void recallDrone(Drone d, String actor, String why) {
        long flight = d.flightId;
        Incident i = d.incident;
        String incidentId = i == null ? null : i.id;
        d.incident = null;
        log.record(actor, CentreAction.RECALL, incidentId, d.id(), why);
        send(() -> commands.cancel(d.id(), flight, actor, ctx.options().centreOrigin(), clip(why)), (ack, err) -> {
            if (err != null || ack == null || !ack.accepted()) {
                log.record(actor, CentreAction.RECALL, incidentId, d.id(), "the recall of drone " + d.id()
                        + " was not applied: " + (err != null ? err.getMessage()
                        : ack == null ? "no answer" : ack.status() + " " + ack.message()));
            }
        });
    }

    /**
     * The order is answered: the drone may take another. A failure gives the drone up.
     *
     * @param what "the order to drone " or "the retask of drone "
     * @return the answer, or null after a failure
     */
    private @Nullable DispatchAck answered(Drone d, Incident inc, String what, @Nullable DispatchAck ack,
                                           @Nullable Throwable err) {
        if (d.ordering == inc) {
            d.ordering = null;
        }
        if (err != null || ack == null) {
            lost(d, inc, what + d.id() + " failed: " + (err == null ? "no answer" : err.getMessage()));
            return null;
        }
        return ack;
    }

    /** Gives up on a drone that did not answer: the incident is refused (unless ended) and the drone is down. */
    private void lost(Drone d, Incident inc, String why) {
        if (!inc.state.terminal()) {
            refuse(inc, why);
        }
        markDown(d, why);
    }

    private static String clip(String text) {
        return text.length() > REASON_MAX_CHARS ? text.substring(0, REASON_MAX_CHARS) : text;
    }
}

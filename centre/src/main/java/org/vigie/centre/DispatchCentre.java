package org.vigie.centre;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.fleet.DroneState;
import org.vigie.dispatch.FlightStatusUpdate;
import org.vigie.dispatch.OrderedExecutor;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.link.Subscription;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * The dispatch centre: takes alerts in, turns them into incidents, decides which drone flies where and says why,
 * involves the on-duty agents, and follows every drone.
 *
 * <ul>
 *   <li>Intake ({@link #submit}): a button press or a caller's position is validated (refusals name the field),
 *       flood-limited per source, located in its district (JTS STRtree over every district), and merged into an open
 *       incident of the same district within {@link CentreOptions#mergeRadiusM()} and
 *       {@link CentreOptions#mergeWindow()}, or opens a new incident.</li>
 *   <li>Decisions, each recorded with its reason through the {@link CentreRecorder}: launch the district's drone if
 *       it is ready; else retask it when it is airborne and the incident strictly outranks the one it serves (or it is
 *       flying home); else queue by priority then age; or refuse (no drone, no agent on duty, drone down or in
 *       maintenance, the drone's own refusal, unreachable, waited too long). A drone is only ever sent inside its own
 *       district. Every incident ends ON_SCENE, REFUSED or CANCELLED.</li>
 *   <li>Agents: per incident kind ({@link KindPolicy}), launch at once and ask the on-duty agent ({@link Roster}) to
 *       confirm within a deadline (unconfirmed: recalled), or wait for the agent's approval (unapproved: refused).
 *       Agents approve, reject, confirm, cancel, recall, retask and take drones out of service; every action is
 *       recorded with the agent's identity and carried as the requester of the order it causes.</li>
 *   <li>Fleet: drones are registered with their district, key id and dock; their state comes from FLIGHT_STATUS
 *       ({@link #flightStatus}), heartbeats ({@link #heard}) and telemetry ({@link #position}, {@link #battery},
 *       {@link #health}). A drone silent for {@link CentreOptions#silenceTimeout()} is down, its district uncovered
 *       and its queue refused: a {@link CentreEvent.DroneDown}.</li>
 * </ul>
 *
 * <p>Threading: pure logic on the injected {@link Scheduler}'s event thread, no locks and no threads of its own;
 * public methods may be called from any thread, post to the event thread and return futures, which complete on the
 * callback executor (listeners too, one event at a time, in order). Tests drive it with a {@code ManualScheduler}.
 *
 * <p>Errors: bad alerts are answered with {@link IntakeResult.Refused}, never thrown; bad configuration
 * ({@link #register}) throws {@link IllegalArgumentException} naming the value.
 */
public final class DispatchCentre implements AutoCloseable {

    private final Scheduler scheduler;
    private final Executor callbacks;
    private final DistrictIndex index;
    private final CentreOptions options;
    private final CentreLog log;
    private final Fleet fleet;
    private final IncidentBook book;
    private final Dispatcher dispatcher;
    private final FlightFollower follower;
    private final AgentDesk desk;
    private final Intake intake;
    private final Cancellable sweepTask;

    private DispatchCentre(Scheduler scheduler, Executor callbackExecutor, DistrictIndex index, ButtonRegistry buttons,
                           DroneCommands commands, CentreRecorder recorder, CentreOptions options) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.callbacks = new OrderedExecutor(Objects.requireNonNull(callbackExecutor, "callbackExecutor"));
        this.index = Objects.requireNonNull(index, "index");
        Objects.requireNonNull(buttons, "buttons");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(recorder, "recorder");
        this.options = Objects.requireNonNull(options, "options");
        this.log = new CentreLog(scheduler, callbacks, recorder, options.centreId());
        this.fleet = new Fleet(scheduler, index);
        this.book = new IncidentBook(options);
        CentreContext ctx = new CentreContext(scheduler, fleet, book, options, log);
        Followers followers = new Followers();
        this.dispatcher = new Dispatcher(ctx, commands, followers);
        this.follower = new FlightFollower(ctx, dispatcher);
        this.desk = new AgentDesk(ctx, dispatcher);
        followers.wire(desk, follower);
        this.intake = new Intake(ctx, new AlertScreen(buttons, index, options), dispatcher, desk);
        this.sweepTask = scheduler.scheduleAtFixedRate(options.sweepPeriod(), options.sweepPeriod(), follower::sweep);
    }

    /**
     * Starts a centre.
     *
     * @param scheduler        the event thread and the only clock
     * @param callbackExecutor where futures and listeners complete (never the event thread)
     * @param index            every district of the city
     * @param buttons          the registered emergency buttons
     * @param commands         how orders reach the drones
     * @param recorder         where decisions and agent actions are recorded
     * @param options          tunables
     * @return the running centre (no drone registered, nobody on duty)
     */
    public static DispatchCentre start(Scheduler scheduler, Executor callbackExecutor, DistrictIndex index,
                                       ButtonRegistry buttons, DroneCommands commands, CentreRecorder recorder,
                                       CentreOptions options) {
        return new DispatchCentre(scheduler, callbackExecutor, index, buttons, commands, recorder, options);
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Registers a drone. It is DOWN ("never heard") until its first heartbeat.
     *
     * @param drone the registration
     * @throws IllegalArgumentException if its district is unknown, its dock is outside its district, its system id
     *                                  is already registered or its district already has a drone
     */
    public void register(DroneRecord drone) {
        fleet.register(drone);
    }

    /** @return the agents on duty now (any thread) */
    public Roster roster() {
        return desk.roster();
    }

    /** @param r the agents on duty from now on (a shift change); incidents already asked keep their agent */
    public void setRoster(Roster r) {
        desk.setRoster(r);
    }

    /**
     * Adds an event listener.
     *
     * @param listener called on the callback executor, one event at a time, in order
     * @return a handle to remove it
     */
    public Subscription onEvent(Consumer<CentreEvent> listener) {
        return log.onEvent(listener);
    }

    // ------------------------------------------------------------------ intake

    /**
     * Takes an alert in.
     *
     * @param alert the alert
     * @return completes with the incident opened or joined, or the refusal naming the field
     */
    public CompletableFuture<IntakeResult> submit(Alert alert) {
        return ask(() -> intake.take(alert));
    }

    // ------------------------------------------------------------------ what the drones say

    /** @param u a FLIGHT_STATUS from a drone (any thread; posted) */
    public void flightStatus(FlightStatusUpdate u) {
        scheduler.execute(() -> follower.onStatus(u));
    }

    /** @param droneSystemId a drone heard on the dispatch link (any thread; posted) */
    public void heard(int droneSystemId) {
        withDrone(droneSystemId, follower::onHeard);
    }

    /**
     * @param droneSystemId the drone
     * @param position      its position (any thread; posted)
     */
    public void position(int droneSystemId, GeoPoint position) {
        withDrone(droneSystemId, d -> d.position = position);
    }

    /**
     * @param droneSystemId the drone
     * @param batteryPct    its battery, percent (any thread; posted)
     */
    public void battery(int droneSystemId, double batteryPct) {
        withDrone(droneSystemId, d -> d.batteryPct = batteryPct);
    }

    /**
     * @param droneSystemId the drone
     * @param healthy       false when a sensor or the autopilot reports a fault (any thread; posted)
     */
    public void health(int droneSystemId, boolean healthy) {
        withDrone(droneSystemId, d -> d.healthy = healthy);
    }

    /**
     * The drone's link is gone (closed, its key revoked): it is down at once, without waiting for the silence
     * timeout.
     *
     * @param droneSystemId the drone
     * @param why           a sentence (any thread; posted)
     */
    public void linkLost(int droneSystemId, String why) {
        withDrone(droneSystemId, d -> dispatcher.markDown(d, why));
    }

    // ------------------------------------------------------------------ agents

    /**
     * The on-duty agent approves an incident waiting for approval: the centre then decides as for any incident.
     *
     * @param agentId    the agent
     * @param incidentId the incident
     * @return what was done, or why not
     */
    public CompletableFuture<AgentAnswer> approve(String agentId, String incidentId) {
        return ask(() -> desk.approve(agentId, incidentId));
    }

    /**
     * The on-duty agent confirms a launch made at once (launch-then-confirm).
     *
     * @param agentId    the agent
     * @param incidentId the incident
     * @return what was done, or why not
     */
    public CompletableFuture<AgentAnswer> confirm(String agentId, String incidentId) {
        return ask(() -> desk.confirm(agentId, incidentId));
    }

    /**
     * The on-duty agent rejects or cancels an incident; a drone flying to it is recalled.
     *
     * @param agentId    the agent
     * @param incidentId the incident
     * @param reason     why (a sentence)
     * @return what was done, or why not
     */
    public CompletableFuture<AgentAnswer> cancel(String agentId, String incidentId, String reason) {
        return ask(() -> desk.cancel(agentId, incidentId, reason));
    }

    /**
     * The on-duty agent recalls a drone home; the incident it flies to, if any, is cancelled.
     *
     * @param agentId       the agent
     * @param droneSystemId the drone
     * @param reason        why
     * @return what was done, or why not
     */
    public CompletableFuture<AgentAnswer> recall(String agentId, int droneSystemId, String reason) {
        return ask(() -> desk.recall(agentId, droneSystemId, reason));
    }

    /**
     * The on-duty agent sends a drone to an incident of its district (launch if ready, retask if airborne), whatever
     * the priorities say.
     *
     * @param agentId       the agent
     * @param droneSystemId the drone
     * @param incidentId    the incident, in the drone's district
     * @return what was done, or why not
     */
    public CompletableFuture<AgentAnswer> retask(String agentId, int droneSystemId, String incidentId) {
        return ask(() -> desk.retask(agentId, droneSystemId, incidentId));
    }

    /**
     * The on-duty agent takes a drone out of service (its queue is refused) or returns it to service.
     *
     * @param agentId       the agent
     * @param droneSystemId the drone
     * @param inService     false: maintenance; true: back in service
     * @param reason        why
     * @return what was done, or why not
     */
    public CompletableFuture<AgentAnswer> setInService(String agentId, int droneSystemId, boolean inService,
                                                       String reason) {
        return ask(() -> desk.setInService(agentId, droneSystemId, inService, reason));
    }

    /**
     * Records an agent's action refused before it reached the centre's rules (by a console: a retask point outside
     * the drone's district, an unknown drone), counted with the other refused agent actions. Nothing else changes.
     *
     * @param agentId       the agent
     * @param incidentId    the incident concerned, or null
     * @param droneSystemId the drone concerned, 0 for none
     * @param why           the reason shown to the agent
     * @return completes with the refusal once recorded
     */
    public CompletableFuture<AgentAnswer> refuseAgentAction(String agentId, @Nullable String incidentId,
                                                            int droneSystemId, String why) {
        return ask(() -> desk.refusedAgent(agentId, incidentId, droneSystemId, why));
    }

    // ------------------------------------------------------------------ queries

    /** @param id an incident id @return completes with the incident, or empty when unknown */
    public CompletableFuture<Optional<IncidentView>> incident(String id) {
        return ask(() -> Optional.ofNullable(book.get(id)).map(Incident::view));
    }

    /** @return completes with every incident, oldest first */
    public CompletableFuture<List<IncidentView>> incidents() {
        return ask(() -> book.all().stream().map(Incident::view).toList());
    }

    /** @return completes with every drone's state, in registration order */
    public CompletableFuture<List<DroneState>> fleet() {
        return ask(() -> {
            long now = scheduler.monotonicMs();
            return fleet.all().stream().map(d -> d.snapshot(now)).toList();
        });
    }

    /** @return counters since start (any thread) */
    public CentreStats stats() {
        return log.stats();
    }

    /** @return the options */
    public CentreOptions options() {
        return options;
    }

    /** @return the districts */
    public DistrictIndex districts() {
        return index;
    }

    /** Stops the periodic sweep. Pending futures still complete. Idempotent. */
    @Override
    public void close() {
        sweepTask.cancel();
    }

    // ================================================================== event thread

    private void withDrone(int droneSystemId, Consumer<Drone> action) {
        scheduler.execute(() -> {
            Drone d = fleet.get(droneSystemId);
            if (d != null) {
                action.accept(d);
            }
        });
    }

    private <T> CompletableFuture<T> ask(Supplier<T> work) {
        CompletableFuture<T> out = new CompletableFuture<>();
        scheduler.execute(() -> {
            T v;
            try {
                v = work.get();
            } catch (RuntimeException e) {
                callbacks.execute(() -> out.completeExceptionally(e));
                return;
            }
            callbacks.execute(() -> out.complete(v));
        });
        return out;
    }

    /** The dispatcher's hooks, wired once the desk and the follower exist (the three call each other). */
    private static final class Followers implements Dispatcher.Followers {

        private @Nullable AgentDesk desk;
        private @Nullable FlightFollower follower;

        void wire(AgentDesk d, FlightFollower f) {
            this.desk = d;
            this.follower = f;
        }

        @Override
        public void askConfirmation(Drone d, Incident inc) {
            Objects.requireNonNull(desk, "wired at start").askConfirmation(d, inc);
        }

        @Override
        public void replay(FlightStatusUpdate early) {
            Objects.requireNonNull(follower, "wired at start").onStatus(early);
        }
    }
}

package org.vigie.centre;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.Button;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.centre.alert.Refusal;
import org.vigie.centre.fleet.Availability;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.fleet.DroneState;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.dispatch.FlightStatusUpdate;
import org.vigie.dispatch.OrderedExecutor;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.zone.District;
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

    private enum Counter {
        ALERTS, OPENED, MERGED, REFUSED_INVALID, REFUSED_UNKNOWN_BUTTON, REFUSED_OUTSIDE, REFUSED_FLOOD, LAUNCHES,
        RETASKS, QUEUED, ON_SCENE, REFUSED, CANCELLED, DRONES_DOWN, AGENT_ACTIONS, AGENT_REFUSED
    }

    /** After a busy answer to an order, the drone is asked again this much later. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(30);

    private final Scheduler scheduler;
    private final Executor callbacks;
    private final DistrictIndex index;
    private final ButtonRegistry buttons;
    private final DroneCommands commands;
    private final CentreRecorder recorder;
    private final CentreOptions options;
    private final Map<Integer, DroneRecord> registered = new ConcurrentHashMap<>();
    private final Map<String, Integer> claimedDistricts = new ConcurrentHashMap<>();
    private final Map<Integer, Drone> drones = new LinkedHashMap<>();
    private final Map<String, Drone> byDistrict = new HashMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, List<Incident>> recentByDistrict = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> floodBySource = new HashMap<>();
    private final CopyOnWriteArrayList<Consumer<CentreEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Counter, AtomicLong> counters = new EnumMap<>(Counter.class);
    private final Cancellable sweepTask;
    private volatile Roster roster = Roster.empty();
    private long nextSeq;

    private DispatchCentre(Scheduler scheduler, Executor callbackExecutor, DistrictIndex index, ButtonRegistry buttons,
                           DroneCommands commands, CentreRecorder recorder, CentreOptions options) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.callbacks = new OrderedExecutor(Objects.requireNonNull(callbackExecutor, "callbackExecutor"));
        this.index = Objects.requireNonNull(index, "index");
        this.buttons = Objects.requireNonNull(buttons, "buttons");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.options = Objects.requireNonNull(options, "options");
        for (Counter c : Counter.values()) {
            counters.put(c, new AtomicLong());
        }
        this.sweepTask = scheduler.scheduleAtFixedRate(options.sweepPeriod(), options.sweepPeriod(), this::sweep);
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
        District d = index.byName(drone.district()).orElseThrow(() -> new IllegalArgumentException("drone "
                + drone.systemId() + ": district '" + drone.district() + "' is not one of the city's "
                + index.districts().size() + " districts"));
        if (!d.geofence().contains(drone.home())) {
            throw new IllegalArgumentException("drone " + drone.systemId() + ": dock " + drone.home().latLonText()
                    + " is outside its district '" + drone.district() + "'");
        }
        if (registered.putIfAbsent(drone.systemId(), drone) != null) {
            throw new IllegalArgumentException("system id " + drone.systemId() + " is already registered");
        }
        Integer other = claimedDistricts.putIfAbsent(drone.district(), drone.systemId());
        if (other != null) {
            registered.remove(drone.systemId());
            throw new IllegalArgumentException("district '" + drone.district() + "' already has drone " + other);
        }
        scheduler.execute(() -> {
            Drone x = new Drone(drone);
            drones.put(drone.systemId(), x);
            byDistrict.put(drone.district(), x);
        });
    }

    /** @return the agents on duty now (any thread) */
    public Roster roster() {
        return roster;
    }

    /** @param r the agents on duty from now on (a shift change); incidents already asked keep their agent */
    public void setRoster(Roster r) {
        this.roster = Objects.requireNonNull(r, "roster");
    }

    /**
     * Adds an event listener.
     *
     * @param listener called on the callback executor, one event at a time, in order
     * @return a handle to remove it
     */
    public Subscription onEvent(Consumer<CentreEvent> listener) {
        return Subscription.register(listeners, listener);
    }

    // ------------------------------------------------------------------ intake

    /**
     * Takes an alert in.
     *
     * @param alert the alert
     * @return completes with the incident opened or joined, or the refusal naming the field
     */
    public CompletableFuture<IntakeResult> submit(Alert alert) {
        return ask(() -> intake(alert));
    }

    // ------------------------------------------------------------------ what the drones say

    /** @param u a FLIGHT_STATUS from a drone (any thread; posted) */
    public void flightStatus(FlightStatusUpdate u) {
        scheduler.execute(() -> onStatus(u));
    }

    /** @param droneSystemId a drone heard on the dispatch link (any thread; posted) */
    public void heard(int droneSystemId) {
        scheduler.execute(() -> {
            Drone d = drones.get(droneSystemId);
            if (d != null) {
                onHeard(d);
            }
        });
    }

    /**
     * @param droneSystemId the drone
     * @param position      its position (any thread; posted)
     */
    public void position(int droneSystemId, GeoPoint position) {
        scheduler.execute(() -> {
            Drone d = drones.get(droneSystemId);
            if (d != null) {
                d.position = position;
            }
        });
    }

    /**
     * @param droneSystemId the drone
     * @param batteryPct    its battery, percent (any thread; posted)
     */
    public void battery(int droneSystemId, double batteryPct) {
        scheduler.execute(() -> {
            Drone d = drones.get(droneSystemId);
            if (d != null) {
                d.batteryPct = batteryPct;
            }
        });
    }

    /**
     * @param droneSystemId the drone
     * @param healthy       false when a sensor or the autopilot reports a fault (any thread; posted)
     */
    public void health(int droneSystemId, boolean healthy) {
        scheduler.execute(() -> {
            Drone d = drones.get(droneSystemId);
            if (d != null) {
                d.healthy = healthy;
            }
        });
    }

    /**
     * The drone's link is gone (closed, its key revoked): it is down at once, without waiting for the silence
     * timeout.
     *
     * @param droneSystemId the drone
     * @param why           a sentence (any thread; posted)
     */
    public void linkLost(int droneSystemId, String why) {
        scheduler.execute(() -> {
            Drone d = drones.get(droneSystemId);
            if (d != null) {
                markDown(d, why);
            }
        });
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
        return agent(agentId, incidentId, 0, (inc, d) -> {
            if (inc.state != IncidentState.AWAITING_APPROVAL) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " is " + inc.state
                        + ", not awaiting approval");
            }
            cancelDeadline(inc);
            inc.confirmed = true;
            inc.orderedBy = agentId;
            record(agentId, CentreAction.APPROVED, inc.id, d.id(), "approved by agent " + agentId);
            decide(inc, agentId);
            return done("approved: " + inc.state + " (" + inc.reason + ")");
        });
    }

    /**
     * The on-duty agent confirms a launch made at once (launch-then-confirm).
     *
     * @param agentId    the agent
     * @param incidentId the incident
     * @return what was done, or why not
     */
    public CompletableFuture<AgentAnswer> confirm(String agentId, String incidentId) {
        return agent(agentId, incidentId, 0, (inc, d) -> {
            if (!inc.awaitingConfirmation) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " awaits no confirmation");
            }
            inc.awaitingConfirmation = false;
            inc.confirmed = true;
            cancelDeadline(inc);
            record(agentId, CentreAction.CONFIRMED, inc.id, d.id(), "launch confirmed by agent " + agentId);
            return done("confirmed");
        });
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
        return agent(agentId, incidentId, 0, (inc, d) -> {
            if (inc.state.terminal()) {
                return refusedAgent(agentId, inc.id, d.id(), "incident " + inc.id + " has already ended "
                        + inc.state);
            }
            cancelIncident(inc, agentId, "cancelled by agent " + agentId + ": " + text(reason));
            return done("cancelled");
        });
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
        return agent(agentId, null, droneSystemId, (inc, d) -> {
            if (d.flightId == 0) {
                return refusedAgent(agentId, null, d.id(), "drone " + d.id() + " has no flight to recall");
            }
            Incident current = d.incident;
            if (current != null && !current.state.terminal()) {
                cancelIncident(current, agentId, "recalled by agent " + agentId + ": " + text(reason));
            } else {
                recallDrone(d, agentId, "recalled by agent " + agentId + ": " + text(reason));
            }
            return done("recalled drone " + d.id());
        });
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
            cancelDeadline(inc);
            inc.confirmed = true;
            inc.awaitingConfirmation = false;
            if (ready) {
                launch(d, inc, agentId, "agent " + agentId + " sends ready drone " + d.id() + " to " + inc.id);
            } else {
                retaskDrone(d, inc, agentId, "agent " + agentId + " retasks drone " + d.id() + " to " + inc.id);
            }
            return done("ordered drone " + d.id() + " to " + inc.id);
        });
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
        return agent(agentId, null, droneSystemId, (inc, d) -> {
            String why = (inService ? "returned to service" : "taken out of service") + " by agent " + agentId
                    + ": " + text(reason);
            record(agentId, CentreAction.MAINTENANCE, null, d.id(), why);
            if (!inService) {
                d.availability = Availability.MAINTENANCE;
                d.note = why;
                refuseQueue(d, "drone " + d.id() + " of district '" + d.record.district() + "' is in maintenance");
            } else if (d.availability == Availability.MAINTENANCE) {
                ready(d, why);
            }
            return done(why);
        });
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
        return ask(() -> refusedAgent(agentId, incidentId, droneSystemId, why));
    }

    // ------------------------------------------------------------------ queries

    /** @param id an incident id @return completes with the incident, or empty when unknown */
    public CompletableFuture<Optional<IncidentView>> incident(String id) {
        return ask(() -> Optional.ofNullable(incidents.get(id)).map(Incident::view));
    }

    /** @return completes with every incident, oldest first */
    public CompletableFuture<List<IncidentView>> incidents() {
        return ask(() -> incidents.values().stream().map(Incident::view).toList());
    }

    /** @return completes with every drone's state, in registration order */
    public CompletableFuture<List<DroneState>> fleet() {
        return ask(() -> {
            long now = scheduler.monotonicMs();
            return drones.values().stream().map(d -> d.snapshot(now)).toList();
        });
    }

    /** @return counters since start (any thread) */
    public CentreStats stats() {
        return new CentreStats(c(Counter.ALERTS), c(Counter.OPENED), c(Counter.MERGED), c(Counter.REFUSED_INVALID),
                c(Counter.REFUSED_UNKNOWN_BUTTON), c(Counter.REFUSED_OUTSIDE), c(Counter.REFUSED_FLOOD),
                c(Counter.LAUNCHES), c(Counter.RETASKS), c(Counter.QUEUED), c(Counter.ON_SCENE), c(Counter.REFUSED),
                c(Counter.CANCELLED), c(Counter.DRONES_DOWN), c(Counter.AGENT_ACTIONS), c(Counter.AGENT_REFUSED));
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

    private IntakeResult intake(Alert alert) {
        count(Counter.ALERTS);
        Instant now = scheduler.now();
        GeoPoint where;
        IncidentKind kind;
        DispatchPriority priority;
        String description;
        if (alert instanceof Alert.ButtonPress p) {
            String id = p.buttonId();
            if (id == null || id.isBlank()) {
                return refuseIntake(Refusal.Code.INVALID, "buttonId", "buttonId is missing or blank");
            }
            if (id.length() > 64) {
                return refuseIntake(Refusal.Code.INVALID, "buttonId", "buttonId is " + id.length()
                        + " characters, more than 64");
            }
            Optional<Button> b = buttons.find(id);
            if (b.isEmpty()) {
                return refuseIntake(Refusal.Code.UNKNOWN_BUTTON, "buttonId", "button '" + id + "' is not registered ("
                        + buttons.size() + " buttons known)");
            }
            where = b.get().position();
            kind = IncidentKind.of(b.get().kind());
            priority = options.policy(kind).priority();
            description = "button " + id + " (" + b.get().kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ") pressed";
        } else {
            Alert.CallerPosition c = (Alert.CallerPosition) alert;
            if (c.callerId() == null || c.callerId().isBlank() || c.callerId().length() > 64) {
                return refuseIntake(Refusal.Code.INVALID, "callerId", "callerId must be 1..64 characters");
            }
            if (!Double.isFinite(c.latDeg()) || c.latDeg() < -90 || c.latDeg() > 90) {
                return refuseIntake(Refusal.Code.INVALID, "lat", "lat " + c.latDeg() + " is not a latitude in "
                        + "[-90, 90] degrees");
            }
            if (!Double.isFinite(c.lonDeg()) || c.lonDeg() < -180 || c.lonDeg() > 180) {
                return refuseIntake(Refusal.Code.INVALID, "lon", "lon " + c.lonDeg() + " is not a longitude in "
                        + "[-180, 180] degrees");
            }
            if (c.priority() == null) {
                return refuseIntake(Refusal.Code.INVALID, "priority", "priority is missing (ROUTINE, URGENT or "
                        + "EMERGENCY)");
            }
            if (c.description() == null || c.description().isBlank() || c.description().length() > 200) {
                return refuseIntake(Refusal.Code.INVALID, "description", "description must be 1..200 characters");
            }
            where = GeoPoint.of(c.latDeg(), c.lonDeg());
            kind = IncidentKind.CALLER;
            priority = c.priority();
            description = "caller " + c.callerId() + ": " + c.description();
        }
        if (!admitFlood(alert.sourceId())) {
            return refuseIntake(Refusal.Code.FLOOD, alert instanceof Alert.ButtonPress ? "buttonId" : "callerId",
                    "'" + alert.sourceId() + "' sent more than " + options.floodLimit() + " alerts within "
                            + options.floodWindow().toSeconds() + " s (the flood limit); this one is not taken in");
        }
        Optional<District> district = index.locate(where);
        if (district.isEmpty()) {
            return refuseIntake(Refusal.Code.OUTSIDE_DISTRICTS, alert instanceof Alert.ButtonPress ? "buttonId"
                    : "lat", "position " + where.latLonText() + " is outside every district of the city ("
                    + index.districts().size() + " districts)");
        }
        String districtName = district.get().name();
        Incident near = nearbyOpen(districtName, where, now);
        if (near != null) {
            near.alerts++;
            count(Counter.MERGED);
            String why = description + ": merged into " + near.id + " ("
                    + Math.round(Geodesy.distanceM(where, near.position)) + " m away, opened "
                    + Duration.between(near.openedAt, now).toSeconds() + " s ago)";
            if (priority.outranks(near.priority)) {
                near.priority = priority;
                why += "; priority raised to " + priority;
                if (near.state == IncidentState.QUEUED) {
                    Drone d = byDistrict.get(near.district);
                    if (d != null && d.queue.remove(near)) {
                        cancelDeadline(near);
                        decide(near, options.centreId());
                    }
                }
            }
            record(options.centreId(), CentreAction.MERGED, near.id, near.droneSystemId, why);
            changed(near);
            return new IntakeResult.Merged(near.view());
        }
        long seq = ++nextSeq;
        Incident inc = new Incident(seq, String.format("I%06d", seq), kind, districtName, where, now, priority,
                description);
        incidents.put(inc.id, inc);
        recentByDistrict.computeIfAbsent(districtName, k -> new ArrayList<>()).add(inc);
        count(Counter.OPENED);
        record(options.centreId(), CentreAction.OPENED, inc.id, 0, description + " in district '" + districtName
                + "' (" + priority + ")");
        route(inc);
        return new IntakeResult.Opened(inc.view());
    }

    private IntakeResult refuseIntake(Refusal.Code code, String field, String message) {
        count(switch (code) {
            case INVALID -> Counter.REFUSED_INVALID;
            case UNKNOWN_BUTTON -> Counter.REFUSED_UNKNOWN_BUTTON;
            case OUTSIDE_DISTRICTS -> Counter.REFUSED_OUTSIDE;
            case FLOOD -> Counter.REFUSED_FLOOD;
        });
        record(options.centreId(), CentreAction.INTAKE_REFUSED, null, 0, code + " " + field + ": " + message);
        return new IntakeResult.Refused(new Refusal(code, field, message));
    }

    private boolean admitFlood(String source) {
        long now = scheduler.monotonicMs();
        ArrayDeque<Long> times = floodBySource.computeIfAbsent(source, k -> new ArrayDeque<>());
        long windowMs = options.floodWindow().toMillis();
        while (!times.isEmpty() && now - times.peekFirst() >= windowMs) {
            times.pollFirst();
        }
        if (times.size() >= options.floodLimit()) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private @Nullable Incident nearbyOpen(String district, GeoPoint where, Instant now) {
        List<Incident> recent = recentByDistrict.get(district);
        if (recent == null) {
            return null;
        }
        Instant oldest = now.minus(options.mergeWindow());
        recent.removeIf(i -> i.openedAt.isBefore(oldest));
        Incident best = null;
        double bestM = Double.MAX_VALUE;
        for (Incident i : recent) {
            if (i.state == IncidentState.REFUSED || i.state == IncidentState.CANCELLED) {
                continue;
            }
            double m = Geodesy.distanceM(where, i.position);
            if (m <= options.mergeRadiusM() && m < bestM) {
                best = i;
                bestM = m;
            }
        }
        return best;
    }

    private void route(Incident inc) {
        Drone d = byDistrict.get(inc.district);
        if (d == null) {
            refuse(inc, "no drone serves district '" + inc.district + "'");
            return;
        }
        Optional<String> agent = roster.agentFor(d.id());
        if (agent.isEmpty()) {
            refuse(inc, "no agent on duty watches drone " + d.id() + " of district '" + inc.district + "'");
            return;
        }
        KindPolicy policy = options.policy(inc.kind);
        if (policy.mode() == AgentMode.APPROVE_FIRST) {
            inc.state = IncidentState.AWAITING_APPROVAL;
            Instant deadline = scheduler.now().plus(policy.deadline());
            inc.reason = "waiting for agent " + agent.get() + "'s approval (" + inc.kind + " incidents are approved "
                    + "first), deadline " + policy.deadline().toSeconds() + " s";
            record(options.centreId(), CentreAction.APPROVAL_REQUESTED, inc.id, d.id(), inc.reason);
            inc.deadline = scheduler.schedule(policy.deadline(), () -> {
                if (inc.state == IncidentState.AWAITING_APPROVAL) {
                    refuse(inc, "agent " + agent.get() + " did not approve within " + policy.deadline().toSeconds()
                            + " s");
                }
            });
            changed(inc);
            emit(new CentreEvent.AgentAsked(agent.get(), inc.view(), true, deadline));
            return;
        }
        decide(inc, options.centreId());
    }

    /** Launches, retasks, queues or refuses an incident that is in no queue and has no order in progress. */
    private void decide(Incident inc, String actor) {
        Drone d = byDistrict.get(inc.district);
        if (d == null) {
            refuse(inc, "no drone serves district '" + inc.district + "'");
            return;
        }
        switch (d.availability) {
            case DOWN -> refuse(inc, "drone " + d.id() + " of district '" + inc.district + "' is down: " + d.note);
            case MAINTENANCE -> refuse(inc, "drone " + d.id() + " of district '" + inc.district
                    + "' is in maintenance: " + d.note);
            case READY -> {
                if (d.ordering == null) {
                    launch(d, inc, actor, "drone " + d.id() + " of district '" + inc.district + "' is ready");
                } else {
                    queue(d, inc, "drone " + d.id() + " is being ordered to " + d.ordering.id);
                }
            }
            default -> {
                Incident current = d.incident;
                boolean retaskable = d.ordering == null && d.airborne() && d.phase != FlightPhase.LAND;
                if (retaskable && d.phase == FlightPhase.RETURN) {
                    retaskDrone(d, inc, actor, "drone " + d.id() + " is flying home and free");
                } else if (retaskable && current != null && inc.priority.outranks(current.priority)) {
                    retaskDrone(d, inc, actor, "drone " + d.id() + " is airborne (" + d.phase + ") for "
                            + current.id + " (" + current.priority + "); " + inc.id + " is " + inc.priority);
                } else {
                    queue(d, inc, "drone " + d.id() + " is " + d.availability
                            + (current != null ? " for " + current.id + " (" + current.priority + ")" : "")
                            + (d.ordering != null ? ", being ordered to " + d.ordering.id : ""));
                }
            }
        }
    }

    private void queue(Drone d, Incident inc, String why) {
        boolean first = !inc.everQueued;
        inc.everQueued = true;
        inc.state = IncidentState.QUEUED;
        inc.droneSystemId = 0;
        d.queue.add(inc);
        inc.reason = why + ": queued (" + d.queue.size() + " waiting for this drone)";
        if (first) {
            count(Counter.QUEUED);
        }
        record(options.centreId(), CentreAction.QUEUE, inc.id, d.id(), inc.reason);
        cancelDeadline(inc);
        inc.deadline = scheduler.schedule(options.maxQueueWait(), () -> {
            if (inc.state == IncidentState.QUEUED && d.queue.remove(inc)) {
                refuse(inc, "waited " + options.maxQueueWait().toMinutes() + " min in the queue of drone " + d.id());
            }
        });
        changed(inc);
    }

    private void launch(Drone d, Incident inc, String actor, String why) {
        cancelDeadline(inc);
        inc.state = IncidentState.ORDERED;
        inc.droneSystemId = d.id();
        inc.orderedBy = actor;
        inc.reason = why + ": launch ordered";
        d.ordering = inc;
        d.availability = Availability.IN_FLIGHT;
        d.note = "ordered to " + inc.id;
        record(actor, CentreAction.LAUNCH, inc.id, d.id(), inc.reason);
        changed(inc);
        CompletableFuture<DispatchAck> f;
        try {
            f = commands.dispatch(d.id(), request(inc, actor));
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> unused = f.whenComplete((ack, err) -> scheduler.execute(() -> onDispatchAck(d, inc,
                ack, err)));
    }

    private void retaskDrone(Drone d, Incident inc, String actor, String why) {
        cancelDeadline(inc);
        inc.state = IncidentState.ORDERED;
        inc.droneSystemId = d.id();
        inc.orderedBy = actor;
        inc.reason = why + ": retask ordered";
        d.ordering = inc;
        record(actor, CentreAction.RETASK, inc.id, d.id(), inc.reason);
        changed(inc);
        CompletableFuture<DispatchAck> f;
        try {
            f = commands.retask(d.id(), d.flightId, request(inc, actor));
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> unused = f.whenComplete((ack, err) -> scheduler.execute(() -> onRetaskAck(d, inc,
                ack, err)));
    }

    private DispatchRequest request(Incident inc, String actor) {
        String reason = inc.kind + " " + inc.priority + ": " + inc.description;
        return DispatchRequest.builder(inc.id, inc.position.latDeg(), inc.position.lonDeg())
                .priority(inc.priority)
                .reason(reason.length() > 200 ? reason.substring(0, 200) : reason)
                .onSceneTime(options.onSceneTime())
                .requester(actor, options.centreOrigin())
                .build();
    }

    private void onDispatchAck(Drone d, Incident inc, @Nullable DispatchAck ack, @Nullable Throwable err) {
        if (d.ordering == inc) {
            d.ordering = null;
        }
        if (err != null || ack == null) {
            String why = "the order to drone " + d.id() + " failed: " + (err == null ? "no answer" : err.getMessage());
            if (!inc.state.terminal()) {
                refuse(inc, why);
            }
            markDown(d, why);
            return;
        }
        switch (ack.status()) {
            case ACCEPTED -> {
                count(Counter.LAUNCHES);
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
                    changed(inc);
                    askConfirmation(d, inc);
                }
                applyEarly(d);
            }
            case NO_ANSWER -> {
                String why = "drone " + d.id() + " is unreachable: " + ack.message();
                if (!inc.state.terminal()) {
                    refuse(inc, why);
                }
                markDown(d, why);
            }
            case REFUSED_BUSY -> {
                d.availability = Availability.CHARGING;
                d.note = "busy with a flight this centre did not start (" + ack.message() + "); asked again in "
                        + BUSY_RETRY.toSeconds() + " s";
                if (d.charging != null) {
                    d.charging.cancel();
                }
                d.charging = scheduler.schedule(BUSY_RETRY, () -> {
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

    private void onRetaskAck(Drone d, Incident inc, @Nullable DispatchAck ack, @Nullable Throwable err) {
        if (d.ordering == inc) {
            d.ordering = null;
        }
        if (err != null || ack == null) {
            String why = "the retask of drone " + d.id() + " failed: " + (err == null ? "no answer" : err.getMessage());
            if (!inc.state.terminal()) {
                refuse(inc, why);
            }
            markDown(d, why);
            return;
        }
        if (ack.status() == AckStatus.RETASKED || ack.status() == AckStatus.ACCEPTED) {
            count(Counter.RETASKS);
            Incident previous = d.incident;
            d.incident = inc;
            d.availability = Availability.IN_FLIGHT;
            d.note = "flight " + d.flightId + " retasked to " + inc.id;
            if (inc.state.terminal()) {
                recallDrone(d, inc.orderedBy, inc.id + " ended " + inc.state + " while the drone was retasked");
            } else {
                inc.state = IncidentState.FLYING;
                inc.launchedAt = scheduler.now();
                inc.reason = "drone " + d.id() + " retasked in the air (flight " + d.flightId + ")";
                record(options.centreId(), CentreAction.LAUNCHED, inc.id, d.id(), inc.reason);
                changed(inc);
                askConfirmation(d, inc);
            }
            if (previous != null && previous != inc && !previous.state.terminal()) {
                record(options.centreId(), CentreAction.PREEMPTED, previous.id, d.id(), "drone " + d.id()
                        + " went to the more urgent " + inc.id);
                queue(d, previous, "preempted by " + inc.id + " (" + inc.priority + ")");
            }
        } else if (ack.status() == AckStatus.NO_ANSWER) {
            String why = "drone " + d.id() + " is unreachable: " + ack.message();
            if (!inc.state.terminal()) {
                refuse(inc, why);
            }
            markDown(d, why);
        } else if (!inc.state.terminal()) {
            queue(d, inc, "drone " + d.id() + " refused the retask (" + ack.status() + " " + ack.message() + ")");
        }
    }

    private void askConfirmation(Drone d, Incident inc) {
        KindPolicy policy = options.policy(inc.kind);
        if (inc.confirmed || policy.mode() != AgentMode.LAUNCH_THEN_CONFIRM) {
            return;
        }
        String agent = roster.agentFor(d.id()).orElse("(nobody on duty)");
        inc.awaitingConfirmation = true;
        Instant deadline = scheduler.now().plus(policy.deadline());
        record(options.centreId(), CentreAction.CONFIRMATION_REQUESTED, inc.id, d.id(), "agent " + agent
                + " must confirm within " + policy.deadline().toSeconds() + " s");
        cancelDeadline(inc);
        inc.deadline = scheduler.schedule(policy.deadline(), () -> {
            if (!inc.awaitingConfirmation) {
                return;
            }
            inc.awaitingConfirmation = false;
            String why = "agent " + agent + " did not confirm within " + policy.deadline().toSeconds()
                    + " s: drone recalled";
            record(options.centreId(), CentreAction.CONFIRMATION_TIMEOUT, inc.id, d.id(), why);
            if (!inc.state.terminal()) {
                cancelIncident(inc, options.centreId(), why);
            } else if (d.incident == inc && d.flightId != 0) {
                recallDrone(d, options.centreId(), why);
            }
        });
        emit(new CentreEvent.AgentAsked(agent, inc.view(), false, deadline));
    }

    private void applyEarly(Drone d) {
        FlightStatusUpdate e = d.early;
        d.early = null;
        if (e != null && e.status().flightId() == d.flightId) {
            onStatus(e);
        }
    }

    private void onStatus(FlightStatusUpdate u) {
        Drone d = drones.get(u.droneSystemId());
        if (d == null) {
            return;
        }
        onHeard(d);
        DispatchMessage.FlightStatus s = u.status();
        if (s.flightId() != d.flightId) {
            if (d.flightId == 0 && d.ordering != null) {
                d.early = u;
            }
            return;
        }
        d.phase = s.phase();
        Incident named = incidents.get(s.alertId());
        Incident inc = named != null && named == d.incident ? named : null;
        if (inc != null && s.phase() == FlightPhase.TAKEOFF && inc.launchedAt == null) {
            inc.launchedAt = scheduler.now();
            record(options.centreId(), CentreAction.LAUNCHED, inc.id, d.id(), "drone " + d.id() + " took off");
            changed(inc);
        } else if (inc != null && s.phase() == FlightPhase.ON_SCENE && !inc.state.terminal()) {
            inc.state = IncidentState.ON_SCENE;
            inc.onSceneAt = scheduler.now();
            inc.endedAt = inc.onSceneAt;
            if (inc.launchedAt == null) {
                inc.launchedAt = inc.onSceneAt;
            }
            inc.reason = "drone " + d.id() + " on scene";
            count(Counter.ON_SCENE);
            record(options.centreId(), CentreAction.ON_SCENE, inc.id, d.id(), inc.reason);
            changed(inc);
        } else if ((s.phase() == FlightPhase.RETURN || s.phase() == FlightPhase.LAND) && s.outcome().isEmpty()) {
            d.availability = Availability.RETURNING;
            d.note = "flying home (" + s.phase() + ")";
            Incident current = d.incident;
            if (current != null && !current.state.terminal() && d.ordering == null) {
                refuse(current, "drone " + d.id() + " turned back before the scene: " + s.message());
            }
            if (d.ordering == null) {
                d.incident = null;
            }
            pump(d);
        }
        if (s.outcome().isPresent()) {
            FlightOutcome outcome = s.outcome().get();
            Incident current = d.incident;
            d.flightId = 0;
            d.incident = null;
            if (current != null && !current.state.terminal()) {
                refuse(current, "flight of drone " + d.id() + " ended " + outcome + " before the scene: "
                        + s.message());
            }
            switch (outcome) {
                case COMPLETED, ABORTED -> charge(d);
                case REFUSED -> ready(d, "ready (its flight never took off: " + s.message() + ")");
                case FAILED -> {
                    d.availability = Availability.MAINTENANCE;
                    d.note = "flight failed: " + s.message();
                    record(options.centreId(), CentreAction.MAINTENANCE, null, d.id(), "drone " + d.id()
                            + " needs maintenance: its flight failed (" + s.message() + ")");
                    refuseQueue(d, "drone " + d.id() + " of district '" + d.record.district()
                            + "' is in maintenance after a failed flight");
                    emit(new CentreEvent.MaintenanceNeeded(d.id(), d.record.district(), s.message()));
                }
            }
        }
    }

    private void onHeard(Drone d) {
        d.heard(scheduler.now(), scheduler.monotonicMs());
        if (d.availability != Availability.DOWN) {
            return;
        }
        boolean first = d.note.equals("never heard");
        if (d.flightId != 0) {
            d.availability = Availability.IN_FLIGHT;
            d.note = "heard again during flight " + d.flightId;
        } else {
            d.availability = Availability.READY;
            d.note = "ready";
        }
        record(options.centreId(), CentreAction.DRONE_BACK, null, d.id(), "drone " + d.id() + " heard "
                + (first ? "for the first time" : "again") + ": district '" + d.record.district() + "' covered");
        emit(new CentreEvent.DroneBack(d.id(), d.record.district()));
        pump(d);
    }

    private void sweep() {
        long now = scheduler.monotonicMs();
        long limit = options.silenceTimeout().toMillis();
        for (Drone d : drones.values()) {
            if (d.availability != Availability.DOWN && d.lastHeardMs != Long.MIN_VALUE
                    && now - d.lastHeardMs > limit) {
                markDown(d, "silent for " + (now - d.lastHeardMs) / 1000 + " s (limit " + limit / 1000 + " s)");
            }
        }
    }

    private void markDown(Drone d, String why) {
        if (d.availability == Availability.DOWN) {
            return;
        }
        d.availability = Availability.DOWN;
        d.note = why;
        if (d.charging != null) {
            d.charging.cancel();
            d.charging = null;
        }
        count(Counter.DRONES_DOWN);
        record(options.centreId(), CentreAction.DRONE_DOWN, null, d.id(), "drone " + d.id() + " is down ("
                + why + "): district '" + d.record.district() + "' is uncovered");
        emit(new CentreEvent.DroneDown(d.id(), d.record.district(), why));
        Incident current = d.incident;
        if (current != null && !current.state.terminal()) {
            refuse(current, "drone " + d.id() + " went down during the flight: " + why);
        }
        d.incident = null;
        refuseQueue(d, "drone " + d.id() + " of district '" + d.record.district() + "' is down: " + why);
    }

    private void refuseQueue(Drone d, String why) {
        Incident i;
        while ((i = d.queue.poll()) != null) {
            refuse(i, why);
        }
    }

    private void charge(Drone d) {
        if (options.turnaround().isZero()) {
            ready(d, "ready");
            return;
        }
        d.availability = Availability.CHARGING;
        d.note = "charging for " + options.turnaround().toSeconds() + " s";
        d.charging = scheduler.schedule(options.turnaround(), () -> {
            d.charging = null;
            if (d.availability == Availability.CHARGING) {
                ready(d, "ready (charged)");
            }
        });
    }

    private void ready(Drone d, String why) {
        d.availability = Availability.READY;
        d.note = why;
        pump(d);
    }

    /** Gives the head of the drone's queue to the drone if it can take it now. */
    private void pump(Drone d) {
        Incident next = d.queue.peek();
        if (next == null || d.ordering != null) {
            return;
        }
        boolean ready = d.availability == Availability.READY;
        boolean returning = d.airborne() && d.phase == FlightPhase.RETURN;
        if (ready || returning) {
            d.queue.poll();
            cancelDeadline(next);
            decide(next, options.centreId());
        }
    }

    private void refuse(Incident inc, String why) {
        cancelDeadline(inc);
        inc.awaitingConfirmation = false;
        inc.state = IncidentState.REFUSED;
        inc.endedAt = scheduler.now();
        inc.reason = why;
        Drone d = byDistrict.get(inc.district);
        if (d != null) {
            d.queue.remove(inc);
        }
        count(Counter.REFUSED);
        record(options.centreId(), CentreAction.REFUSE, inc.id, inc.droneSystemId, why);
        changed(inc);
    }

    private void cancelIncident(Incident inc, String actor, String why) {
        cancelDeadline(inc);
        inc.awaitingConfirmation = false;
        inc.state = IncidentState.CANCELLED;
        inc.endedAt = scheduler.now();
        inc.reason = why;
        count(Counter.CANCELLED);
        record(actor, CentreAction.CANCEL, inc.id, inc.droneSystemId, why);
        Drone d = byDistrict.get(inc.district);
        if (d != null) {
            d.queue.remove(inc);
            if (d.incident == inc && d.flightId != 0) {
                recallDrone(d, actor, why);
            }
        }
        changed(inc);
    }

    private void recallDrone(Drone d, String actor, String why) {
        long flight = d.flightId;
        Incident i = d.incident;
        d.incident = null;
        record(actor, CentreAction.RECALL, i == null ? null : i.id, d.id(), why);
        CompletableFuture<DispatchAck> f;
        try {
            f = commands.cancel(d.id(), flight, actor, options.centreOrigin(), why.length() > 200
                    ? why.substring(0, 200) : why);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> unused = f.whenComplete((ack, err) -> scheduler.execute(() -> {
            if (err != null || ack == null || !ack.accepted()) {
                record(actor, CentreAction.RECALL, i == null ? null : i.id, d.id(), "the recall of drone " + d.id()
                        + " was not applied: " + (err != null ? err.getMessage()
                        : ack == null ? "no answer" : ack.status() + " " + ack.message()));
            }
        }));
    }

    private void cancelDeadline(Incident inc) {
        if (inc.deadline != null) {
            inc.deadline.cancel();
            inc.deadline = null;
        }
    }

    private interface AgentAction {
        AgentAnswer apply(Incident inc, Drone d);
    }

    private CompletableFuture<AgentAnswer> agent(String agentId, @Nullable String incidentId, int droneSystemId,
                                                 AgentAction action) {
        return ask(() -> {
            if (agentId == null || agentId.isBlank()) {
                count(Counter.AGENT_REFUSED);
                return new AgentAnswer(false, "agentId is missing: every agent action names its agent");
            }
            Incident inc = null;
            if (incidentId != null) {
                inc = incidents.get(incidentId);
                if (inc == null) {
                    return refusedAgent(agentId, incidentId, droneSystemId, "incident '" + incidentId
                            + "' is unknown");
                }
            }
            Drone d = droneSystemId != 0 ? drones.get(droneSystemId)
                    : inc != null ? byDistrict.get(inc.district) : null;
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
                count(Counter.AGENT_ACTIONS);
            }
            return a;
        });
    }

    private Incident placeholder(Drone d) {
        return new Incident(0, "-", IncidentKind.CALLER, d.record.district(), d.record.home(), scheduler.now(),
                DispatchPriority.ROUTINE, "-");
    }

    private AgentAnswer refusedAgent(String agentId, @Nullable String incidentId, int drone, String why) {
        count(Counter.AGENT_REFUSED);
        record(agentId, CentreAction.AGENT_REFUSED, incidentId, drone, why);
        return new AgentAnswer(false, why);
    }

    private static AgentAnswer done(String what) {
        return new AgentAnswer(true, what);
    }

    private static String text(@Nullable String reason) {
        return reason == null || reason.isBlank() ? "(no reason given)" : reason;
    }

    private void record(String actor, CentreAction action, @Nullable String incidentId, int drone, String reason) {
        try {
            recorder.record(new CentreRecord(scheduler.now(), actor, action, incidentId, drone, reason));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DispatchCentre.class).error("the centre's recorder failed on {} {}: {}",
                    action, incidentId, e.toString());
        }
    }

    private void changed(Incident inc) {
        if (!listeners.isEmpty()) {
            emit(new CentreEvent.IncidentChanged(inc.view()));
        }
    }

    private void emit(CentreEvent e) {
        if (listeners.isEmpty()) {
            return;
        }
        callbacks.execute(() -> {
            for (Consumer<CentreEvent> l : listeners) {
                l.accept(e);
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

    private void count(Counter c) {
        Objects.requireNonNull(counters.get(c), "every counter is created").incrementAndGet();
    }

    private long c(Counter c) {
        return Objects.requireNonNull(counters.get(c), "every counter is created").get();
    }
}

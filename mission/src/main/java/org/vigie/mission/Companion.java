package org.vigie.mission;

import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.Geofence;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.MavlinkPort;
import org.vigie.link.command.CommandOptions;
import org.vigie.link.command.CommandService;
import org.vigie.link.command.Target;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.param.ParamOptions;
import org.vigie.link.param.ParamService;
import org.vigie.link.telemetry.TelemetryOptions;
import org.vigie.link.telemetry.TelemetryService;
import org.vigie.link.time.Scheduler;
import org.vigie.mission.audit.AuditedPort;
import org.vigie.mission.audit.MissionAudit;
import org.vigie.mission.compliance.DispatchGate;
import org.vigie.mission.compliance.GateDecision;
import org.vigie.mission.remoteid.RemoteIdBroadcaster;
import org.vigie.mission.remoteid.RemoteIdConfig;
import org.vigie.mission.flight.FlightContext;
import org.vigie.mission.flight.FlightController;
import org.vigie.mission.flight.FlightView;
import org.vigie.mission.flight.OrbitPlan;
import org.vigie.mission.flight.Readiness;
import org.vigie.mission.flight.AutopilotLock;
import org.vigie.mission.flight.VehicleTelemetry;

/**
 * The facade an onboard program embeds: attached to one autopilot over MAVLink and to one district, it accepts
 * dispatches and flies them one at a time.
 *
 * <pre>{@code
 * Companion c = Companion.connect("tcpout://127.0.0.1:5760", district, CompanionOptions.defaults(), scheduler, pool);
 * Flight f = c.dispatch(DispatchRequest.builder("A-1", 48.8566, 2.3522).reason("panic button")
 *         .requester("op-7", "centre 4").build());
 * f.addListener(System.out::println);
 * FlightReport r = f.report().get();
 * }</pre>
 *
 * <p>One flight at a time: a dispatch arriving during a flight retasks it (strictly higher priority, under
 * {@link CompanionOptions.BusyPolicy#RETASK_IF_HIGHER_PRIORITY}) or is refused with a reason; it is never ignored, and
 * every decision is recorded in the audit trail ({@link MissionAudit}).
 *
 * <p>Threading: all methods are thread-safe and take no lock: the current flight is swapped by compare-and-set,
 * the observers list is copy-on-write, {@code closed} is volatile. Flight logic runs on the link's scheduler
 * (event thread); listeners and futures complete on the link's callback executor.
 */
public final class Companion implements AutoCloseable {

    /** Attempts of one mission, fence or rally transfer before the flight sees its failure. */
    static final int TRANSFER_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Companion.class);
    /** Message ids and rates (Hz) the flight needs from the autopilot. */
    private static final Map<Integer, Double> STREAM_RATES_HZ = streamRates();

    private static Map<Integer, Double> streamRates() {
        // {message id, interval us}: GLOBAL_POSITION_INT 33, ATTITUDE 30 and GIMBAL_DEVICE_ATTITUDE_STATUS 285 at
        // 10 Hz; GPS_RAW_INT 24, SYS_STATUS 1, EKF_STATUS_REPORT 193, EXTENDED_SYS_STATE 245, FENCE_STATUS 162 and
        // VFR_HUD 74 at 2 Hz; HOME_POSITION 242, BATTERY_STATUS 147, MISSION_CURRENT 42 and SYSTEM_TIME 2 at 1 Hz
        int[][] s = {
            {33, 100_000}, {30, 100_000}, {24, 500_000}, {1, 500_000}, {193, 500_000}, {242, 1_000_000},
            {245, 500_000}, {147, 1_000_000}, {162, 500_000}, {42, 1_000_000}, {74, 500_000}, {2, 1_000_000},
            {285, 100_000}};
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (int[] e : s) {
            m.put(e[0], 1e6 / e[1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private final MavlinkPort port;
    private final @Nullable MavlinkLink ownedLink;
    private final District district;
    private final Geofence fence;
    private final CompanionOptions options;
    private final AutopilotLock autopilot;
    private final TelemetryService telemetryService;
    private final VehicleTelemetry telemetry;
    private final CommandService commands;
    private final MissionTransferService transfers;
    private final ParamService params;
    private final FlightContext context;
    private final Readiness readiness;
    private final List<Consumer<Flight>> flightObservers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The last flight started; replaced by compare-and-set so two concurrent dispatches never both start one. */
    private final java.util.concurrent.atomic.AtomicReference<Flight> current =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean closed;
    /** What every dispatch and retask passes first; {@link DispatchGate#OPEN} until one is installed. */
    private volatile DispatchGate gate = DispatchGate.OPEN;
    /** Remote ID broadcasters started by {@link #startRemoteId}, closed with the companion. */
    private final List<RemoteIdBroadcaster> remoteIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The context of the last district a gate restricted, reused while the same zones apply. */
    private final java.util.concurrent.atomic.AtomicReference<FlightContext> restricted =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** The stream watch (event thread), cancelled on close. */
    private volatile org.vigie.link.time.@Nullable Cancellable streamWatch;

    private Companion(MavlinkPort port, @Nullable MavlinkLink ownedLink, District district, CompanionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.port = AuditedPort.of(Objects.requireNonNull(port, "port"), options.accountability());
        this.ownedLink = ownedLink;
        this.district = Objects.requireNonNull(district, "district");
        this.fence = district.geofence();
        GeoPoint home = district.home();
        if (!fence.contains(home)) {
            throw new IllegalArgumentException("district '" + district.name() + "' home " + home.latLonText()
                    + " lies outside its own fence");
        }
        OrbitPlan.requireFits(district, options.flight().onScene());
        this.autopilot = new AutopilotLock(this.port, options.autopilotSysId());
        java.util.function.Supplier<Target> target = autopilot;
        this.commands = new CommandService(this.port, target, CommandOptions.defaults());
        // a transfer that times out on a lossy link starts again (three attempts); the steps read back themselves
        this.transfers = new MissionTransferService(this.port, target, TransferOptions.defaults()
                .withTransferPolicy(TRANSFER_ATTEMPTS, false));
        // five sends 700 ms apart, as the flight always waited; integer encoding by the autopilot's flavour
        this.params = new ParamService(this.port, target, new ParamOptions(700, 4, 1000, null));
        this.telemetryService = new TelemetryService(this.port, target, commands, TelemetryOptions.defaults());
        this.telemetry = new VehicleTelemetry(port.scheduler(), autopilot, telemetryService);
        this.context = new FlightContext(this.port, commands, transfers, params, telemetry, district, fence,
                new DistrictPlanner(district), options.energy(), options.flight());
        options.accountability().districtLoaded(port.scheduler().now(), district, "companion started");
        this.readiness = new Readiness(context, () -> currentFlight().isPresent());
        port.scheduler().execute(() -> {
            telemetryService.propagateRebootsTo(transfers, params);
            telemetry.onReboot(() -> port.scheduler().schedule(Duration.ofSeconds(2), this::requestStreams));
            waitForAutopilotThenRequestStreams(0);
            streamWatch = port.scheduler().scheduleAtFixedRate(Duration.ofSeconds(10), Duration.ofSeconds(5),
                    this::watchStreams);
        });
        if (options.readyOnAttach()) {
            readiness.start();
        }
    }

    /**
     * Attaches to an existing link (the caller keeps owning it).
     *
     * @param port     the MAVLink link to the autopilot
     * @param district the district to fly in; its home must lie inside its fence
     * @param options  options
     * @return the companion
     * @throws IllegalArgumentException if the district's home lies outside its fence, or the configured orbit does
     *                                  not fit in it (naming the radius and the largest that fits)
     */
    public static Companion attach(MavlinkPort port, District district, CompanionOptions options) {
        return new Companion(port, null, district, options);
    }

    /**
     * Opens a link from a MAVSDK-style connection string ({@code serial:///dev/ttyAMA0:921600},
     * {@code udpin://0.0.0.0:14540}, {@code tcpout://127.0.0.1:5760}) and attaches to it; the link is closed with the
     * companion.
     *
     * @param connectionString where the autopilot is
     * @param district         the district
     * @param options          options
     * @param scheduler        the event thread and clock
     * @param callbacks        where listeners and futures complete (not the event thread)
     * @return the companion
     * @throws IOException if the transport cannot be opened
     * @throws IllegalArgumentException on a malformed connection string or a district whose home is outside it
     */
    public static Companion connect(String connectionString, District district, CompanionOptions options,
                                    Scheduler scheduler, Executor callbacks) throws IOException {
        MavlinkLink link = MavlinkLink.open(LinkConfig.of(1), scheduler, callbacks, connectionString);
        try {
            return new Companion(link, link, district, options);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    private void waitForAutopilotThenRequestStreams(int tries) {
        if (closed) {
            return;
        }
        if (telemetry.heard()) {
            requestStreams();
        } else {
            port.scheduler().schedule(Duration.ofMillis(500), () -> waitForAutopilotThenRequestStreams(tries + 1));
        }
    }

    private void requestStreams() {
        telemetryService.requestStreams(STREAM_RATES_HZ).whenComplete((o, e) -> {
            if (o != null && !o.allRequested()) {
                LOG.info("streams not all granted: {} (via REQUEST_DATA_STREAM: {})", o.results(), o.viaDataStream());
            }
        });
    }

    /**
     * Keeps the streams verified: every 5 s, when the autopilot is heard but positions stopped for 5 s (a reboot on
     * the ground forgets the rates asked for; a stream dropped), they are asked for again. Once they flow, a reboot
     * shows as time_boot_ms going back, which makes the readiness start again.
     */
    private void watchStreams() {
        if (!closed && telemetry.heard() && telemetry.positionAgeMs() > 5000) {
            requestStreams();
        }
    }

    /**
     * What a dispatch needs that does not depend on its target (profile parameters, fence, FENCE_*), made ready on
     * attach and again after an autopilot reboot ({@link CompanionOptions#readyOnAttach()}).
     *
     * @return the readiness (its state may be read from any thread)
     */
    public Readiness readiness() {
        return readiness;
    }

    /** @return the district flown in */
    public District district() {
        return district;
    }

    /** @return the compiled fence of the district */
    public Geofence geofence() {
        return fence;
    }

    /** @return the options */
    public CompanionOptions options() {
        return options;
    }

    /** @return the MAVLink port in use */
    public MavlinkPort port() {
        return port;
    }

    /** @return the flight in progress, if any */
    public Optional<Flight> currentFlight() {
        return Optional.ofNullable(current.get()).filter(f -> !f.phase().isTerminal());
    }

    /**
     * Adds an observer told of every flight started (on the calling thread of {@link #dispatch}); used to attach
     * streaming to each flight.
     *
     * @param observer receives each new flight
     */
    public void onFlightStarted(Consumer<Flight> observer) {
        flightObservers.add(Objects.requireNonNull(observer, "observer"));
    }

    /**
     * Starts giving the autopilot the operator's Remote ID data (OPEN_DRONE_ID_SYSTEM every second, OPERATOR_ID and
     * SELF_ID every 3 s): call it right after attaching. Stopped by {@link #close()}.
     *
     * @param config the operator's Remote ID data
     * @return the running broadcaster
     */
    public RemoteIdBroadcaster startRemoteId(RemoteIdConfig config) {
        RemoteIdBroadcaster b = RemoteIdBroadcaster.start(port, autopilot, config);
        remoteIds.add(b);
        return b;
    }

    /**
     * Installs the lawful conditions every later dispatch and retask passes first (authorisation, ED-269 zones: see
     * {@link org.vigie.mission.compliance.ComplianceGate}); a refusal ends the dispatch with outcome REFUSED and the
     * gate's sentence, a restricted district is the one the flight plans and flies in. Thread-safe (a volatile swap).
     *
     * @param dispatchGate the gate; {@link DispatchGate#OPEN} removes it
     * @return this companion
     */
    public Companion gateDispatches(DispatchGate dispatchGate) {
        this.gate = Objects.requireNonNull(dispatchGate, "dispatchGate");
        return this;
    }

    /**
     * Dispatches the drone. Never ignored: returns a new flight, or (while a flight is in progress) the current flight
     * retasked when the policy allows it, or a flight already ended with outcome REFUSED and the reason.
     *
     * @param request the dispatch
     * @return the flight handle
     * @throws IllegalStateException if the companion is closed
     */
    public Flight dispatch(DispatchRequest request) {
        Objects.requireNonNull(request, "request");
        while (true) {
            if (closed) {
                throw new IllegalStateException("companion is closed");
            }
            Flight active = current.get();
            if (active != null && !active.phase().isTerminal()) {
                return whileBusy(active, request);
            }
            GateDecision lawful = gate.decide(request, district, port.scheduler().now());
            if (lawful instanceof GateDecision.Refused no) {
                return refused(request, no.reason());
            }
            GateDecision.Cleared cleared = (GateDecision.Cleared) lawful;
            FlightContext ctx = contextFor(cleared.district());
            // readiness prepared the autopilot for the district as loaded; a district the gate restricted needs its own
            // fence, so that flight uploads everything itself
            Readiness ready = options.readyOnAttach() && cleared.district() == district ? readiness : null;
            Flight f = new Flight(request, sink -> new FlightController(ctx, ready, request, sink),
                    port.callbackExecutor());
            if (!current.compareAndSet(active, f)) {
                continue; // another dispatch started a flight meanwhile: decide again against it
            }
            record(MissionAudit.Decision.ACCEPTED, request, cleared.notes().isEmpty() ? "flight started"
                    : "flight started " + String.join("; ", cleared.notes()));
            f.addListener(e -> options.accountability().flightEvent(f.currentRequest().alertId(), e));
            f.report().thenAccept(r -> record(MissionAudit.Decision.ENDED, f.currentRequest(),
                    r.outcome() + " (" + r.finalPhase() + "): " + r.outcomeReason()));
            for (Consumer<Flight> o : flightObservers) {
                o.accept(f);
            }
            Objects.requireNonNull(f.controller(), "a started flight has its controller").start();
            return f;
        }
    }

    private FlightContext contextFor(District flown) {
        if (flown == district) {
            return context;
        }
        FlightContext last = restricted.get();
        if (last != null && last.district() == flown) {
            return last;
        }
        FlightContext c = new FlightContext(context.port(), context.commands(), context.transfers(), context.params(),
                context.telemetry(), flown, flown.geofence(), new DistrictPlanner(flown), context.energy(),
                context.config());
        restricted.set(c);
        return c;
    }

    private Flight whileBusy(Flight active, DispatchRequest request) {
        DispatchRequest cur = active.currentRequest();
        if (options.busyPolicy() == CompanionOptions.BusyPolicy.RETASK_IF_HIGHER_PRIORITY
                && request.priority().outranks(cur.priority())) {
            if (gate.decide(request, district, port.scheduler().now()) instanceof GateDecision.Refused no) {
                return refused(request, "retask of alert " + cur.alertId() + " refused: " + no.reason());
            }
            record(MissionAudit.Decision.RETASKED, request, "retasking the flight for alert "
                    + cur.alertId() + " (" + cur.priority() + ") with this " + request.priority() + " dispatch");
            active.retask(request).thenAccept(d -> record(d.accepted() ? MissionAudit.Decision.RETASKED
                    : MissionAudit.Decision.REFUSED, request, d.reason()));
            return active;
        }
        String why = "the drone is flying alert " + cur.alertId() + " (" + cur.priority() + ", phase "
                + active.phase() + "); this " + request.priority() + " dispatch does not outrank it"
                + (options.busyPolicy() == CompanionOptions.BusyPolicy.REFUSE ? " (policy: refuse while busy)" : "");
        return refused(request, why);
    }

    private Flight refused(DispatchRequest request, String why) {
        record(MissionAudit.Decision.REFUSED, request, why);
        java.time.Instant now = port.scheduler().now();
        FlightReport r = FlightReport.builder(request).outcome(FlightOutcome.REFUSED, FlightPhase.ABORTED, why)
                .times(now, now).build();
        return Flight.refused(request, r, new FlightEvent.PhaseChanged(now, FlightPhase.PREFLIGHT,
                FlightPhase.ABORTED, why), port.callbackExecutor());
    }

    private void record(MissionAudit.Decision e, DispatchRequest r, String detail) {
        options.accountability().decision(port.scheduler().now(), e, r, r.requesterId(), r.requesterOrigin(),
                r.reason(), detail);
    }

    /** Tells the current flight the dispatch side is alive (feeds the dispatch-link failsafe). */
    public void dispatchLinkAlive() {
        Flight f = current.get();
        if (f != null && f.controller() != null) {
            f.controller().dispatchLinkAlive();
        }
    }

    /**
     * The read-only view of a flight, for observers (streaming, KLV, gimbal steering); the same as
     * {@link Flight#view()}.
     *
     * @param flight a flight of this companion
     * @return its view, or empty for a refused dispatch
     */
    public static Optional<FlightView> viewOf(Flight flight) {
        return flight.view();
    }

    /**
     * The command service bound to the autopilot, for payload commands beside the flight logic (e.g.
     * {@link org.vigie.mission.flight.GimbalSteering}). Thread-safe; do not send flight-mode or navigation commands
     * through it.
     *
     * @return the command service
     */
    public CommandService payloadCommands() {
        return commands;
    }

    /** Closes the services (and the link when this companion opened it). A flight in progress is not stopped. */
    @Override
    public void close() {
        closed = true;
        remoteIds.forEach(RemoteIdBroadcaster::close);
        org.vigie.link.time.Cancellable w = streamWatch;
        if (w != null) {
            w.cancel();
        }
        readiness.close();
        params.close();
        telemetryService.close();
        autopilot.close();
        commands.close();
        transfers.close();
        if (ownedLink != null) {
            ownedLink.close();
        }
    }
}

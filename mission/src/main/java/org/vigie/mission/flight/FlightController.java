package org.vigie.mission.flight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceExporter;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.plan.PlanOptions;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.geofence.plan.Route;
import org.vigie.geofence.plan.Waypoint;
import org.vigie.geofence.plan.WaypointKind;
import org.vigie.link.command.CommandOutcome;
import org.vigie.link.command.CommandResult;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.FenceCapacityProbe;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferResult;
import org.vigie.link.command.Target;
import org.vigie.geofence.export.FenceShape;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;
import org.vigie.mission.DispatchRequest;
import org.vigie.mission.FailsafeKind;
import org.vigie.mission.FlightEvent;
import org.vigie.mission.FlightOutcome;
import org.vigie.mission.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.RetaskDecision;
import org.vigie.mission.TrackPoint;
import org.vigie.mission.energy.EnergyBudget;

/**
 * Flies one dispatch: the state machine of {@link FlightPhase}, driven by a periodic decision tick and by telemetry,
 * through a {@link FlavourStrategy}.
 *
 * <p><b>How the route is flown.</b> TRANSIT and RETURN fly the planned route as GUIDED waypoints: one
 * MAV_CMD_DO_REPOSITION (COMMAND_INT, acknowledged: ArduCopter answers FAILED for a point outside its own fence) per
 * leg, each leg confirmed from GLOBAL_POSITION_INT before the next is sent, each with a progress deadline. This was
 * chosen over an AUTO mission because retask, cancel, brake and re-plan then take effect with one command and no
 * mission re-upload race, the on-scene time and its release stay with the companion, and every step is confirmed
 * from telemetry rather than trusting the autopilot to refuse. The same route is also uploaded as the autopilot's
 * mission (read back and checked) so a pilot watching in a ground station sees the plan and can fly it in AUTO if the
 * companion dies.
 *
 * <p><b>Failsafes</b> (always on): autopilot link lost, dispatch link lost, battery below the return reserve,
 * predicted breach, GPS/EKF lost, unrequested mode change (pilot takeover), autopilot reboot; see
 * {@link FailsafeKind}. Once a pilot or the autopilot's own failsafe has the drone, the controller stops commanding
 * and keeps watching until the vehicle is disarmed.
 *
 * <p>Threading: everything runs on the port's scheduler (event thread). {@link #start()}, {@link #retask},
 * {@link #cancel()}, {@link #release()} and {@link #dispatchLinkAlive()} may be called from any thread: they post to
 * it. Results of async commands hop back to the event thread and are ignored when the flight moved on meanwhile.
 */
public final class FlightController {

    private static final Logger LOG = LoggerFactory.getLogger(FlightController.class);
    private static final long WARN_PERIOD_MS = 5000;
    /** How long the autopilot has to say how many fence items it stores (the mission protocol's own time-out). */
    private static final Duration FENCE_PROBE_TIMEOUT = Duration.ofMillis(1500);
    /** How many times a fence refused for space is re-exported smaller and sent again. */
    private static final int FENCE_SPACE_RETRIES = 3;
    private static final long TRACK_PERIOD_MS = 1000;
    private static final int CMD_WAYPOINT = 16;
    private static final int CMD_LOITER_TIME = 19;
    private static final int CMD_LAND = 21;
    private static final int CMD_TAKEOFF = 22;
    private static final int CMD_ROI_LOCATION = 195;
    private static final int CMD_ROI_NONE = 197;

    private final FlightContext ctx;
    private final FlightSink sink;
    private final Scheduler scheduler;
    private final VehicleTelemetry t;
    /** Reboot and STATUSTEXT listeners of this flight, removed when it ends. */
    private final List<org.vigie.link.Subscription> telemetrySubs = new ArrayList<>();
    private final FlightConfig cfg;
    private final BreachPredictor breach;
    private final PlanOptions planOptions;
    private final List<Consumer<FlightController>> tickObservers = new ArrayList<>();

    private FlavourStrategy strategy;
    private DispatchRequest request;
    private FlightPhase phase = FlightPhase.PREFLIGHT;
    private long epoch;
    private long phaseEnteredMs;
    private final Map<FlightPhase, Duration> phaseTimes = new EnumMap<>(FlightPhase.class);
    private final List<FlightPhase> phaseOrder = new ArrayList<>();
    private Instant startedAt;
    private long startMs;
    private Cancellable tickTask;
    private boolean started;

    /** The district's fence as exported for this autopilot, once the strategy is known. */
    private FenceExport fenceExport;
    /** What the autopilot stores of a fence: null until asked; shrinks when it refuses a fence for space. */
    private FenceCapacity fenceCapacity;
    private boolean fenceProbeStarted;
    private int fenceSpaceRetries;
    /** Routes checked against {@link #fenceExport}; null until exported. */
    private AutopilotFenceCheck fenceCheck;
    private Route outbound;
    private Route inbound;
    private EnergyBudget budget;
    private final List<List<TrackPoint>> planned = new ArrayList<>();
    private boolean lastRouteIsPreplannedReturn;
    private final List<TrackPoint> flown = new ArrayList<>();
    private double plannedDistanceM;
    private double flownDistanceM;
    private final List<FailsafeKind> failsafes = new ArrayList<>();
    private int retasks;
    private int startBatteryPercent = -1;
    private int fenceItemCount;

    // step state within a phase
    private int step;
    private boolean waitingAsync;
    private long stepDeadlineMs;
    private int attempts;
    private long lastWarnMs = -1_000_000_000L;
    private long lastTrackMs = -1_000_000_000L;
    private String expectedMode;
    private boolean modeConfirmed;

    // leg following
    private List<GeoPoint> legs = List.of();
    private int legIndex;
    private boolean legSent;
    private long legDeadlineMs;
    private boolean legsOutbound;
    private int legResends;
    private double legBestM;
    private long legProgressMs;

    // on scene
    private long onSceneUntilMs;
    private boolean released;

    // failsafe state
    private boolean autopilotLost;
    private long autopilotLostSinceMs;
    private boolean yielded;
    private FailsafeKind yieldKind;
    private String yieldReason;
    private boolean navLost;
    private long navLostSinceMs;
    private long dispatchLastMs;
    private boolean dispatchLost;
    private boolean braking;
    private long brakeSinceMs;
    private long lastBreachMs = -1_000_000_000L;
    private long lastReserveCheckMs = -1_000_000_000L;
    private boolean batteryReturn;
    private boolean cancelled;
    private boolean reachedScene;
    private long landRequestedMs;
    private long lastFailsafeTextMs = -1_000_000_000L;
    private String lastFailsafeText = "";
    private String returnReason = "";
    private boolean finished;

    /**
     * Creates a controller; nothing is sent until {@link #start()}.
     *
     * @param ctx     the companion's shared context
     * @param request the dispatch
     * @param sink    where events and the report go
     */
    public FlightController(FlightContext ctx, DispatchRequest request, FlightSink sink) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.request = Objects.requireNonNull(request, "request");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.scheduler = ctx.port().scheduler();
        this.t = ctx.telemetry();
        this.cfg = ctx.config();
        this.breach = new BreachPredictor(cfg.brakeDecelerationMps2(), cfg.breachReactionS());
        this.planOptions = new PlanOptions(cfg.cruiseSpeedMps(), cfg.climbRateMps(), cfg.descentRateMps(), 150.0);
    }

    // ------------------------------------------------------------------------------------------------ public API

    /** Starts the flight (posts to the event thread). Idempotent. */
    public void start() {
        scheduler.execute(() -> {
            if (started) {
                return;
            }
            started = true;
            startedAt = scheduler.now();
            startMs = ms();
            dispatchLastMs = startMs;
            phaseEnteredMs = startMs;
            phaseOrder.add(FlightPhase.PREFLIGHT);
            telemetrySubs.add(t.onReboot(this::onReboot));
            telemetrySubs.add(t.onStatusText((sev, text) -> {
                String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
                if (lower.contains("failsafe") || lower.contains("breach")) {
                    lastFailsafeTextMs = ms();
                    lastFailsafeText = text;
                }
                if (!finished) {
                    emit(new FlightEvent.AutopilotMessage(scheduler.now(), sev, text));
                }
            }));
            emit(new FlightEvent.PhaseChanged(startedAt, FlightPhase.PREFLIGHT, FlightPhase.PREFLIGHT,
                    "dispatch " + request.alertId() + " accepted from " + request.requesterId()));
            earlyPlanCheck();
            if (!finished) {
                tickTask = scheduler.scheduleAtFixedRate(Duration.ZERO, cfg.tickPeriod(), this::tick);
            }
        });
    }

    /**
     * Adds an observer called on the event thread at every decision tick (for streaming: KLV, telemetry).
     *
     * @param observer receives this controller; must not block
     */
    public void addTickObserver(Consumer<FlightController> observer) {
        scheduler.execute(() -> tickObservers.add(observer));
    }

    /**
     * Adds an observer called on the event thread after each ATTITUDE message while the flight runs (10 Hz: for KLV
     * metadata, which must follow the attitude closely).
     *
     * @param observer receives this controller; must not block
     */
    public void addTelemetryObserver(Consumer<FlightController> observer) {
        scheduler.execute(() -> {
            if (finished) {
                return;
            }
            org.vigie.link.Subscription[] sub = new org.vigie.link.Subscription[1];
            sub[0] = t.onAttitude(() -> {
                if (finished) {
                    sub[0].close();
                    return;
                }
                try {
                    observer.accept(this);
                } catch (RuntimeException e) {
                    LOG.warn("telemetry observer failed: {}", e.toString());
                }
            });
        });
    }

    /** @return the current phase (event thread; other threads see a recent value) */
    public FlightPhase phase() {
        return phase;
    }

    /** @return the scheduler this flight runs on (its clock is the flight's time) */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** @return the dispatch being flown (changes on retask) */
    public DispatchRequest request() {
        return request;
    }

    /** @return the telemetry view this flight decides from (event thread only) */
    public VehicleTelemetry telemetry() {
        return t;
    }

    /**
     * The command service bound to this flight's autopilot, for payload commands beside the flight logic (e.g.
     * {@link GimbalSteering}). Thread-safe; do not send flight-mode or navigation commands through it.
     *
     * @return the command service
     */
    public org.vigie.link.command.CommandService commands() {
        return ctx.commands();
    }

    /** @return the flavour strategy in use, null before PREFLIGHT has seen the autopilot */
    public FlavourStrategy strategy() {
        return strategy;
    }

    /**
     * Retasks the flight to a new target, re-planning from where the drone is.
     *
     * @param newRequest the new dispatch (its requester and reason are recorded)
     * @return the decision, completed on the event thread
     */
    public CompletableFuture<RetaskDecision> retask(DispatchRequest newRequest) {
        Objects.requireNonNull(newRequest, "newRequest");
        CompletableFuture<RetaskDecision> f = new CompletableFuture<>();
        scheduler.execute(() -> f.complete(doRetask(newRequest)));
        return f;
    }

    /**
     * Cancels: before take-off the flight ends ABORTED; in the air it returns home now along a planned route.
     *
     * @return completes on the event thread with a sentence saying what was done
     */
    public CompletableFuture<String> cancel() {
        CompletableFuture<String> f = new CompletableFuture<>();
        scheduler.execute(() -> f.complete(doCancel()));
        return f;
    }

    /** Ends the on-scene time now (the flight returns home). No effect outside ON_SCENE/TRANSIT. */
    public void release() {
        scheduler.execute(() -> {
            released = true;
        });
    }

    /** Tells the flight the dispatch side is still there (resets the dispatch-link watch). */
    public void dispatchLinkAlive() {
        scheduler.execute(() -> {
            dispatchLastMs = ms();
            if (dispatchLost) {
                dispatchLost = false;
                warn("dispatch link back");
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ main loop

    private long ms() {
        return scheduler.monotonicMs();
    }

    private void tick() {
        if (finished) {
            return;
        }
        try {
            if (strategy == null && t.heard()) {
                strategy = switch (t.flavour()) {
                    case PX4 -> Px4Strategy.standard();
                    default -> ArduPilotStrategy.standard();
                };
            }
            watchLinks();
            if (finished) {
                return;
            }
            if (phase.isAirborne() || phase == FlightPhase.ARM) {
                watchFailsafes();
            }
            if (finished) {
                return;
            }
            if (expectedMode != null && !modeConfirmed && t.modeName().equals(expectedMode)) {
                modeConfirmed = true;
            }
            if (!yielded && !autopilotLost && !navLost) {
                runPhase();
            } else {
                tickWatching();
            }
            if (!finished) {
                sampleTrack();
                for (Consumer<FlightController> o : tickObservers) {
                    try {
                        o.accept(this);
                    } catch (RuntimeException e) {
                        LOG.warn("tick observer failed: {}", e.toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("flight {} bug in phase {}", request.alertId(), phase, e);
            fail(FlightOutcome.FAILED, "internal error in " + phase + ": " + e);
        }
    }

    // ------------------------------------------------------------------------------------------------ phases

    private void runPhase() {
        switch (phase) {
            case PREFLIGHT -> tickPreflight();
            case UPLOAD -> tickUpload();
            case ARM -> tickArm();
            case TAKEOFF -> tickTakeoff();
            case TRANSIT, RETURN -> tickLegs();
            case ON_SCENE -> tickOnScene();
            case LAND -> tickLand();
            default -> {
            }
        }
    }

    /** Runs the current phase's step again soon, without waiting for the next tick (after an async step ended). */
    private void kick() {
        long e = epoch;
        scheduler.execute(() -> {
            if (!finished && e == epoch && !yielded && !autopilotLost && !navLost) {
                try {
                    runPhase();
                } catch (RuntimeException ex) {
                    LOG.error("flight {} bug in phase {}", request.alertId(), phase, ex);
                    fail(FlightOutcome.FAILED, "internal error in " + phase + ": " + ex);
                }
            }
        });
    }

    private void earlyPlanCheck() {
        GeoPoint start = ctx.district().home().withAltitudeRelM(0);
        PlanResult r = ctx.planner().plan(start, target(), planOptions);
        if (r instanceof PlanResult.Refused ref) {
            fail(FlightOutcome.REFUSED, ref.failure().message());
        }
    }

    private GeoPoint target() {
        return new GeoPoint(request.targetLatDeg(), request.targetLonDeg(), 0);
    }

    private void tickPreflight() {
        long now = ms();
        if (step == 0) {
            stepDeadlineMs = now + cfg.preflightTimeout().toMillis();
            step = 1;
        }
        List<String> waiting = new ArrayList<>();
        if (!t.heard() || t.heartbeatAgeMs() > cfg.autopilotLinkTimeout().toMillis()) {
            waiting.add("autopilot HEARTBEAT");
        } else {
            if (t.gpsFixType() < 3) {
                waiting.add("GPS 3-D fix (fix type " + t.gpsFixType() + ", " + t.satellites() + " satellites)");
            }
            if (strategy != null && !strategy.navigationHealthy(t)) {
                String p = strategy.navigationProblem(t);
                if (!p.isEmpty()) {
                    waiting.add(p);
                }
            }
            if (!t.homeKnown()) {
                waiting.add("home position");
            }
            if (t.positionAgeMs() > 3000) {
                waiting.add("position (GLOBAL_POSITION_INT)");
            }
            if (t.batteryPercent() < 0) {
                waiting.add("battery level");
            }
        }
        if (waiting.isEmpty() && strategy != null && fenceCapacity == null) {
            askFenceCapacity();
            waiting.add("the autopilot's fence capacity");
        }
        if (!waiting.isEmpty()) {
            if (now >= stepDeadlineMs) {
                fail(FlightOutcome.REFUSED, "autopilot not ready after " + cfg.preflightTimeout().toSeconds()
                        + " s: still waiting for " + String.join(", ", waiting));
            } else if (now - lastWarnMs >= WARN_PERIOD_MS) {
                lastWarnMs = now;
                warn("preflight: waiting for " + String.join(", ", waiting));
            }
            return;
        }
        if (t.armed()) {
            fail(FlightOutcome.REFUSED, "the autopilot is already armed: someone else is flying it");
            return;
        }
        GeoPoint home = new GeoPoint(t.homeLatDeg(), t.homeLonDeg(), 0);
        if (!ctx.fence().contains(home)) {
            fail(FlightOutcome.REFUSED, String.format(Locale.ROOT,
                    "the autopilot's home %s lies %.0f m outside district '%s'", home.latLonText(),
                    Math.abs(ctx.fence().signedDistanceM(home)), ctx.district().name()));
            return;
        }
        String fenceProblem = exportFence();
        if (fenceProblem != null) {
            fail(FlightOutcome.REFUSED, "the district's fence cannot be given to the autopilot: " + fenceProblem);
            return;
        }
        if (!planRoundTrip(home)) {
            return;
        }
        OptionalDouble available = ctx.energy().availableWh(t.batteryPercent());
        if (available.isEmpty() || available.getAsDouble() < budget.requiredWh()) {
            fail(FlightOutcome.REFUSED, String.format(Locale.ROOT,
                    "battery holds %.1f Wh (%d %%) but the flight needs %.1f Wh including a %.1f Wh reserve",
                    available.orElse(0), t.batteryPercent(), budget.requiredWh(), budget.reserveWh()));
            return;
        }
        startBatteryPercent = t.batteryPercent();
        enter(FlightPhase.UPLOAD, String.format(Locale.ROOT,
                "preflight OK: GPS fix %d, %d satellites, home inside the fence, battery %d %% (%.1f Wh) for %.1f Wh",
                t.gpsFixType(), t.satellites(), t.batteryPercent(), available.getAsDouble(), budget.requiredWh()));
    }

    /** Plans outbound from {@code from} and the return from the scene; sets the budget. False when refused. */
    private boolean planRoundTrip(GeoPoint from) {
        PlanResult out = ctx.planner().plan(from, target(), planOptions);
        if (out instanceof PlanResult.Refused r) {
            fail(FlightOutcome.REFUSED, r.failure().message());
            return false;
        }
        Route o = withOnSceneAltitude(((PlanResult.Planned) out).route());
        GeoPoint scene = o.waypoints().get(o.waypoints().size() - 1).position();
        PlanResult back = ctx.planner().planReturn(scene, planOptions);
        if (back instanceof PlanResult.Refused r) {
            fail(FlightOutcome.REFUSED, "no way back from the scene: " + r.failure().message());
            return false;
        }
        String cut = autopilotFenceProblem(o, ((PlanResult.Planned) back).route());
        if (cut != null) {
            fail(FlightOutcome.REFUSED, cut);
            return false;
        }
        outbound = o;
        inbound = ((PlanResult.Planned) back).route();
        double onSceneS = request.onSceneTime().toMillis() / 1000.0;
        budget = ctx.energy().flight(outbound.horizontalLengthM(), inbound.horizontalLengthM(), cfg.cruiseSpeedMps(),
                ctx.district().transitAltitudeRelM(), cfg.climbRateMps(), cfg.descentRateMps(), onSceneS);
        planned.clear();
        appendPlanned(outbound, 0);
        double tBack = outbound.expectedDurationS() + onSceneS;
        appendPlanned(inbound, tBack);
        lastRouteIsPreplannedReturn = true;
        plannedDistanceM = outbound.horizontalLengthM() + inbound.horizontalLengthM();
        return true;
    }

    /** The return planned in advance is replaced by the one actually flown (or by a new plan). */
    private void dropPreplannedReturn() {
        if (lastRouteIsPreplannedReturn && !planned.isEmpty()) {
            planned.remove(planned.size() - 1);
        }
        lastRouteIsPreplannedReturn = false;
    }

    private Route withOnSceneAltitude(Route r) {
        if (request.altitudeRelM().isEmpty()) {
            return r;
        }
        double alt = clampAltitude(request.altitudeRelM().getAsDouble());
        List<Waypoint> w = new ArrayList<>(r.waypoints());
        int last = w.size() - 1;
        if (w.get(last).kind() == WaypointKind.ON_SCENE) {
            w.set(last, new Waypoint(w.get(last).position().withAltitudeRelM(alt), WaypointKind.ON_SCENE));
        }
        return new Route(w, r.requestedTarget(), r.destination(), r.horizontalLengthM(), r.verticalLengthM(),
                r.expectedDurationS());
    }

    private double clampAltitude(double alt) {
        double lo = ctx.district().floorRelM() + ctx.district().verticalMarginM();
        double hi = ctx.district().ceilingRelM() - ctx.district().verticalMarginM();
        return Math.max(lo, Math.min(hi, alt));
    }

    private void appendPlanned(Route r, double t0) {
        List<TrackPoint> route = new ArrayList<>();
        planned.add(route);
        double tS = t0;
        GeoPoint prev = null;
        for (Waypoint w : r.waypoints()) {
            if (prev != null) {
                double d = horizontalM(prev, w.position());
                double dz = Math.abs(w.position().altitudeRelM() - prev.altitudeRelM());
                tS += d / cfg.cruiseSpeedMps() + dz / cfg.climbRateMps();
            }
            route.add(new TrackPoint(tS, w.position().latDeg(), w.position().lonDeg(), w.position().altitudeRelM()));
            prev = w.position();
        }
    }

    private void tickUpload() {
        long now = ms();
        if (step == 0) {
            stepDeadlineMs = now + cfg.uploadTimeout().toMillis();
            step = 1;
        }
        if (now >= stepDeadlineMs) {
            fail(FlightOutcome.FAILED, "upload did not complete within " + cfg.uploadTimeout().toSeconds() + " s");
            return;
        }
        if (waitingAsync) {
            return;
        }
        switch (step) {
            case 1 -> {
                String fenceProblem = exportFence();
                if (fenceProblem != null) {
                    fail(FlightOutcome.REFUSED, "the district's fence cannot be given to the autopilot: "
                            + fenceProblem);
                    return;
                }
                List<FenceShape> shapes = ((FenceExport.Exported) fenceExport).shapes();
                List<MissionItem> items = FenceMissionItems.of(shapes);
                fenceItemCount = items.size();
                waitingAsync = true;
                async(ctx.transfers().upload(MissionType.FENCE, items), o -> {
                    boolean space = o.result() == TransferResult.NO_SPACE || o.result() == TransferResult.ERROR;
                    if (!o.succeeded() && space && fenceSpaceRetries < FENCE_SPACE_RETRIES) {
                        fenceSpaceRetries++;
                        String problem = shrinkFence(shapes);
                        if (problem != null) {
                            fail(FlightOutcome.REFUSED, "the autopilot refused the fence for space (" + o.result()
                                    + ") and a smaller one does not hold the route: " + problem);
                            return;
                        }
                        warn(String.format(Locale.ROOT, "the autopilot refused a fence of %d items (%s): retrying"
                                + " with a smaller conservative fence (%s)", items.size(), o.result(),
                                fenceCapacity));
                        waitingAsync = false;
                        kick();
                        return;
                    }
                    if (!o.succeeded()) {
                        fail(FlightOutcome.FAILED, "fence upload failed: " + o.result() + " " + o.detail());
                        return;
                    }
                    async(ctx.transfers().download(MissionType.FENCE), d -> {
                        String diff = compareItems(items, d);
                        if (diff != null) {
                            fail(FlightOutcome.FAILED, "fence read back differs from what was sent: " + diff);
                            return;
                        }
                        step = 2;
                        attempts = 0;
                        waitingAsync = false;
                        kick();
                    });
                });
            }
            case 2 -> {
                List<ParamSetting> ps = strategy.fenceParameters(ctx.district());
                if (attempts >= ps.size()) {
                    step = 3;
                    kick();
                    return;
                }
                ParamSetting p = ps.get(attempts);
                waitingAsync = true;
                async(ctx.params().set(p.name(), p.value()), o -> {
                    if (!o.succeeded()) {
                        fail(FlightOutcome.FAILED, "parameter " + p.name() + " could not be set to " + p.value()
                                + " (" + o.result() + (o.param() == null ? ""
                                : ", autopilot reports " + o.param().value()) + " after " + o.attempts()
                                + " attempts)");
                        return;
                    }
                    attempts++;
                    waitingAsync = false;
                    kick();
                });
            }
            case 3 -> {
                if (!cfg.uploadMission()) {
                    enter(FlightPhase.ARM, "fence uploaded, read back and enabled");
                    return;
                }
                List<MissionItem> items = missionItems();
                waitingAsync = true;
                async(ctx.transfers().uploadPlan(items), o -> {
                    if (!o.succeeded()) {
                        fail(FlightOutcome.FAILED, "mission upload failed: " + o.result() + " " + o.detail());
                        return;
                    }
                    async(ctx.transfers().downloadPlan(), d -> {
                        String diff = compareItems(items, d);
                        if (diff != null) {
                            fail(FlightOutcome.FAILED, "mission read back differs: " + diff);
                            return;
                        }
                        waitingAsync = false;
                        enter(FlightPhase.ARM, "fence (" + fenceItemCount
                                + " items) and mission (" + items.size() + " items) uploaded and read back; fence enabled");
                    });
                });
            }
            default -> {
            }
        }
    }

    /**
     * Exports the district's fence within the autopilot's item budget (once; the strategy must be known) and prepares
     * the route check against it.
     *
     * @return null when exported, else the exporter's refusal
     */
    private String exportFence() {
        if (fenceExport == null) {
            fenceExport = new FenceExporter(fenceCapacity, false).export(ctx.district());
            if (fenceExport instanceof FenceExport.Exported e) {
                fenceCheck = new AutopilotFenceCheck(ctx.fence().frame(), e.shapes(),
                        ctx.district().horizontalMarginM() / 2);
            }
        }
        return fenceExport instanceof FenceExport.Refused r ? r.message() : null;
    }

    /**
     * Asks the autopilot once how many fence items it stores ({@link FenceCapacityProbe}); without an answer the
     * strategy's default holds. ArduPilot's storage is 8 bytes per item it reports.
     */
    private void askFenceCapacity() {
        if (fenceProbeStarted) {
            return;
        }
        fenceProbeStarted = true;
        FenceCapacity fallback = strategy.defaultFenceCapacity();
        async(FenceCapacityProbe.probe(ctx.port(), new Target(t.targetSysId(), t.targetCompId(), t.flavour()),
                FENCE_PROBE_TIMEOUT), stated -> {
                    fenceCapacity = stated.isPresent() && fallback.maxStorageBytes() > 0
                            ? FenceCapacity.arduPilot(8 * stated.getAsInt())
                            : stated.isPresent() ? FenceCapacity.items(stated.getAsInt()) : fallback;
                    LOG.info("fence capacity: {} ({})", fenceCapacity, stated.isPresent() ? "stated by the autopilot"
                            : "default for " + t.flavour());
                    kick();
                });
    }

    /**
     * After the autopilot refused the fence for space: a smaller conservative fence, and the routes checked against
     * it again.
     *
     * @return null when a smaller fence was exported and the routes still fit it, else why not
     */
    private String shrinkFence(List<FenceShape> refused) {
        fenceCapacity = fenceCapacity.below(refused);
        fenceExport = null;
        fenceCheck = null;
        String problem = exportFence();
        if (problem != null) {
            return problem;
        }
        return autopilotFenceProblem(outbound, inbound);
    }

    /**
     * @return null when both routes keep half the district's margin inside the fence the autopilot enforces (or that
     *         fence is not exported yet), else the sentence
     */
    private String autopilotFenceProblem(Route out, Route back) {
        if (fenceCheck == null) {
            return null;
        }
        String p = fenceCheck.problem(out, "outbound");
        return p != null ? p : fenceCheck.problem(back, "return");
    }

    private static String compareItems(List<MissionItem> sent, TransferOutcome read) {
        if (!read.succeeded()) {
            return "read-back failed: " + read.result();
        }
        List<MissionItem> got = read.items();
        if (got.size() != sent.size()) {
            return "sent " + sent.size() + " items, read back " + got.size();
        }
        for (int i = 0; i < sent.size(); i++) {
            MissionItem a = sent.get(i);
            MissionItem b = got.get(i);
            if (a.command() != b.command() || a.x() != b.x() || a.y() != b.y()
                    || Math.abs(a.param1() - b.param1()) > 1e-3 || Math.abs(a.z() - b.z()) > 0.01) {
                return "item " + i + " differs (sent command " + a.command() + " at " + a.x() + "," + a.y()
                        + ", read command " + b.command() + " at " + b.x() + "," + b.y() + ")";
            }
        }
        return null;
    }

    private List<MissionItem> missionItems() {
        List<MissionItem> items = new ArrayList<>();
        double alt = ctx.district().transitAltitudeRelM();
        items.add(item(CMD_TAKEOFF, 0, 0, 0, alt));
        for (GeoPoint p : legPoints(outbound)) {
            items.add(item(CMD_WAYPOINT, 0, p.latDeg(), p.lonDeg(), p.altitudeRelM()));
        }
        GeoPoint tg = target();
        items.add(item(CMD_ROI_LOCATION, 0, tg.latDeg(), tg.lonDeg(), 0));
        GeoPoint scene = outbound.waypoints().get(outbound.waypoints().size() - 1).position();
        items.add(item(CMD_LOITER_TIME, request.onSceneTime().toSeconds(), scene.latDeg(), scene.lonDeg(),
                scene.altitudeRelM()));
        // no position: frame 0, as ArduCopter reads it back (capture session 3), so read-back comparisons agree
        items.add(new MissionItem(0, 0, CMD_ROI_NONE, 0, 1, 0, 0, 0, 0, 0, 0, 0, MissionType.MISSION));
        for (GeoPoint p : legPoints(inbound)) {
            items.add(item(CMD_WAYPOINT, 0, p.latDeg(), p.lonDeg(), p.altitudeRelM()));
        }
        items.add(item(CMD_LAND, 0, 0, 0, 0));
        return items;
    }

    private static MissionItem item(int command, double p1, double latDeg, double lonDeg, double altRelM) {
        return new MissionItem(0, MissionItem.FRAME_GLOBAL_RELATIVE_ALT_INT, command, 0, 1, (float) p1, 0, 0, 0,
                (int) Math.round(latDeg * 1e7), (int) Math.round(lonDeg * 1e7), (float) altRelM, MissionType.MISSION);
    }

    /** Route waypoints to fly as legs: everything after the start, skipping a climb point above the start. */
    private List<GeoPoint> legPoints(Route r) {
        List<GeoPoint> out = new ArrayList<>();
        for (Waypoint w : r.waypoints()) {
            if (w.kind() == WaypointKind.START || w.kind() == WaypointKind.TO_TRANSIT_ALTITUDE) {
                continue;
            }
            out.add(w.position());
        }
        if (out.isEmpty()) {
            out.add(r.waypoints().get(r.waypoints().size() - 1).position());
        }
        return out;
    }

    private void tickArm() {
        long now = ms();
        if (waitingAsync) {
            if (now > stepDeadlineMs) {
                failOnGround("the autopilot did not answer " + (step == 0 ? "the mode change to " + strategy.guidedMode()
                        : "the arming command") + " within " + cfg.modeConfirmTimeout().toSeconds() * 2 + " s");
            }
            return;
        }
        switch (step) {
            case 0 -> {
                // the mode change and the arming are acknowledged commands; HEARTBEAT must confirm both before the
                // vehicle climbs (checked in TAKEOFF), without blocking the next command on the 1 Hz HEARTBEAT
                waitingAsync = true;
                stepDeadlineMs = now + cfg.modeConfirmTimeout().toMillis() * 2;
                requestMode(strategy.guidedMode(), () -> {
                    step = 2;
                    waitingAsync = false;
                    kick();
                });
            }
            case 2 -> {
                waitingAsync = true;
                attempts++;
                stepDeadlineMs = now + cfg.modeConfirmTimeout().toMillis() * 2;
                async(ctx.commands().arm(), o -> {
                    waitingAsync = false;
                    if (o.accepted()) {
                        enter(FlightPhase.TAKEOFF, "arming accepted in " + strategy.guidedMode());
                    } else if (attempts < cfg.armAttempts()) {
                        warn("arming refused (" + o.result() + describe(o) + "), retrying");
                        step = 20;
                        stepDeadlineMs = ms() + 2000;
                    } else {
                        failOnGround("the autopilot refused to arm " + attempts + " times: " + o.result() + describe(o));
                    }
                });
            }
            case 20 -> {
                if (now >= stepDeadlineMs) {
                    step = 2;
                }
            }
            default -> {
            }
        }
    }

    private static String describe(CommandOutcome o) {
        return o.statusTexts().isEmpty() ? "" : ": " + String.join("; ", o.statusTexts());
    }

    private void tickTakeoff() {
        long now = ms();
        double alt = ctx.district().transitAltitudeRelM();
        if (step == 0) {
            step = 1;
            waitingAsync = true;
            stepDeadlineMs = now + (long) ((alt / cfg.climbRateMps()) * 3000) + 20_000;
            async(strategy.takeoff(ctx.commands(), alt, t.homeAmslM()), o -> {
                waitingAsync = false;
                if (o.result() == CommandResult.TIMEOUT && ++attempts < 3) {
                    step = 0;
                } else if (!o.accepted()) {
                    if (takeoffUnderway()) {
                        // an earlier send took effect and its ACK was lost: a resend finds the vehicle off the ground
                        warn("take-off answered " + o.result() + " but telemetry shows it under way (at "
                                + fmt(t.altitudeRelM()) + " m, landed state " + t.landedState() + ")");
                    } else {
                        failOnGround("take-off refused: " + o.result() + describe(o));
                    }
                }
            });
            return;
        }
        if (!modeConfirmed || !t.armed()) {
            if (now - phaseEnteredMs > cfg.modeConfirmTimeout().toMillis()) {
                String seen = "HEARTBEAT shows " + t.modeName() + (t.armed() ? ", armed" : ", disarmed");
                if (t.altitudeRelM() > 2) {
                    failsafeLand(seen + ", not armed in " + strategy.guidedMode());
                } else {
                    failOnGround(seen + " " + (now - phaseEnteredMs) / 1000.0 + " s after arming, not armed in "
                            + strategy.guidedMode());
                }
            }
            return;
        }
        if (waitingAsync) {
            return;
        }
        boolean settled = t.altitudeRelM() >= alt - 1.0 && Math.abs(t.velUpMps()) < 0.2;
        if (t.altitudeRelM() >= alt - 0.3 || settled) {
            startLegs(legPoints(outbound), true);
            enter(FlightPhase.TRANSIT, String.format(Locale.ROOT, "at %.1f m, flying %d legs (%.0f m) to the scene",
                    t.altitudeRelM(), legs.size(), outbound.horizontalLengthM()));
        } else if (now > stepDeadlineMs) {
            failsafeLand("take-off did not reach " + alt + " m in time (at " + fmt(t.altitudeRelM()) + " m)");
        }
    }

    /** @return whether telemetry shows the vehicle armed and taking off (landed state TAKEOFF, or climbing, or up) */
    private boolean takeoffUnderway() {
        return t.armed() && (t.landedState() == 3 || t.velUpMps() > 0.3 || t.altitudeRelM() > 0.5);
    }

    private void startLegs(List<GeoPoint> points, boolean outboundLegs) {
        legs = List.copyOf(points);
        legIndex = 0;
        legSent = false;
        legResends = 0;
        legsOutbound = outboundLegs;
        braking = false;
    }

    private void tickLegs() {
        if (braking) {
            if (t.groundSpeedMps() < 1.0 || ms() - brakeSinceMs > 4000) {
                braking = false;
                replanAfterBrake();
            }
            return;
        }
        if (phase == FlightPhase.TRANSIT && legsOutbound && released) {
            released = false;
            enter(FlightPhase.RETURN, "released by the dispatcher before reaching the scene");
            return;
        }
        if (legIndex >= legs.size()) {
            legsDone();
            return;
        }
        GeoPoint wp = legs.get(legIndex);
        long now = ms();
        if (!legSent) {
            legSent = true;
            double dist = horizontalM(here(), wp);
            if (legResends == 0) {
                legDeadlineMs = now + (long) (1000 * (2 * dist / cfg.cruiseSpeedMps()
                        + 2 * Math.abs(wp.altitudeRelM() - t.altitudeRelM()) / cfg.descentRateMps())) + 20_000;
            }
            legBestM = dist + Math.abs(wp.altitudeRelM() - t.altitudeRelM());
            legProgressMs = now;
            int idx = legIndex;
            async(ctx.commands().reposition(wp.latDeg(), wp.lonDeg(), wp.altitudeRelM(), true, cfg.cruiseSpeedMps()),
                    o -> {
                        if (!o.accepted() && legIndex == idx) {
                            legRefused(wp, o);
                        }
                    });
            return;
        }
        double dh = horizontalM(here(), wp);
        double dv = Math.abs(t.altitudeRelM() - wp.altitudeRelM());
        if (dh + dv < legBestM - 1.0) {
            legBestM = dh + dv;
            legProgressMs = now;
        } else if (now - legProgressMs > 6000 && legResends < 3) {
            legResends++;
            legSent = false;
            warn(String.format(Locale.ROOT, "no progress to waypoint %d/%d for 6 s (%.0f m away): sending it again",
                    legIndex + 1, legs.size(), dh));
            return;
        }
        if (dh <= cfg.acceptanceRadiusM() && dv <= cfg.altitudeToleranceM() + 0.5) {
            legIndex++;
            legResends = 0;
            legSent = false;
            if (legIndex >= legs.size()) {
                legsDone();
            }
            return;
        }
        if (now > legDeadlineMs) {
            String why = String.format(Locale.ROOT, "no progress to waypoint %d/%d (%.0f m away) before its deadline",
                    legIndex + 1, legs.size(), dh);
            if (legsOutbound) {
                enter(FlightPhase.RETURN, why + "; returning");
            } else {
                failsafeLand(why + " on the way home");
            }
        }
    }

    private void legRefused(GeoPoint wp, CommandOutcome o) {
        if (o.result() == CommandResult.TIMEOUT || o.result() == CommandResult.TEMPORARILY_REJECTED) {
            // no answer is not a refusal: send the leg again (the progress deadline still bounds it)
            legSent = false;
            return;
        }
        String why = "the autopilot refused waypoint " + wp.latLonText() + ": " + o.result() + describe(o);
        if (legsOutbound && phase == FlightPhase.TRANSIT) {
            enter(FlightPhase.RETURN, why + "; returning");
        } else if (phase == FlightPhase.RETURN) {
            // never hand over to a straight-line RTL (it can cross an exclusion zone): land where we are
            failsafeLand(why + " on the way home");
        }
    }

    private void legsDone() {
        if (phase == FlightPhase.TRANSIT) {
            enter(FlightPhase.ON_SCENE, String.format(Locale.ROOT, "on scene %.0f m from the target",
                    horizontalM(here(), target())));
        } else if (phase == FlightPhase.RETURN) {
            enter(FlightPhase.LAND, "above home, landing");
        }
    }

    private void tickOnScene() {
        long now = ms();
        if (braking) {
            if (t.groundSpeedMps() < 1.0 || now - brakeSinceMs > 4000) {
                braking = false;
                replanAfterBrake();
            }
            return;
        }
        if (step == 0) {
            step = 1;
            onSceneUntilMs = now + request.onSceneTime().toMillis();
            GeoPoint tg = target();
            async(ctx.commands().setRoiLocation(tg.latDeg(), tg.lonDeg(), 0, true), o -> {
                if (!o.accepted()) {
                    warn("camera region of interest refused: " + o.result());
                }
            });
            return;
        }
        if (released) {
            released = false;
            enter(FlightPhase.RETURN, "released by the dispatcher");
        } else if (now >= onSceneUntilMs) {
            enter(FlightPhase.RETURN, "on-scene time of " + request.onSceneTime().toSeconds() + " s done"
                    + (dispatchLost ? " (dispatch link lost)" : ""));
        }
    }

    private void onEnterReturn() {
        async(ctx.commands().setRoiNone(), o -> {
        });
        PlanResult r = ctx.planner().planReturn(here(), planOptions);
        if (r instanceof PlanResult.Planned p) {
            inbound = p.route();
            startLegs(legPoints(inbound), false);
            dropPreplannedReturn();
            appendPlanned(inbound, (ms() - startMs) / 1000.0);
        } else {
            String why = ((PlanResult.Refused) r).failure().message();
            // a straight-line RTL can cross an exclusion zone: land where we are instead
            failsafeLand("no return route from here (" + why + ")");
        }
    }

    private void tickLand() {
        long now = ms();
        if (step == 0) {
            step = 1;
            stepDeadlineMs = now + (long) (1000 * (t.altitudeRelM() / cfg.descentRateMps()) * 3) + 60_000;
            landRequestedMs = now;
            requestMode(strategy.landMode(), () -> {
            });
            return;
        }
        if (t.armed() && !t.modeName().equals(strategy.landMode()) && now - landRequestedMs > 5000) {
            step = 0; // the mode change was lost or not applied: ask again
            return;
        }
        if (!t.armed() && (t.landedState() <= 1)) {
            FlightOutcome outcome = cancelled || !reachedScene ? FlightOutcome.ABORTED : FlightOutcome.COMPLETED;
            String prefix = cancelled ? "cancelled by the operator; "
                    : !reachedScene ? "did not reach the scene (" + returnReason + "); " : "";
            finish(FlightPhase.DONE, outcome, prefix + "landed and disarmed at home"
                            + String.format(Locale.ROOT, " (%.1f m from home)",
                            horizontalM(here(), new GeoPoint(t.homeLatDeg(), t.homeLonDeg(), 0))));
        } else if (now > stepDeadlineMs && now - lastWarnMs > WARN_PERIOD_MS) {
            lastWarnMs = now;
            warn("still not landed and disarmed (altitude " + fmt(t.altitudeRelM()) + " m)");
        }
    }

    /** While a pilot, the autopilot's failsafe or a lost link has the drone: watch until it is down. */
    private void tickWatching() {
        if (autopilotLost) {
            return;
        }
        if (!t.armed() && t.landedState() <= 1 && t.altitudeRelM() < 2) {
            String where = "landed and disarmed at " + here().latLonText();
            if (yielded) {
                boolean pilot = yieldKind == FailsafeKind.PILOT_TAKEOVER;
                finish(pilot ? FlightPhase.ABORTED : FlightPhase.FAILED, pilot ? FlightOutcome.ABORTED
                        : FlightOutcome.FAILED, yieldReason + "; " + where);
            } else if (navLost) {
                finish(FlightPhase.FAILED, FlightOutcome.FAILED, "navigation lost; the autopilot " + where);
            }
            return;
        }
        if (navLost && !yielded && strategy.navigationHealthy(t) && ms() - navLostSinceMs > 3000) {
            navLost = false;
            if (t.modeName().equals(expectedMode)) {
                warn("navigation recovered: returning home along a planned route");
                if (phase == FlightPhase.RETURN) {
                    onEnterReturn();
                } else if (phase == FlightPhase.TRANSIT || phase == FlightPhase.ON_SCENE
                        || phase == FlightPhase.TAKEOFF) {
                    enter(FlightPhase.RETURN, "navigation recovered after a loss");
                } else if (phase == FlightPhase.LAND) {
                    step = 0;
                }
            } else {
                yieldControl(FailsafeKind.NAVIGATION_LOST, "navigation recovered but the autopilot is in " + t.modeName());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ failsafes

    private void watchLinks() {
        long now = ms();
        boolean onGround = !phase.isAirborne() && !t.armed();
        if (t.heard() && t.heartbeatAgeMs() > cfg.autopilotLinkTimeout().toMillis()) {
            if (phase == FlightPhase.PREFLIGHT) {
                return;
            }
            if (!autopilotLost) {
                autopilotLost = true;
                autopilotLostSinceMs = now;
                if (onGround) {
                    fail(FlightOutcome.FAILED, "autopilot link lost during " + phase);
                    return;
                }
                failsafe(FailsafeKind.AUTOPILOT_LINK_LOST, "no HEARTBEAT for " + t.heartbeatAgeMs()
                        + " ms: the autopilot's own failsafe has the drone; we stop commanding and wait");
            } else if (now - autopilotLostSinceMs > cfg.autopilotLostGiveUp().toMillis()) {
                finish(FlightPhase.FAILED, FlightOutcome.FAILED, "autopilot link lost for "
                        + (now - autopilotLostSinceMs) / 1000 + " s during " + phase
                        + "; the autopilot's own failsafe has the drone");
            }
            return;
        }
        if (autopilotLost) {
            autopilotLost = false;
            warn("autopilot link back after " + (now - autopilotLostSinceMs) / 1000.0 + " s, in "
                    + t.modeName() + (t.armed() ? ", armed" : ", disarmed"));
            if (!t.armed() && t.altitudeRelM() < 2) {
                finish(FlightPhase.FAILED, FlightOutcome.FAILED, "while the autopilot link was lost, the "
                        + "autopilot's failsafe landed the drone at " + here().latLonText());
                return;
            }
            if (!yielded && expectedMode != null && !t.modeName().equals(expectedMode)) {
                yieldControl(FailsafeKind.PILOT_TAKEOVER, "after the link loss the autopilot is in " + t.modeName()
                        + " (its failsafe or a pilot): we stop commanding");
            } else {
                legSent = false;
                step = phase == FlightPhase.LAND ? 0 : step;
            }
        }
        if (!cfg.dispatchLinkTimeout().isZero() && !dispatchLost
                && now - dispatchLastMs > cfg.dispatchLinkTimeout().toMillis() && !phase.isTerminal()) {
            dispatchLost = true;
            failsafe(FailsafeKind.DISPATCH_LINK_LOST, phase == FlightPhase.TRANSIT || phase == FlightPhase.ON_SCENE
                    ? "dispatch link silent for " + (now - dispatchLastMs) / 1000
                    + " s: finishing the on-scene time, then returning home" : "dispatch link silent; continuing");
        }
    }

    private void onReboot() {
        if (finished) {
            return;
        }
        if (phase == FlightPhase.PREFLIGHT) {
            warn("the autopilot rebooted; waiting for it again");
            return;
        }
        failsafes.add(FailsafeKind.AUTOPILOT_REBOOT);
        emit(new FlightEvent.FailsafeTriggered(scheduler.now(), FailsafeKind.AUTOPILOT_REBOOT,
                "the autopilot rebooted during " + phase + ": its fence, mission and mode are gone; flight ended"));
        finish(FlightPhase.FAILED, FlightOutcome.FAILED, "the autopilot rebooted during " + phase);
    }

    private void watchFailsafes() {
        if (autopilotLost || yielded) {
            return;
        }
        // unrequested mode change
        if (expectedMode != null && modeConfirmed && !t.modeName().equals(expectedMode)) {
            boolean breach = t.fenceBreachStatus() == 1;
            boolean recentFailsafeText = ms() - lastFailsafeTextMs < 3000;
            FailsafeKind kind = breach ? FailsafeKind.FENCE_BREACH_REPORTED
                    : navLost ? FailsafeKind.NAVIGATION_LOST
                    : recentFailsafeText && lastFailsafeText.toLowerCase(Locale.ROOT).contains("battery")
                    ? FailsafeKind.BATTERY_RESERVE
                    : recentFailsafeText && lastFailsafeText.toLowerCase(Locale.ROOT).matches(".*(ekf|gps).*")
                    ? FailsafeKind.NAVIGATION_LOST : FailsafeKind.PILOT_TAKEOVER;
            String who = kind == FailsafeKind.PILOT_TAKEOVER ? "a pilot (or the autopilot) has the drone"
                    : "the autopilot's own failsafe has the drone" + (recentFailsafeText ? " (\"" + lastFailsafeText
                    + "\")" : "");
            String reason = (navLost ? "navigation lost; " : "") + "mode changed to " + t.modeName()
                    + " without our request"
                    + (breach ? " after the autopilot reported a fence breach" : "") + ": " + who
                    + "; we stop commanding, keep streaming";
            if (failsafes.contains(kind)) {
                yielded = true;
                yieldKind = kind;
                yieldReason = reason;
                epoch++;
                warn(reason);
            } else {
                yieldControl(kind, reason);
            }
            return;
        }
        if (!phase.isAirborne()) {
            return;
        }
        // navigation
        if (!navLost && strategy != null && !strategy.navigationHealthy(t)) {
            navLost = true;
            navLostSinceMs = ms();
            failsafe(FailsafeKind.NAVIGATION_LOST, "GPS/EKF unhealthy (fix " + t.gpsFixType() + ", EKF flags 0x"
                    + Integer.toHexString(t.ekfFlags()) + "): we stop sending positions; the autopilot holds or lands");
            return;
        }
        // battery reserve
        long now = ms();
        if (!batteryReturn && (phase == FlightPhase.TRANSIT && legsOutbound || phase == FlightPhase.ON_SCENE)
                && now - lastReserveCheckMs >= 1000) {
            lastReserveCheckMs = now;
            OptionalDouble avail = ctx.energy().availableWh(t.batteryPercent());
            if (avail.isPresent()) {
                double need = ctx.energy().returnRequiredWh(returnDistanceEstimateM(), cfg.cruiseSpeedMps(),
                        Math.max(0, t.altitudeRelM()), cfg.descentRateMps());
                if (avail.getAsDouble() < need) {
                    batteryReturn = true;
                    failsafe(FailsafeKind.BATTERY_RESERVE, String.format(Locale.ROOT,
                            "battery %.1f Wh is below the %.1f Wh needed to return with reserve: returning now",
                            avail.getAsDouble(), need));
                    enter(FlightPhase.RETURN, "battery reserve");
                    return;
                }
            }
        }
        // predicted breach
        if ((phase == FlightPhase.TRANSIT || phase == FlightPhase.ON_SCENE || phase == FlightPhase.RETURN) && !braking
                && now - lastBreachMs > 5000 && t.positionAgeMs() < 2000) {
            double toLegEnd = Double.POSITIVE_INFINITY;
            if (phase != FlightPhase.ON_SCENE && legIndex < legs.size()) {
                double sp = Math.max(0.1, t.groundSpeedMps());
                toLegEnd = horizontalM(here(), legs.get(legIndex)) / sp;
            }
            double tb = breach.check(ctx.fence(), here(), t.velEastMps(), t.velNorthMps(), t.velUpMps(), toLegEnd);
            if (!Double.isNaN(tb)) {
                lastBreachMs = now;
                braking = true;
                brakeSinceMs = now;
                failsafe(FailsafeKind.PREDICTED_BREACH, String.format(Locale.ROOT,
                        "fence breach predicted in %.1f s at %.1f m/s: braking, then re-planning", tb,
                        t.groundSpeedMps()));
                GeoPoint h = here();
                async(ctx.commands().reposition(h.latDeg(), h.lonDeg(), h.altitudeRelM(), true, -1), o -> {
                });
            }
        }
    }

    private double returnDistanceEstimateM() {
        PlanResult r = ctx.planner().planReturn(here(), planOptions);
        if (r instanceof PlanResult.Planned p) {
            return p.route().horizontalLengthM();
        }
        return 1.5 * horizontalM(here(), new GeoPoint(t.homeLatDeg(), t.homeLonDeg(), 0));
    }

    private void replanAfterBrake() {
        if (phase == FlightPhase.ON_SCENE) {
            PlanResult r = ctx.planner().plan(here(), target(), planOptions);
            if (r instanceof PlanResult.Planned p) {
                outbound = withOnSceneAltitude(p.route());
                dropPreplannedReturn();
                appendPlanned(outbound, (ms() - startMs) / 1000.0);
                enter(FlightPhase.TRANSIT, "back to the scene along a planned route after braking");
                startLegs(legPoints(outbound), true);
            } else {
                enter(FlightPhase.RETURN, "cannot re-plan to the scene after braking: "
                        + ((PlanResult.Refused) r).failure().message());
            }
        } else if (phase == FlightPhase.TRANSIT && legsOutbound) {
            PlanResult r = ctx.planner().plan(here(), target(), planOptions);
            if (r instanceof PlanResult.Planned p) {
                outbound = withOnSceneAltitude(p.route());
                dropPreplannedReturn();
                appendPlanned(outbound, (ms() - startMs) / 1000.0);
                startLegs(legPoints(outbound), true);
                warn("re-planned to the scene after braking");
            } else {
                enter(FlightPhase.RETURN, "cannot re-plan to the scene after braking: "
                        + ((PlanResult.Refused) r).failure().message());
            }
        } else if (phase == FlightPhase.RETURN) {
            onEnterReturn();
        }
    }

    private void failsafe(FailsafeKind kind, String action) {
        failsafes.add(kind);
        LOG.warn("flight {}: failsafe {}: {}", request.alertId(), kind, action);
        emit(new FlightEvent.FailsafeTriggered(scheduler.now(), kind, action));
    }

    private void yieldControl(FailsafeKind kind, String reason) {
        if (yielded) {
            return;
        }
        yielded = true;
        yieldKind = kind;
        yieldReason = reason;
        epoch++;
        failsafe(kind, reason);
    }

    private void failsafeLand(String why) {
        if (phase == FlightPhase.LAND) {
            warn(why + "; still landing");
            step = 0;
        } else if (phase.canTransitionTo(FlightPhase.LAND)) {
            enter(FlightPhase.LAND, why + "; landing where we are");
        } else {
            fail(FlightOutcome.FAILED, why);
        }
    }

    // ------------------------------------------------------------------------------------------------ retask/cancel

    private RetaskDecision doRetask(DispatchRequest nr) {
        if (finished || phase.isTerminal()) {
            return refuseRetask(nr, "the flight has ended (" + phase + ")");
        }
        if (phase == FlightPhase.LAND) {
            return refuseRetask(nr, "the drone is landing");
        }
        if (yielded || autopilotLost || navLost) {
            return refuseRetask(nr, "the companion is not in command (" + (yielded ? yieldReason
                    : autopilotLost ? "autopilot link lost" : "navigation lost") + ")");
        }
        if (batteryReturn) {
            return refuseRetask(nr, "returning on battery reserve");
        }
        GeoPoint newTarget = new GeoPoint(nr.targetLatDeg(), nr.targetLonDeg(), 0);
        boolean airborne = phase.isAirborne() && phase != FlightPhase.TAKEOFF;
        GeoPoint from = airborne ? here() : ctx.district().home().withAltitudeRelM(0);
        PlanResult r = ctx.planner().plan(from, newTarget, planOptions);
        if (r instanceof PlanResult.Refused ref) {
            return refuseRetask(nr, ref.failure().message());
        }
        DispatchRequest old = request;
        request = nr;
        Route o = withOnSceneAltitude(((PlanResult.Planned) r).route());
        GeoPoint scene = o.waypoints().get(o.waypoints().size() - 1).position();
        PlanResult back = ctx.planner().planReturn(scene, planOptions);
        if (back instanceof PlanResult.Refused ref) {
            request = old;
            return refuseRetask(nr, "no way back from the new scene: " + ref.failure().message());
        }
        Route b = ((PlanResult.Planned) back).route();
        String cut = autopilotFenceProblem(o, b);
        if (cut != null) {
            request = old;
            return refuseRetask(nr, cut);
        }
        OptionalDouble avail = ctx.energy().availableWh(t.batteryPercent());
        EnergyBudget nb = ctx.energy().flight(o.horizontalLengthM(), b.horizontalLengthM(), cfg.cruiseSpeedMps(), 0,
                cfg.climbRateMps(), cfg.descentRateMps(), nr.onSceneTime().toMillis() / 1000.0);
        if (avail.isPresent() && avail.getAsDouble() < nb.requiredWh()) {
            request = old;
            return refuseRetask(nr, String.format(Locale.ROOT,
                    "battery holds %.1f Wh, the new target needs %.1f Wh with reserve", avail.getAsDouble(),
                    nb.requiredWh()));
        }
        outbound = o;
        inbound = b;
        retasks++;
        dropPreplannedReturn();
        appendPlanned(o, (ms() - startMs) / 1000.0);
        appendPlanned(b, (ms() - startMs) / 1000.0 + o.expectedDurationS() + nr.onSceneTime().toSeconds());
        lastRouteIsPreplannedReturn = true;
        plannedDistanceM += o.horizontalLengthM();
        String reason = "retasked to " + newTarget.latLonText() + " for alert " + nr.alertId() + " by "
                + nr.requesterId() + ": " + nr.reason();
        emit(new FlightEvent.Retasked(scheduler.now(), nr, true, reason));
        switch (phase) {
            case TRANSIT -> startLegs(legPoints(outbound), true);
            case ON_SCENE, RETURN -> {
                enter(FlightPhase.TRANSIT, reason);
                startLegs(legPoints(outbound), true);
            }
            default -> {
                // on the ground or climbing: the new plan is flown when TRANSIT starts
            }
        }
        return new RetaskDecision(true, reason);
    }

    private RetaskDecision refuseRetask(DispatchRequest nr, String why) {
        String reason = "retask to " + nr.targetLatDeg() + "," + nr.targetLonDeg() + " refused: " + why;
        emit(new FlightEvent.Retasked(scheduler.now(), nr, false, reason));
        return new RetaskDecision(false, reason);
    }

    private String doCancel() {
        if (finished) {
            return "the flight had already ended (" + phase + ")";
        }
        cancelled = true;
        switch (phase) {
            case PREFLIGHT, UPLOAD -> {
                fail(FlightOutcome.ABORTED, "cancelled by the operator before take-off");
                return "cancelled before take-off";
            }
            case ARM -> {
                failOnGround("cancelled by the operator before take-off");
                return "cancelled before take-off; disarming";
            }
            case TAKEOFF, TRANSIT, ON_SCENE -> {
                enter(FlightPhase.RETURN, "cancelled by the operator: returning home along a planned route");
                return "returning home";
            }
            default -> {
                return "already " + phase + "; the flight goes on home";
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ transitions

    private void enter(FlightPhase to, String reason) {
        if (!phase.canTransitionTo(to)) {
            throw new IllegalStateException("illegal transition " + phase + " -> " + to + " (" + reason + ")");
        }
        FlightPhase from = phase;
        closePhaseTime();
        phase = to;
        phaseEnteredMs = ms();
        if (!phaseOrder.contains(to)) {
            phaseOrder.add(to);
        }
        epoch++;
        step = 0;
        attempts = 0;
        waitingAsync = false;
        LOG.info("flight {}: {} -> {}: {}", request.alertId(), from, to, reason);
        emit(new FlightEvent.PhaseChanged(scheduler.now(), from, to, reason));
        if (to == FlightPhase.ON_SCENE) {
            reachedScene = true;
        }
        if (to == FlightPhase.RETURN || to == FlightPhase.LAND && returnReason.isEmpty()) {
            returnReason = reason;
        }
        if (to == FlightPhase.RETURN) {
            braking = false;
            onEnterReturn();
        }
        kick();
    }

    private void closePhaseTime() {
        Duration d = Duration.ofMillis(Math.max(0, ms() - phaseEnteredMs));
        phaseTimes.merge(phase, d, Duration::plus);
    }

    private void failOnGround(String reason) {
        if (t.armed()) {
            async(ctx.commands().disarm(false), o -> {
            });
        }
        fail(cancelled ? FlightOutcome.ABORTED : FlightOutcome.FAILED, reason);
    }

    private void fail(FlightOutcome outcome, String reason) {
        if (phase.isAirborne() && outcome != FlightOutcome.REFUSED) {
            // in the air we never just stop: land where we are, the report says why
            failsafeLand(reason);
            return;
        }
        finish(outcome == FlightOutcome.FAILED ? FlightPhase.FAILED : FlightPhase.ABORTED, outcome, reason);
    }

    private void finish(FlightPhase terminal, FlightOutcome outcome, String reason) {
        if (finished) {
            return;
        }
        finished = true;
        FlightPhase from = phase;
        if (from != terminal && !from.canTransitionTo(terminal)) {
            throw new IllegalStateException("illegal transition " + from + " -> " + terminal);
        }
        closePhaseTime();
        phase = terminal;
        if (!phaseOrder.contains(terminal)) {
            phaseOrder.add(terminal);
        }
        epoch++;
        if (tickTask != null) {
            tickTask.cancel();
        }
        telemetrySubs.forEach(org.vigie.link.Subscription::close);
        telemetrySubs.clear();
        sampleTrack(true);
        Instant end = scheduler.now();
        LOG.info("flight {}: {} -> {} ({}): {}", request.alertId(), from, terminal, outcome, reason);
        emit(new FlightEvent.PhaseChanged(end, from, terminal, reason));
        Map<FlightPhase, Duration> times = new LinkedHashMap<>();
        for (FlightPhase p : phaseOrder) {
            if (phaseTimes.containsKey(p)) {
                times.put(p, phaseTimes.get(p));
            }
        }
        double usedWh = ctx.energy().usedWh(startBatteryPercent, t.batteryPercent());
        FlightReport report = new FlightReport(request.alertId(), request.requesterId(), request.requesterOrigin(),
                request.reason(), request.targetLatDeg(), request.targetLonDeg(), outcome, terminal, reason,
                startedAt == null ? end : startedAt, end, times, planned, flown, plannedDistanceM, flownDistanceM,
                budget == null ? Double.NaN : budget.plannedWh(), usedWh, failsafes, retasks);
        sink.finished(report);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void requestMode(String mode, Runnable onAccepted) {
        expectedMode = mode;
        modeConfirmed = false;
        async(ctx.commands().setMode(mode), o -> {
            if (o.accepted()) {
                onAccepted.run();
            } else if (phase.isAirborne()) {
                warn("mode " + mode + " refused: " + o.result() + describe(o));
            } else {
                failOnGround("mode " + mode + " refused: " + o.result() + describe(o));
            }
        });
    }

    /** Runs {@code then} on the event thread with the future's value, unless the flight moved on meanwhile. */
    private <T> void async(CompletableFuture<T> f, Consumer<T> then) {
        long e = epoch;
        f.whenComplete((v, err) -> scheduler.execute(() -> {
            if (finished || e != epoch) {
                return;
            }
            if (err != null) {
                fail(FlightOutcome.FAILED, "link failure during " + phase + ": " + err);
                return;
            }
            then.accept(v);
        }));
    }

    private void warn(String message) {
        LOG.info("flight {}: {}", request.alertId(), message);
        emit(new FlightEvent.Warning(scheduler.now(), message));
    }

    private void emit(FlightEvent e) {
        sink.event(e);
    }

    /** @return the current position (altitude above home); the district home before any position */
    GeoPoint here() {
        if (Double.isNaN(t.latDeg())) {
            return ctx.district().home().withAltitudeRelM(0);
        }
        return new GeoPoint(t.latDeg(), t.lonDeg(), Double.isNaN(t.altitudeRelM()) ? 0 : t.altitudeRelM());
    }

    private double horizontalM(GeoPoint a, GeoPoint b) {
        EnuPoint pa = ctx.fence().frame().toLocal(a);
        EnuPoint pb = ctx.fence().frame().toLocal(b);
        return pa.horizontalDistanceM(pb);
    }

    private void sampleTrack() {
        sampleTrack(false);
    }

    private void sampleTrack(boolean force) {
        long now = ms();
        if (Double.isNaN(t.latDeg()) || phase == FlightPhase.PREFLIGHT || phase == FlightPhase.UPLOAD) {
            return;
        }
        if (!force && now - lastTrackMs < TRACK_PERIOD_MS) {
            return;
        }
        lastTrackMs = now;
        TrackPoint p = new TrackPoint((now - startMs) / 1000.0, t.latDeg(), t.lonDeg(), t.altitudeRelM());
        if (!flown.isEmpty()) {
            TrackPoint q = flown.get(flown.size() - 1);
            flownDistanceM += horizontalM(new GeoPoint(q.latDeg(), q.lonDeg(), 0), new GeoPoint(p.latDeg(),
                    p.lonDeg(), 0));
        }
        flown.add(p);
        if (phase.isAirborne()) {
            emitProgress();
        }
    }

    private void emitProgress() {
        double toGo = Double.NaN;
        if ((phase == FlightPhase.TRANSIT || phase == FlightPhase.RETURN) && legIndex < legs.size()) {
            toGo = horizontalM(here(), legs.get(legIndex));
            for (int i = legIndex; i + 1 < legs.size(); i++) {
                toGo += horizontalM(legs.get(i), legs.get(i + 1));
            }
        } else if (phase == FlightPhase.ON_SCENE) {
            toGo = 0;
        }
        double eta = Double.isNaN(toGo) ? Double.NaN : toGo / cfg.cruiseSpeedMps();
        if (phase == FlightPhase.ON_SCENE) {
            eta = Math.max(0, (onSceneUntilMs - ms()) / 1000.0);
        }
        emit(new FlightEvent.Progress(scheduler.now(), phase, t.latDeg(), t.lonDeg(), t.altitudeRelM(),
                t.groundSpeedMps(), toGo, eta, t.batteryPercent()));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return the flown track so far (event thread) */
    public List<TrackPoint> flownTrack() {
        return List.copyOf(flown);
    }

    /** @return the planned routes so far (event thread) */
    public List<List<TrackPoint>> plannedRoutes() {
        return planned.stream().map(List::copyOf).toList();
    }
}

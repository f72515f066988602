package org.vigie.mission.flight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.link.Subscription;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.FailsafeKind;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.RetaskDecision;
import org.vigie.mission.failsafe.FailsafeMonitor;
import org.vigie.mission.flight.step.ArmStep;
import org.vigie.mission.flight.step.FenceUploadStep;
import org.vigie.mission.flight.step.FlightStep;
import org.vigie.mission.flight.step.LandStep;
import org.vigie.mission.flight.step.LegStep;
import org.vigie.mission.flight.step.OnSceneStep;
import org.vigie.mission.flight.step.PreflightStep;
import org.vigie.mission.flight.step.TakeoffStep;

/**
 * Flies one dispatch: the state machine of {@link FlightPhase}, whose phases are work items
 * ({@link org.vigie.mission.flight.step}): PREFLIGHT, the UPLOAD steps (fence, fence parameters, mission), ARM,
 * TAKEOFF, the legs of TRANSIT and RETURN, ON_SCENE and LAND, plus braking for a predicted breach. Exactly one step
 * is current; a phase change finishes it, so a late result of a superseded step is dropped by the step itself. The
 * transition table is {@link FlightPhase}'s; this class is the only one that changes the phase.
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
 * <p><b>Failsafes</b> (always on) are watched by a {@link FailsafeMonitor} at every decision tick; this class decides
 * what each one does ({@link FailsafeResponse}). Once a pilot or the autopilot's own failsafe has the drone, the
 * controller stops commanding and keeps watching until the vehicle is disarmed.
 *
 * <p>Observers get a read-only {@link FlightView} ({@link #view()}), never the controller.
 *
 * <p>Threading: everything runs on the port's scheduler (event thread). {@link #start()}, {@link #retask},
 * {@link #cancel()}, {@link #release()} and {@link #dispatchLinkAlive()} may be called from any thread: they post to
 * it. {@link #phase()} and {@link #view()} may be read from any thread.
 */
public final class FlightController {

    private static final Logger LOG = LoggerFactory.getLogger(FlightController.class);

    final FlightContext ctx;
    private final FlightSink sink;
    final Scheduler scheduler;
    final VehicleTelemetry t;
    final FlightConfig cfg;
    final FlightRecorder rec;
    final FlightPlan plan;
    final FailsafeMonitor monitor;
    final @Nullable Readiness readiness;
    private final LiveFlight view;
    private final Steps steps = new Steps(this);
    private final FailsafeResponse failsafes = new FailsafeResponse(this);
    private final OperatorOrders orders = new OperatorOrders(this);
    private final List<Subscription> subs = new ArrayList<>();
    private @Nullable Cancellable tickTask;

    @Nullable FlavourStrategy strategy;
    DispatchRequest request;
    private volatile FlightPhase phase = FlightPhase.PREFLIGHT;
    /** The one step running now (null before start and after the end). */
    @Nullable FlightStep current;
    /** The last route followed, for progress, ETA and the breach prediction. */
    @Nullable LegStep legs;
    @Nullable OnSceneStep onScene;
    @Nullable String expectedMode;
    boolean modeConfirmed;
    boolean yielded;
    @Nullable FailsafeKind yieldKind;
    @Nullable String yieldReason;
    boolean released;
    boolean cancelled;
    boolean reachedScene;
    String returnReason = "";
    private boolean started;
    boolean finished;

    /**
     * Creates a controller; nothing is sent until {@link #start()}.
     *
     * @param ctx     the companion's shared context
     * @param request the dispatch
     * @param sink    where events and the report go
     */
    public FlightController(FlightContext ctx, DispatchRequest request, FlightSink sink) {
        this(ctx, null, request, sink);
    }

    /**
     * Creates a controller that uses what the companion made ready on attach; nothing is sent until {@link #start()}.
     *
     * @param ctx       the companion's shared context
     * @param readiness the companion's readiness (null: the flight uploads and sets everything itself)
     * @param request   the dispatch
     * @param sink      where events and the report go
     */
    public FlightController(FlightContext ctx, @Nullable Readiness readiness, DispatchRequest request,
                            FlightSink sink) {
        this.readiness = readiness;
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.request = Objects.requireNonNull(request, "request");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.scheduler = ctx.port().scheduler();
        this.t = ctx.telemetry();
        this.cfg = ctx.config();
        this.rec = new FlightRecorder(ctx);
        this.plan = new FlightPlan(ctx, rec);
        this.monitor = new FailsafeMonitor(cfg, t, ctx.fence(), ctx.energy(), this::ms);
        this.view = new LiveFlight(scheduler, t, rec, request);
    }

    // ------------------------------------------------------------------------------------------------ public API

    /** Starts the flight (posts to the event thread). Idempotent. */
    public void start() {
        scheduler.execute(() -> {
            if (started) {
                return;
            }
            started = true;
            Instant at = scheduler.now();
            rec.begin(at, ms());
            monitor.begin();
            subs.add(t.onReboot(failsafes::rebooted));
            subs.add(t.onHeartbeat(this::confirmMode));
            subs.add(t.onPosition(() -> {
                FlightStep s = current;
                if (s != null && s.reactsToPosition()) {
                    kick(s);
                }
            }));
            subs.add(t.onStatusText((sev, text) -> {
                failsafes.explainedLate(monitor.onStatusText(text));
                if (!finished) {
                    emit(new FlightEvent.AutopilotMessage(scheduler.now(), sev, text));
                }
            }));
            emit(new FlightEvent.PhaseChanged(at, FlightPhase.PREFLIGHT, FlightPhase.PREFLIGHT,
                    "dispatch " + request.alertId() + " accepted from " + request.requesterId()));
            PlanResult r = plan.planTo(ctx.district().home().withAltitudeRelM(0),
                    new GeoPoint(request.targetLatDeg(), request.targetLonDeg(), 0));
            if (r instanceof PlanResult.Refused ref) {
                fail(FlightOutcome.REFUSED, ref.failure().message());
            } else if (r instanceof PlanResult.Planned p && p.standOff() != null) {
                rec.standOff(p.standOff());
                emit(new FlightEvent.TargetMoved(at, p.standOff(), p.standOff().sentence()));
            }
            if (!finished) {
                current = new PreflightStep(steps);
                tickTask = scheduler.scheduleAtFixedRate(java.time.Duration.ZERO, cfg.tickPeriod(), this::tick);
            }
        });
    }

    /** @return the read-only view of this flight for observers (any thread) */
    public FlightView view() {
        return view;
    }

    /** @return the current phase (any thread: a volatile read) */
    public FlightPhase phase() {
        return phase;
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
        scheduler.execute(() -> f.complete(orders.retask(newRequest)));
        return f;
    }

    /**
     * Cancels: before take-off the flight ends ABORTED; in the air it returns home now along a planned route.
     *
     * @return completes on the event thread with a sentence saying what was done
     */
    public CompletableFuture<String> cancel() {
        CompletableFuture<String> f = new CompletableFuture<>();
        scheduler.execute(() -> f.complete(orders.cancel()));
        return f;
    }

    /** Ends the on-scene time now (the flight returns home). No effect outside ON_SCENE/TRANSIT. */
    public void release() {
        scheduler.execute(() -> released = true);
    }

    /** Tells the flight the dispatch side is still there (resets the dispatch-link watch). */
    public void dispatchLinkAlive() {
        scheduler.execute(() -> {
            if (monitor.dispatchAlive()) {
                warn("dispatch link back");
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ the tick

    long ms() {
        return scheduler.monotonicMs();
    }

    private void tick() {
        if (finished) {
            return;
        }
        try {
            if (strategy == null && t.heard()) {
                strategy = FlavourStrategy.standard(t.flavour());
            }
            failsafes.watchLinks();
            if (!finished && (phase.isAirborne() || phase == FlightPhase.ARM)) {
                failsafes.watchInFlight();
            }
            if (finished) {
                return;
            }
            confirmMode();
            if (inCommand()) {
                Objects.requireNonNull(current, "a step runs while in command").run();
            } else {
                failsafes.watchWhileNotInCommand();
            }
            if (!finished) {
                if (rec.sample(ms(), false) && phase.isAirborne()) {
                    emit(rec.progress(phase, legs, onScene == null ? 0 : onScene.untilMs(), here(), scheduler.now(),
                            ms()));
                }
                view.tick();
            }
        } catch (RuntimeException e) {
            LOG.error("flight {} bug in phase {}", request.alertId(), phase, e);
            fail(FlightOutcome.FAILED, "internal error in " + phase + ": " + e);
        }
    }

    Steps steps() {
        return steps;
    }

    /** HEARTBEAT (or the tick, for a mode already shown when asked) confirms the mode asked for last. */
    private void confirmMode() {
        if (!finished && expectedMode != null && !modeConfirmed && t.modeName().equals(expectedMode)) {
            modeConfirmed = true;
        }
    }

    boolean inCommand() {
        return !yielded && !monitor.autopilotLost() && !monitor.navigationLost();
    }

    /** Runs {@code step} again soon, on the event thread, if it is still current and the flight is in command. */
    void kick(FlightStep step) {
        scheduler.execute(() -> {
            if (!finished && step == current && inCommand()) {
                guarded(step::run);
            }
        });
    }

    /** Runs a step's work (event thread); a bug fails the flight instead of killing the event thread's task. */
    void guarded(Runnable work) {
        if (finished) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException ex) {
            LOG.error("flight {} bug in phase {}", request.alertId(), phase, ex);
            fail(FlightOutcome.FAILED, "internal error in " + phase + ": " + ex);
        }
    }

    /** Makes {@code next} the current step (the previous one is finished); it runs at the next tick or kick. */
    void replace(@Nullable FlightStep next) {
        if (current != null) {
            current.finish();
        }
        current = next;
        if (next instanceof LegStep l) {
            legs = l;
        } else if (next instanceof OnSceneStep o) {
            onScene = o;
        }
    }

    // ------------------------------------------------------------------------------------------------ transitions

    void enter(FlightPhase to, String reason) {
        if (!phase.canTransitionTo(to)) {
            throw new IllegalStateException("illegal transition " + phase + " -> " + to + " (" + reason + ")");
        }
        FlightPhase from = phase;
        rec.entered(to, ms());
        setPhase(to);
        replace(null);
        LOG.info("flight {}: {} -> {}: {}", request.alertId(), from, to, reason);
        emit(new FlightEvent.PhaseChanged(scheduler.now(), from, to, reason));
        if (to == FlightPhase.ON_SCENE) {
            reachedScene = true;
        }
        if (to == FlightPhase.RETURN || (to == FlightPhase.LAND && returnReason.isEmpty())) {
            returnReason = reason;
        }
        switch (to) {
            case UPLOAD -> replace(new FenceUploadStep(steps));
            case ARM -> replace(new ArmStep(steps));
            case TAKEOFF -> replace(new TakeoffStep(steps));
            case TRANSIT -> replace(new LegStep(steps,
                    plan.legPoints(Objects.requireNonNull(plan.outbound(), "planned")), true));
            case ON_SCENE -> replace(new OnSceneStep(steps));
            case RETURN -> steps.startReturn();
            case LAND -> replace(new LandStep(steps));
            default -> throw new IllegalStateException("no step for " + to);
        }
        if (current != null) {
            kick(current);
        }
    }

    private void setPhase(FlightPhase p) {
        phase = p;
        view.phase(p);
    }

    void request(DispatchRequest r) {
        request = r;
        view.request(r);
    }

    void fail(FlightOutcome outcome, String reason) {
        if (phase.isAirborne() && outcome != FlightOutcome.REFUSED) {
            // in the air we never just stop: land where we are, the report says why
            failsafeLand(reason);
            return;
        }
        finish(outcome == FlightOutcome.FAILED ? FlightPhase.FAILED : FlightPhase.ABORTED, outcome, reason);
    }

    void failsafeLand(String why) {
        if (phase == FlightPhase.LAND) {
            warn(why + "; still landing");
            if (current instanceof LandStep l) {
                l.again();
            }
        } else if (phase.canTransitionTo(FlightPhase.LAND)) {
            enter(FlightPhase.LAND, why + "; landing where we are");
        } else {
            fail(FlightOutcome.FAILED, why);
        }
    }

    void finish(FlightPhase terminal, FlightOutcome outcome, String reason) {
        if (finished) {
            return;
        }
        finished = true;
        FlightPhase from = phase;
        if (from != terminal && !from.canTransitionTo(terminal)) {
            throw new IllegalStateException("illegal transition " + from + " -> " + terminal);
        }
        rec.entered(terminal, ms());
        setPhase(terminal);
        replace(null);
        if (tickTask != null) {
            tickTask.cancel();
        }
        subs.forEach(Subscription::close);
        subs.clear();
        view.end();
        rec.sample(ms(), true);
        Instant end = scheduler.now();
        LOG.info("flight {}: {} -> {} ({}): {}", request.alertId(), from, terminal, outcome, reason);
        emit(new FlightEvent.PhaseChanged(end, from, terminal, reason));
        sink.finished(rec.report(request, terminal, outcome, reason, end,
                plan.budget() == null ? Double.NaN : plan.budget().plannedWh()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    void failsafe(FailsafeKind kind, String action) {
        rec.failsafe(kind);
        LOG.warn("flight {}: failsafe {}: {}", request.alertId(), kind, action);
        emit(new FlightEvent.FailsafeTriggered(scheduler.now(), kind, action));
    }

    void warn(String message) {
        LOG.info("flight {}: {}", request.alertId(), message);
        emit(new FlightEvent.Warning(scheduler.now(), message));
    }

    void emit(FlightEvent e) {
        sink.event(e);
    }

    /** @return the current position (altitude above home); the district home before any position */
    GeoPoint here() {
        if (Double.isNaN(t.latDeg())) {
            return ctx.district().home().withAltitudeRelM(0);
        }
        return new GeoPoint(t.latDeg(), t.lonDeg(), Double.isNaN(t.altitudeRelM()) ? 0 : t.altitudeRelM());
    }
}

package org.vigie.mission.flight;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.link.command.Target;
import org.vigie.link.mission.FenceCapacityProbe;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferResult;
import org.vigie.link.time.Scheduler;
import org.vigie.mission.flight.step.FenceUploadStep;
import org.vigie.mission.flight.step.PlanItems;

/**
 * What a dispatch needs that does not depend on its target, made ready when the companion attaches and kept verified:
 * the aircraft profile's parameters ({@link ProfileApplier}, all or nothing), the fence capacity the autopilot states,
 * the district's fence exported, uploaded and read back, and the fence parameters set and echoed (FENCE_ENABLE last).
 * The telemetry streams are asked for by the companion on attach; home and EKF stay live telemetry checks of the
 * flight's PREFLIGHT. A reboot of the autopilot (the link's {@code LinkEvent.AutopilotRebooted}, which
 * {@code AttachedAutopilot}'s heartbeat and boot-time watch raise, or {@link VehicleTelemetry#onReboot}) makes it not
 * ready and starts it again; so does {@link #redo} (a district change). A dispatch that finds it {@link State.Ready} uploads only its
 * route, arms and goes; one that does not does the same work itself in UPLOAD (nothing is skipped unverified).
 *
 * <p>A profile the autopilot refuses (out of its range, or a value echoed differently) is {@link State.Failed} with
 * the parameter named; every dispatch is then refused before any flight with that sentence.
 *
 * <p>Threading: the work runs on the port's event thread; {@link #state()} may be read from any thread.
 */
public final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /** Where the readiness stands. */
    public sealed interface State {
        /**
         * @param doing   what is being done or awaited
         * @param sending true while it sends to the autopilot (parameters, fence): a flight waits for it
         */
        record Preparing(String doing, boolean sending) implements State {
        }

        /**
         * @param generation  how many times readiness started (a reboot starts it again)
         * @param capacity    what the autopilot stores of a fence
         * @param fence       the fence exported and on board
         * @param fenceItems  how many fence items are on board
         * @param profile     the profile parameters applied
         * @param readyAtMs   scheduler milliseconds when it became ready
         */
        record Ready(int generation, FenceCapacity capacity, AutopilotFence fence, int fenceItems,
                     ProfileApplier.Result.Applied profile, long readyAtMs) implements State {
        }

        /**
         * @param reason        why not ready
         * @param profileFailed true when the aircraft profile could not be applied: dispatches are refused
         */
        record Failed(String reason, boolean profileFailed) implements State {
        }
    }

    private final FlightContext ctx;
    private final java.util.function.BooleanSupplier flying;
    private final Scheduler scheduler;
    private volatile State state = new State.Preparing("waiting for the autopilot's HEARTBEAT", false);
    private int generation;
    private boolean closed;
    private CompletableFuture<State> settled = new CompletableFuture<>();

    /**
     * @param ctx    the companion's flight context (services, district, config)
     * @param flying whether a flight is in progress: preparing waits until it has ended (never two uploads at once)
     */
    public Readiness(FlightContext ctx, java.util.function.BooleanSupplier flying) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.flying = Objects.requireNonNull(flying, "flying");
        this.scheduler = ctx.port().scheduler();
    }

    /** Starts (posts to the event thread): waits for the autopilot, then prepares; again after every reboot. */
    public void start() {
        scheduler.execute(() -> {
            ctx.telemetry().onReboot(() -> redo("the autopilot rebooted (telemetry)"));
            ctx.port().subscribeEvents(e -> {
                if (e instanceof org.vigie.link.LinkEvent.AutopilotRebooted r) {
                    redo("the autopilot rebooted: " + r.reason());
                }
            });
            run(++generation);
        });
    }

    /**
     * Makes it not ready and prepares again (a reboot, a district change). Posts to the event thread.
     *
     * @param why for the log
     */
    public void redo(String why) {
        scheduler.execute(() -> {
            LOG.info("readiness: preparing again: {}", why);
            run(++generation);
        });
    }

    /** Stops preparing. */
    public void close() {
        scheduler.execute(() -> closed = true);
    }

    /** @return where readiness stands (any thread) */
    public State state() {
        return state;
    }

    /**
     * @return completes (on the event thread) with the first Ready or Failed state of the current preparation; a new
     *         preparation (after a reboot) gives a new future
     */
    public CompletableFuture<State> settled() {
        return settled;
    }

    /**
     * @param fence the fence a flight exported or adopted
     * @return whether that very fence is on board and everything else ready (event thread)
     */
    @SuppressWarnings("ReferenceEquality") // the very export on board, not an equal one: identity is the point
    public boolean readyWith(@Nullable AutopilotFence fence) {
        return state instanceof State.Ready r && r.fence() == fence;
    }

    private boolean stale(int gen) {
        return closed || gen != generation;
    }

    private void set(int gen, State s) {
        if (stale(gen)) {
            return;
        }
        state = s;
        if (s instanceof State.Ready || s instanceof State.Failed) {
            LOG.info("readiness: {}", s instanceof State.Failed f ? "not ready: " + f.reason() : "ready");
            settled.complete(s);
        }
    }

    private void run(int gen) {
        if (stale(gen)) {
            return;
        }
        if (settled.isDone()) {
            settled = new CompletableFuture<>();
        }
        state = new State.Preparing("waiting for the autopilot's HEARTBEAT", false);
        VehicleTelemetry t = ctx.telemetry();
        if (flying.getAsBoolean()) {
            state = new State.Preparing("waiting for the flight in progress to end", false);
            scheduler.schedule(Duration.ofSeconds(1), () -> run(gen));
            return;
        }
        if (!t.heard()) {
            scheduler.schedule(Duration.ofMillis(500), () -> run(gen));
            return;
        }
        FlavourStrategy strategy = FlavourStrategy.standard(t.flavour());
        List<ProfileParameters.Setting> settings;
        try {
            settings = ProfileParameters.of(t.flavour(), ctx.config().profile());
        } catch (IllegalArgumentException e) {
            set(gen, new State.Failed(String.valueOf(e.getMessage()), true));
            return;
        }
        set(gen, new State.Preparing("applying the aircraft profile", true));
        on(new ProfileApplier(ctx.params()).apply(settings), gen, r -> {
            if (r instanceof ProfileApplier.Result.Failed f) {
                set(gen, new State.Failed(f.describe(), true));
                return;
            }
            ProfileApplier.Result.Applied applied = (ProfileApplier.Result.Applied) r;
            set(gen, new State.Preparing("asking the fence capacity", true));
            FenceCapacity fallback = strategy.defaultFenceCapacity();
            on(FenceCapacityProbe.probe(ctx.port(), new Target(t.targetSysId(), t.targetCompId(), t.flavour()),
                    ctx.config().steps().fenceProbeTimeout()), gen, stated -> {
                        FenceCapacity c = stated.isEmpty() ? fallback : fallback.maxStorageBytes() > 0
                                ? FenceCapacity.arduPilot(8 * stated.getAsInt())
                                : FenceCapacity.items(stated.getAsInt());
                        uploadFence(gen, strategy, c, applied, 0);
                    });
        });
    }

    private void uploadFence(int gen, FlavourStrategy strategy, FenceCapacity capacity,
                             ProfileApplier.Result.Applied applied, int spaceRetries) {
        AutopilotFence fence = FenceUploadStep.export(ctx, capacity);
        if (fence.refusal() != null) {
            set(gen, new State.Failed("the district's fence cannot be given to the autopilot: " + fence.refusal(),
                    false));
            return;
        }
        List<MissionItem> items = FenceMissionItems.of(fence.shapes());
        set(gen, new State.Preparing("uploading the fence (" + items.size() + " items)", true));
        on(ctx.transfers().upload(MissionType.FENCE, items), gen, o -> {
            boolean forSpace = o.result() == TransferResult.NO_SPACE || o.result() == TransferResult.ERROR;
            if (forSpace && spaceRetries < ctx.config().steps().fenceSpaceRetries()) {
                uploadFence(gen, strategy, capacity.below(fence.shapes()), applied, spaceRetries + 1);
                return;
            }
            if (!o.succeeded()) {
                set(gen, new State.Failed("fence upload failed: " + o.result() + " " + o.detail(), false));
                return;
            }
            on(ctx.transfers().download(MissionType.FENCE), gen, d -> {
                String diff = PlanItems.compare(items, d);
                if (diff != null) {
                    set(gen, new State.Failed("fence read back differs: " + diff, false));
                    return;
                }
                setFenceParams(gen, strategy.fenceParameters(ctx.district()), 0, capacity, fence, items.size(),
                        applied);
            });
        });
    }

    private void setFenceParams(int gen, List<ParamSetting> ps, int i, FenceCapacity capacity, AutopilotFence fence,
                                int fenceItems, ProfileApplier.Result.Applied applied) {
        if (i >= ps.size()) {
            set(gen, new State.Ready(gen, capacity, fence, fenceItems, applied, scheduler.monotonicMs()));
            return;
        }
        ParamSetting p = ps.get(i);
        on(ctx.params().set(p.name(), p.value()), gen, o -> {
            if (!o.succeeded()) {
                set(gen, new State.Failed(String.format(Locale.ROOT, "parameter %s could not be set to %s (%s)",
                        p.name(), p.value(), o.result()), false));
                return;
            }
            setFenceParams(gen, ps, i + 1, capacity, fence, fenceItems, applied);
        });
    }

    /** Continues on the event thread with a future's value, unless a newer preparation started; a link failure fails. */
    private <T> void on(CompletableFuture<T> f, int gen, java.util.function.Consumer<T> next) {
        var unused = f.whenComplete((v, err) -> scheduler.execute(() -> {
            if (stale(gen)) {
                return;
            }
            if (err != null) {
                set(gen, new State.Failed("link failure while preparing: " + err, false));
            } else {
                next.accept(v);
            }
        }));
    }
}

package org.vigie.link.command;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandCancel;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Futures;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.Scheduler;
import org.vigie.link.work.WorkItem;
import org.vigie.link.work.WorkQueue;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.link.vehicle.FlightMode;
import org.vigie.link.vehicle.FlightModes;

/**
 * The MAVLink command protocol client: sends COMMAND_LONG / COMMAND_INT and completes a future with the matching
 * COMMAND_ACK.
 *
 * <p>Protocol, as the MAVLink command protocol specifies:
 * <ul>
 *   <li>An ACK matches when it comes from the target system (and component, unless the target component is 0),
 *       carries the same command id, and is addressed to us or to everyone (target_system 0).</li>
 *   <li>No ACK within {@link CommandOptions#ackTimeoutMs()}: the command is resent, up to
 *       {@link CommandOptions#retries()} times; COMMAND_LONG resends increment {@code confirmation} (0 on the first
 *       send). Then the outcome is {@link CommandResult#TIMEOUT}.</li>
 *   <li>MAV_RESULT_IN_PROGRESS stops resending; the progress callback gets each progress value and the wait is
 *       extended by {@link CommandOptions#inProgressTimeoutMs()} after each progress ACK.</li>
 *   <li>One command per (target, command id) in flight: a second identical request <b>queues</b> behind the first
 *       and is sent when the first completes (never two interleaved instances, whose ACKs could not be told apart).
 *       Different command ids run concurrently.</li>
 *   <li>{@link #cancel(int)} and {@code future.cancel(...)}: a queued command completes {@link CommandResult#CANCELLED}
 *       at once; a command already sent gets a COMMAND_CANCEL and completes with the target's next ACK (normally
 *       MAV_RESULT_CANCELLED), or CANCELLED locally after one ACK timeout.</li>
 *   <li>After a final ACK other than ACCEPTED, the target's STATUSTEXT lines are collected for
 *       {@link CommandOptions#statusTextLingerMs()} more (ArduCopter sends the reason right after the ACK) and are
 *       carried in {@link CommandOutcome#statusTexts()}.</li>
 * </ul>
 *
 * <p>Threading: all state lives on the port's scheduler event thread; public methods may be called from any thread
 * and return at once. Futures and progress callbacks complete on {@link MavlinkPort#callbackExecutor()}. Futures
 * complete normally with a {@link CommandOutcome} for every protocol outcome (including TIMEOUT and LINK_CLOSED);
 * they complete exceptionally only with {@link CancellationException} if the caller cancels them.
 */
public final class CommandService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);

    /** param2 of MAV_CMD_COMPONENT_ARM_DISARM that forces arming/disarming (ArduPilot and PX4). */
    public static final float FORCE_MAGIC = 21196f;

    private enum State { QUEUED, AWAITING_ACK, IN_PROGRESS, CANCELLING, LINGERING, DONE }

    private record Key(int systemId, int componentId, int commandId) {}

    private final class Pending extends WorkItem {
        final Key key;
        final boolean asInt;
        final int frame;
        final float[] params;
        final int x;
        final int y;
        final CompletableFuture<CommandOutcome> future;
        final @Nullable IntConsumer progress;
        final long requestedMs;
        final List<String> texts = new ArrayList<>();
        State state = State.QUEUED;
        int attempts;
        long firstSendMs = -1;
        boolean ackSeen;
        int lastProgress;
        int lastParam2;
        @Nullable CommandResult result;

        Pending(Key key, boolean asInt, int frame, float[] params, int x, int y, @Nullable IntConsumer progress,
                CompletableFuture<CommandOutcome> future) {
            this.key = key;
            this.asInt = asInt;
            this.frame = frame;
            this.params = params;
            this.x = x;
            this.y = y;
            this.progress = progress;
            this.future = future;
            this.requestedMs = scheduler.monotonicMs();
        }
    }

    private final MavlinkPort port;
    private final Scheduler scheduler;
    private final Supplier<Target> target;
    private final CommandOptions options;
    private final Map<Key, WorkQueue<Pending>> queues = new LinkedHashMap<>();
    private final List<Pending> lingering = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean closed;

    /**
     * Creates the service and subscribes to COMMAND_ACK and STATUSTEXT on the port.
     *
     * @param port the link
     * @param target which autopilot to command; read on the event thread when each command starts, and on the
     *               caller's thread by {@link #setMode(String)} and {@link #takeoff(double)} (so it must be
     *               thread-safe, e.g. backed by a volatile field)
     * @param options timeouts and retries
     */
    public CommandService(MavlinkPort port, Supplier<Target> target, CommandOptions options) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = port.scheduler();
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        subscriptions.add(port.subscribe(CommandAck.class, this::onAck));
        subscriptions.add(port.subscribe(Statustext.class, this::onStatusText));
    }

    /** @return the options in force */
    public CommandOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- generic sends

    /**
     * Sends a COMMAND_LONG.
     *
     * @param command the command
     * @param p1 param 1 ... (as the MAV_CMD defines; NaN where the command says "unchanged")
     * @param p2 param 2
     * @param p3 param 3
     * @param p4 param 4
     * @param p5 param 5
     * @param p6 param 6
     * @param p7 param 7
     * @return the outcome, completed on the callback executor
     */
    public CompletableFuture<CommandOutcome> sendLong(MavCmd command, float p1, float p2, float p3, float p4,
                                                      float p5, float p6, float p7) {
        return sendLong(EnumValue.of(command).value(), new float[] {p1, p2, p3, p4, p5, p6, p7}, null);
    }

    /**
     * Sends a COMMAND_LONG by numeric command id (for commands newer than the dialect classes).
     *
     * @param commandId MAV_CMD value, 0..65535
     * @param params 7 params (a shorter array is padded with zeros)
     * @param progressPercent called with each MAV_RESULT_IN_PROGRESS progress value (0..100, 255 unknown), or null
     * @return the outcome
     * @throws IllegalArgumentException if the id is out of range or more than 7 params are given
     */
    public CompletableFuture<CommandOutcome> sendLong(int commandId, float[] params, @Nullable IntConsumer progressPercent) {
        return submit(commandId, false, 0, pad(params, 7), 0, 0, progressPercent);
    }

    /**
     * Sends a COMMAND_INT: the form for positional commands (DO_REPOSITION, DO_SET_ROI_LOCATION...), with an explicit
     * frame and latitude/longitude as integers.
     *
     * @param command the command
     * @param frame coordinate frame of x, y, z (e.g. MAV_FRAME_GLOBAL_RELATIVE_ALT_INT... or the non-INT global frames,
     *              which COMMAND_INT also carries as degE7)
     * @param p1 param 1
     * @param p2 param 2
     * @param p3 param 3
     * @param p4 param 4
     * @param x latitude in degE7 for global frames, else as the frame defines
     * @param y longitude in degE7 for global frames
     * @param z altitude in metres (datum per frame)
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> sendInt(MavCmd command, MavFrame frame, float p1, float p2, float p3,
                                                     float p4, int x, int y, float z) {
        return sendInt(EnumValue.of(command).value(), EnumValue.of(frame).value(), new float[] {p1, p2, p3, p4},
                x, y, z, null);
    }

    /**
     * Sends a COMMAND_INT by numeric ids.
     *
     * @param commandId MAV_CMD value
     * @param frame MAV_FRAME value
     * @param params4 params 1..4 (shorter arrays padded with zeros)
     * @param x x (degE7 for global frames)
     * @param y y (degE7 for global frames)
     * @param z z, metres
     * @param progressPercent progress callback or null
     * @return the outcome
     * @throws IllegalArgumentException for out-of-range ids or more than 4 params
     */
    public CompletableFuture<CommandOutcome> sendInt(int commandId, int frame, float[] params4, int x, int y, float z,
                                                     @Nullable IntConsumer progressPercent) {
        if (frame < 0 || frame > 255) {
            throw new IllegalArgumentException("frame must be 0..255, was " + frame);
        }
        float[] p = pad(params4, 4);
        float[] all = new float[] {p[0], p[1], p[2], p[3], 0, 0, z};
        return submit(commandId, true, frame, all, x, y, progressPercent);
    }

    /**
     * Cancels every pending instance of a command to the current target: queued ones complete CANCELLED at once; the
     * one in flight gets a COMMAND_CANCEL (see the class comment).
     *
     * @param commandId MAV_CMD value
     * @return true if something was pending, completed on the callback executor
     */
    public CompletableFuture<Boolean> cancel(int commandId) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            boolean any = false;
            Target t = target.get();
            WorkQueue<Pending> q = queues.get(new Key(t.systemId(), t.componentId(), commandId));
            if (q != null) {
                for (Pending p : q.items()) {
                    any = true;
                    cancelPending(p);
                }
            }
            boolean result = any;
            port.callbackExecutor().execute(() -> f.complete(result));
        });
        return f;
    }

    /**
     * Cancels every pending instance of a command (see {@link #cancel(int)}).
     *
     * @param command the command
     * @return true if something was pending
     */
    public CompletableFuture<Boolean> cancel(MavCmd command) {
        return cancel(EnumValue.of(command).value());
    }

    // ---------------------------------------------------------------- convenience

    /**
     * Arms the motors (MAV_CMD_COMPONENT_ARM_DISARM, param1 = 1). ArduCopter answers FAILED with a STATUSTEXT reason
     * when a pre-arm check fails.
     *
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> arm() {
        return sendLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Disarms (MAV_CMD_COMPONENT_ARM_DISARM, param1 = 0).
     *
     * @param force true to disarm even in flight (param2 = 21196): the vehicle falls
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> disarm(boolean force) {
        return sendLong(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 0, force ? FORCE_MAGIC : 0, 0, 0, 0, 0, 0);
    }

    /**
     * Sets a flight mode by name with MAV_CMD_DO_SET_MODE, using the link's {@link FlightModes} table: ArduCopter
     * names (GUIDED, AUTO, RTL, LAND, LOITER...: param2 = custom mode) or PX4 names (POSCTL, AUTO_MISSION, AUTO_RTL,
     * AUTO_LAND, AUTO_LOITER, OFFBOARD..., with aliases MISSION, RTL, LAND, HOLD: param2 = main mode, param3 = sub
     * mode), chosen by the target's flavour read now.
     *
     * @param name mode name, case-insensitive
     * @return the outcome
     * @throws IllegalArgumentException for a name unknown to the target's flavour
     */
    public CompletableFuture<CommandOutcome> setMode(String name) {
        AutopilotFlavour flavour = target.get().flavour();
        FlightMode m = FlightModes.find(flavour, name).orElseThrow(() ->
                new IllegalArgumentException("flight mode '" + name + "' is unknown for " + flavour + "; known: "
                        + FlightModes.modes(flavour).stream().map(FlightMode::name).toList()));
        return flavour == AutopilotFlavour.PX4
                ? sendLong(MavCmd.MAV_CMD_DO_SET_MODE, m.baseMode(), m.px4MainMode(), m.px4SubMode(), 0, 0, 0, 0)
                : sendLong(MavCmd.MAV_CMD_DO_SET_MODE, m.baseMode(), (float) m.customMode(), 0, 0, 0, 0, 0);
    }

    /**
     * Sets a mode by numbers (MAV_CMD_DO_SET_MODE).
     *
     * @param baseMode MAV_MODE flags (normally 1 = custom mode enabled)
     * @param customMode ArduPilot custom mode, or PX4 main mode
     * @param subMode PX4 sub mode (0 for ArduPilot)
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> setMode(int baseMode, int customMode, int subMode) {
        return sendLong(MavCmd.MAV_CMD_DO_SET_MODE, baseMode, customMode, subMode, 0, 0, 0, 0);
    }

    /**
     * Takes off to an altitude above home (MAV_CMD_NAV_TAKEOFF, param7), as ArduCopter reads it (GUIDED, armed).
     *
     * @param altitudeRelM altitude above home, metres, &gt; 0
     * @return the outcome
     * @throws IllegalArgumentException if not positive and finite, or if the target is PX4 (PX4 reads param7 as AMSL:
     *                                  use {@link #takeoffAmsl(double)})
     */
    public CompletableFuture<CommandOutcome> takeoff(double altitudeRelM) {
        requirePositive(altitudeRelM, "altitudeRelM");
        if (target.get().flavour() == AutopilotFlavour.PX4) {
            throw new IllegalArgumentException("PX4 takes the takeoff altitude AMSL: use takeoffAmsl(altitudeAmslM)");
        }
        return sendLong(MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, (float) altitudeRelM);
    }

    /**
     * Takes off to an altitude above mean sea level (PX4's reading of MAV_CMD_NAV_TAKEOFF param7; yaw and position
     * left unchanged as NaN).
     *
     * @param altitudeAmslM altitude AMSL, metres
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> takeoffAmsl(double altitudeAmslM) {
        if (!Double.isFinite(altitudeAmslM)) {
            throw new IllegalArgumentException("altitudeAmslM must be finite, was " + altitudeAmslM);
        }
        return sendLong(MavCmd.MAV_CMD_NAV_TAKEOFF, -1, 0, 0, Float.NaN, Float.NaN, Float.NaN,
                (float) altitudeAmslM);
    }

    /**
     * Flies to a position (MAV_CMD_DO_REPOSITION as COMMAND_INT: ArduCopter answers UNSUPPORTED to the COMMAND_LONG
     * form, and FAILED for a point outside its fence), switching to GUIDED/hold mode if needed (flag 1).
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param altitudeM altitude, metres, datum per {@code relativeToHome}
     * @param relativeToHome true: above home (MAV_FRAME_GLOBAL_RELATIVE_ALT_INT); false: AMSL (MAV_FRAME_GLOBAL_INT)
     * @param groundSpeedMps speed, m/s, or -1 for the default
     * @return the outcome
     * @throws IllegalArgumentException for an invalid coordinate
     */
    public CompletableFuture<CommandOutcome> reposition(double latDeg, double lonDeg, double altitudeM,
                                                        boolean relativeToHome, double groundSpeedMps) {
        checkLatLon(latDeg, lonDeg);
        return sendInt(MavCmd.MAV_CMD_DO_REPOSITION, globalFrame(relativeToHome), (float) groundSpeedMps, 1, 0,
                Float.NaN, degE7(latDeg), degE7(lonDeg), (float) altitudeM);
    }

    /**
     * Points the vehicle/gimbal at a location (MAV_CMD_DO_SET_ROI_LOCATION as COMMAND_INT, all gimbals).
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param altitudeM altitude, metres
     * @param relativeToHome datum of the altitude
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> setRoiLocation(double latDeg, double lonDeg, double altitudeM,
                                                            boolean relativeToHome) {
        checkLatLon(latDeg, lonDeg);
        return sendInt(MavCmd.MAV_CMD_DO_SET_ROI_LOCATION, globalFrame(relativeToHome), 0, 0, 0, 0, degE7(latDeg),
                degE7(lonDeg), (float) altitudeM);
    }

    /**
     * Cancels any region of interest (MAV_CMD_DO_SET_ROI_NONE).
     *
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> setRoiNone() {
        return sendLong(MavCmd.MAV_CMD_DO_SET_ROI_NONE, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Yaws the vehicle (MAV_CMD_CONDITION_YAW).
     *
     * @param headingDeg target heading (absolute, degrees from north) or offset (relative)
     * @param rateDegPerS yaw rate, deg/s (0 = default)
     * @param direction -1 counter-clockwise, 1 clockwise, 0 shortest
     * @param relative true if {@code headingDeg} is an offset from the current heading
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> conditionYaw(double headingDeg, double rateDegPerS, int direction,
                                                          boolean relative) {
        if (direction < -1 || direction > 1) {
            throw new IllegalArgumentException("direction must be -1, 0 or 1, was " + direction);
        }
        return sendLong(MavCmd.MAV_CMD_CONDITION_YAW, (float) headingDeg, (float) rateDegPerS, direction,
                relative ? 1 : 0, 0, 0, 0);
    }

    /**
     * Changes the ground speed (MAV_CMD_DO_CHANGE_SPEED, speed type 1 = ground speed, throttle unchanged).
     *
     * @param groundSpeedMps speed, m/s, &gt; 0
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> changeSpeed(double groundSpeedMps) {
        requirePositive(groundSpeedMps, "groundSpeedMps");
        return sendLong(MavCmd.MAV_CMD_DO_CHANGE_SPEED, 1, (float) groundSpeedMps, -1, 0, 0, 0, 0);
    }

    /**
     * Sets a message's stream interval (MAV_CMD_SET_MESSAGE_INTERVAL).
     *
     * @param messageId MAVLink message id
     * @param intervalUs interval in microseconds; -1 stops the stream, 0 restores the default rate
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> setMessageInterval(int messageId, long intervalUs) {
        if (messageId < 0 || messageId > 0xFFFFFF) {
            throw new IllegalArgumentException("messageId must be 0..16777215, was " + messageId);
        }
        if (intervalUs < -1) {
            throw new IllegalArgumentException("intervalUs must be >= -1, was " + intervalUs);
        }
        return sendLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, messageId, (float) intervalUs, 0, 0, 0, 0, 0);
    }

    /**
     * Asks for one message to be sent once (MAV_CMD_REQUEST_MESSAGE), e.g. AUTOPILOT_VERSION (148) or HOME_POSITION
     * (242). The message itself arrives separately, after the ACK.
     *
     * @param messageId MAVLink message id
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> requestMessage(int messageId) {
        if (messageId < 0 || messageId > 0xFFFFFF) {
            throw new IllegalArgumentException("messageId must be 0..16777215, was " + messageId);
        }
        return sendLong(MavCmd.MAV_CMD_REQUEST_MESSAGE, messageId, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Starts the mission (MAV_CMD_MISSION_START). ArduCopter takes off in AUTO only with this command once armed.
     *
     * @param firstItem first item (0 = from the start)
     * @param lastItem last item (0 = to the end)
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> missionStart(int firstItem, int lastItem) {
        if (firstItem < 0 || lastItem < 0) {
            throw new IllegalArgumentException("mission items must be >= 0, were " + firstItem + ", " + lastItem);
        }
        return sendLong(MavCmd.MAV_CMD_MISSION_START, firstItem, lastItem, 0, 0, 0, 0, 0);
    }

    /**
     * Reboots the autopilot (MAV_CMD_PREFLIGHT_REBOOT_SHUTDOWN, param1 = 1). Refused while armed.
     *
     * @return the outcome
     */
    public CompletableFuture<CommandOutcome> rebootAutopilot() {
        return sendLong(MavCmd.MAV_CMD_PREFLIGHT_REBOOT_SHUTDOWN, 1, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Completes every pending command with {@link CommandResult#LINK_CLOSED} and unsubscribes. Idempotent.
     */
    @Override
    public void close() {
        scheduler.execute(() -> {
            if (closed) {
                return;
            }
            closed = true;
            subscriptions.forEach(Subscription::close);
            for (WorkQueue<Pending> q : List.copyOf(queues.values())) {
                q.close();
                for (Pending p : q.items()) {
                    p.result = CommandResult.LINK_CLOSED;
                    complete(p);
                }
            }
            queues.clear();
            for (Pending p : List.copyOf(lingering)) {
                complete(p);
            }
        });
    }

    // ---------------------------------------------------------------- machinery (event thread)

    private CompletableFuture<CommandOutcome> submit(int commandId, boolean asInt, int frame, float[] params, int x,
                                                     int y, @Nullable IntConsumer progress) {
        if (commandId < 0 || commandId > 0xFFFF) {
            throw new IllegalArgumentException("commandId must be 0..65535, was " + commandId);
        }
        CompletableFuture<CommandOutcome> future = new CompletableFuture<>();
        scheduler.execute(() -> {
            Target t = target.get();
            Pending p = new Pending(new Key(t.systemId(), t.componentId(), commandId), asInt, frame, params, x, y,
                    progress, future);
            Futures.listen(future, (r, e) -> {
                if (e instanceof CancellationException) {
                    scheduler.execute(() -> cancelPending(p));
                }
            });
            if (closed) {
                p.result = CommandResult.LINK_CLOSED;
                complete(p);
                return;
            }
            WorkQueue<Pending> q = queues.computeIfAbsent(p.key, k -> new WorkQueue<>(this::start, Runnable::run));
            boolean idle = q.isEmpty();
            q.submit(p);
            if (!idle) {
                LOG.debug("command {} to {}/{} queued behind an identical one in flight", commandId,
                        t.systemId(), t.componentId());
            }
        });
        return future;
    }

    private void start(Pending p) {
        p.firstSendMs = scheduler.monotonicMs();
        p.state = State.AWAITING_ACK;
        transmit(p);
    }

    private void transmit(Pending p) {
        p.attempts++;
        if (p.asInt) {
            port.send(CommandInt.builder().targetSystem(p.key.systemId()).targetComponent(p.key.componentId())
                    .frame(EnumValue.create(p.frame)).command(EnumValue.create(p.key.commandId()))
                    .current(0).autocontinue(0)
                    .param1(p.params[0]).param2(p.params[1]).param3(p.params[2]).param4(p.params[3])
                    .x(p.x).y(p.y).z(p.params[6]).build());
        } else {
            port.send(CommandLong.builder().targetSystem(p.key.systemId()).targetComponent(p.key.componentId())
                    .command(EnumValue.create(p.key.commandId())).confirmation(Math.min(255, p.attempts - 1))
                    .param1(p.params[0]).param2(p.params[1]).param3(p.params[2]).param4(p.params[3])
                    .param5(p.params[4]).param6(p.params[5]).param7(p.params[6]).build());
        }
        arm(p, options.ackTimeoutMs());
    }

    private void arm(Pending p, long delayMs) {
        p.arm(port, delayMs, () -> onTimeout(p));
    }

    private void onTimeout(Pending p) {
        switch (p.state) {
            case AWAITING_ACK -> {
                if (p.attempts <= options.retries()) {
                    LOG.debug("command {} not acknowledged, resend {}", p.key.commandId(), p.attempts);
                    transmit(p);
                } else {
                    finish(p, CommandResult.TIMEOUT, false);
                }
            }
            case IN_PROGRESS -> finish(p, CommandResult.TIMEOUT, false);
            case CANCELLING -> finish(p, CommandResult.CANCELLED, false);
            default -> { }
        }
    }

    private void onAck(CommandAck ack, MavlinkFrame frame) {
        if (ack.targetSystem() != 0 && ack.targetSystem() != port.systemId()) {
            return;
        }
        if (ack.targetComponent() != 0 && ack.targetComponent() != port.componentId()) {
            return;
        }
        int cmd = ack.command().value();
        Pending p = head(frame.sysId(), frame.compId(), cmd);
        if (p == null) {
            LOG.debug("unmatched COMMAND_ACK for command {} from {}/{}", cmd, frame.sysId(), frame.compId());
            return;
        }
        p.ackSeen = true;
        p.lastProgress = ack.progress();
        p.lastParam2 = ack.resultParam2();
        CommandResult r = CommandResult.fromWire(ack.result().value());
        if (r == CommandResult.IN_PROGRESS) {
            if (p.state == State.AWAITING_ACK) {
                p.state = State.IN_PROGRESS;
            }
            arm(p, options.inProgressTimeoutMs());
            if (p.progress != null) {
                int pr = ack.progress();
                port.callbackExecutor().execute(() -> p.progress.accept(pr));
            }
            return;
        }
        finish(p, r, true);
    }

    private @Nullable Pending head(int sysId, int compId, int cmd) {
        for (Map.Entry<Key, WorkQueue<Pending>> e : queues.entrySet()) {
            Key k = e.getKey();
            if (k.commandId() == cmd && k.systemId() == sysId && (k.componentId() == compId || k.componentId() == 0)) {
                Pending p = e.getValue().active();
                if (p != null && (p.state == State.AWAITING_ACK || p.state == State.IN_PROGRESS
                        || p.state == State.CANCELLING)) {
                    return p;
                }
            }
        }
        return null;
    }

    private void onStatusText(Statustext text, MavlinkFrame frame) {
        for (WorkQueue<Pending> q : queues.values()) {
            Pending p = q.active();
            if (p != null && p.state != State.QUEUED && p.key.systemId() == frame.sysId()) {
                p.texts.add(text.text());
            }
        }
        for (Pending p : lingering) {
            if (p.key.systemId() == frame.sysId()) {
                p.texts.add(text.text());
            }
        }
    }

    private void cancelPending(Pending p) {
        switch (p.state) {
            case QUEUED -> {
                WorkQueue<Pending> q = queues.get(p.key);
                if (q != null) {
                    q.removeQueued(p);
                }
                p.result = CommandResult.CANCELLED;
                complete(p);
            }
            case AWAITING_ACK, IN_PROGRESS -> {
                p.state = State.CANCELLING;
                port.send(CommandCancel.builder().targetSystem(p.key.systemId())
                        .targetComponent(p.key.componentId()).command(EnumValue.create(p.key.commandId())).build());
                arm(p, options.ackTimeoutMs());
            }
            default -> { }
        }
    }

    private void finish(Pending p, CommandResult result, boolean fromAck) {
        p.disarm();
        p.result = result;
        WorkQueue<Pending> q = queues.get(p.key);
        if (q != null) {
            q.finished(p);
            if (q.isEmpty()) {
                queues.remove(p.key);
            }
        }
        if (fromAck && result != CommandResult.ACCEPTED && options.statusTextLingerMs() > 0 && !closed) {
            p.state = State.LINGERING;
            lingering.add(p);
            scheduler.schedule(Duration.ofMillis(options.statusTextLingerMs()), () -> complete(p));
        } else {
            complete(p);
        }
    }

    private void complete(Pending p) {
        if (p.state == State.DONE) {
            return;
        }
        p.finishOnce();
        p.state = State.DONE;
        lingering.remove(p);
        long start = p.firstSendMs >= 0 ? p.firstSendMs : p.requestedMs;
        CommandOutcome o = new CommandOutcome(p.key.commandId(),
                Objects.requireNonNull(p.result, "the result is set before completion"), p.ackSeen ? p.lastProgress : 0,
                p.ackSeen ? p.lastParam2 : 0, p.ackSeen, p.attempts, scheduler.monotonicMs() - start, p.texts);
        if (o.result() != CommandResult.ACCEPTED) {
            LOG.debug("command {} ended {} after {} attempt(s){}", o.commandId(), o.result(), o.attempts(),
                    o.statusTexts().isEmpty() ? "" : ": " + o.statusTexts());
        }
        port.callbackExecutor().execute(() -> p.future.complete(o));
    }

    // ---------------------------------------------------------------- helpers

    private static float[] pad(float[] params, int n) {
        float[] out = new float[n];
        if (params != null) {
            if (params.length > n) {
                throw new IllegalArgumentException("at most " + n + " params, got " + params.length);
            }
            System.arraycopy(params, 0, out, 0, params.length);
        }
        return out;
    }

    private static MavFrame globalFrame(boolean relativeToHome) {
        return relativeToHome ? MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT : MavFrame.MAV_FRAME_GLOBAL_INT;
    }

    /**
     * Degrees to degE7, rounded to nearest.
     *
     * @param deg degrees
     * @return degrees times 1e7
     */
    public static int degE7(double deg) {
        return (int) Math.round(deg * 1e7);
    }

    private static void checkLatLon(double latDeg, double lonDeg) {
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new IllegalArgumentException("latitude must be -90..90 degrees, was " + latDeg);
        }
        if (!(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("longitude must be -180..180 degrees, was " + lonDeg);
        }
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + v);
        }
    }
}

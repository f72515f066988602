package org.vigie.link.mission;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.command.Target;
import org.vigie.link.time.Cancellable;

/**
 * Asks an autopilot how many fence items it can store, without touching the fence it holds.
 *
 * <p>It sends MISSION_COUNT for mission type FENCE with a count no autopilot stores (65,535). ArduPilot answers at
 * once MAV_MISSION_NO_SPACE and the STATUSTEXT "Only N items are supported", where N is its fence storage area in
 * bytes divided by 8; no upload starts and the stored fence is unchanged. An autopilot that says NO_SPACE without the
 * number (PX4), or says nothing, gives an empty answer: the caller keeps its per-flavour default. Should an autopilot
 * start the upload instead (ask for item 0), the probe cancels it with MISSION_ACK OPERATION_CANCELLED.
 *
 * <p>Run it only while no fence transfer is under way (for example when the autopilot is first seen or after it
 * rebooted): its NO_SPACE answer would otherwise end that transfer.
 *
 * <p>Threading: {@link #probe} may be called from any thread; the exchange runs on the port's event thread and the
 * future completes on the port's callback executor. It never fails exceptionally: a timeout is an empty answer.
 */
public final class FenceCapacityProbe {

    /** The count sent: more than any autopilot stores. */
    public static final int PROBE_COUNT = 65_535;
    /** How long to wait for the STATUSTEXT after the NO_SPACE answer. */
    static final Duration TEXT_GRACE = Duration.ofMillis(300);
    private static final Pattern ONLY_N = Pattern.compile("Only (\\d+) items are supported");

    private final MavlinkPort port;
    private final Target target;
    private final Duration timeout;
    private final CompletableFuture<OptionalInt> result = new CompletableFuture<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Cancellable> timers = new ArrayList<>();
    private @Nullable Integer statedItems;
    private boolean noSpace;
    private boolean done;

    private FenceCapacityProbe(MavlinkPort port, Target target, Duration timeout) {
        this.port = port;
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * Asks the autopilot.
     *
     * @param port    the link
     * @param target  the autopilot
     * @param timeout how long to wait for an answer (1.5 s is the mission protocol's own time-out)
     * @return the number of fence items the autopilot says it stores, or empty when it does not say
     * @throws IllegalArgumentException on a null argument or a non-positive timeout
     */
    public static CompletableFuture<OptionalInt> probe(MavlinkPort port, Target target, Duration timeout) {
        if (port == null || target == null || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("port, target and a positive timeout are required");
        }
        FenceCapacityProbe p = new FenceCapacityProbe(port, target, timeout);
        port.scheduler().execute(p::start);
        return p.result;
    }

    private void start() {
        subscriptions.add(port.subscribe(Statustext.class, (m, f) -> {
            if (f.sysId() != target.systemId()) {
                return;
            }
            Matcher x = ONLY_N.matcher(m.text());
            if (x.find()) {
                statedItems = Integer.parseInt(x.group(1));
                if (noSpace) {
                    finish();
                }
            }
        }));
        subscriptions.add(port.subscribe(MissionAck.class, (m, f) -> {
            if (f.sysId() != target.systemId() || m.missionType().value() != MissionType.FENCE.wireValue()) {
                return;
            }
            if (m.type().entry() == MavMissionResult.MAV_MISSION_NO_SPACE) {
                noSpace = true;
                if (statedItems != null) {
                    finish();
                } else {
                    timers.add(port.scheduler().schedule(TEXT_GRACE, this::finish));
                }
            } else {
                finish();
            }
        }));
        subscriptions.add(port.subscribe(MissionRequestInt.class, (m, f) -> startedUpload(f.sysId(),
                m.missionType().value())));
        subscriptions.add(port.subscribe(MissionRequest.class, (m, f) -> startedUpload(f.sysId(),
                m.missionType().value())));
        timers.add(port.scheduler().schedule(timeout, this::finish));
        port.send(MissionCount.builder().targetSystem(target.systemId()).targetComponent(target.componentId())
                .count(PROBE_COUNT).missionType(EnumValue.create(MissionType.FENCE.wireValue())).build());
    }

    private void startedUpload(int systemId, int missionType) {
        if (systemId != target.systemId() || missionType != MissionType.FENCE.wireValue() || done) {
            return;
        }
        port.send(MissionAck.builder().targetSystem(target.systemId()).targetComponent(target.componentId())
                .type(MavMissionResult.MAV_MISSION_OPERATION_CANCELLED)
                .missionType(EnumValue.create(MissionType.FENCE.wireValue())).build());
        finish();
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        subscriptions.forEach(Subscription::close);
        timers.forEach(Cancellable::cancel);
        OptionalInt answer = statedItems == null ? OptionalInt.empty() : OptionalInt.of(statedItems);
        port.callbackExecutor().execute(() -> result.complete(answer));
    }
}

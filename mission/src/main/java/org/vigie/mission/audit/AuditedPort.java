package org.vigie.mission.audit;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.SetMode;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.common.SetPositionTargetLocalNed;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.vigie.link.LinkEvent;
import org.vigie.link.MavlinkPort;
import org.vigie.link.MessageListener;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.Scheduler;
import org.vigie.link.vehicle.Vehicle;

/**
 * The companion's port to the autopilot, recording every command and plan item it sends in the audit
 * ({@link MissionAudit#commandSent}) before passing it on; everything else is delegated unchanged. Thread-safe as the
 * port it wraps.
 */
public final class AuditedPort implements MavlinkPort {

    /** MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW: the camera steered (away from a privacy zone). */
    private static final int GIMBAL_PITCHYAW = 1000;
    private static final Set<Class<?>> COMMANDS = Set.of(CommandLong.class, CommandInt.class, SetMode.class,
            ParamSet.class, MissionCount.class, MissionItemInt.class, MissionItem.class, MissionClearAll.class,
            MissionSetCurrent.class, SetPositionTargetGlobalInt.class, SetPositionTargetLocalNed.class,
            RequestDataStream.class);

    private final MavlinkPort port;
    private final MissionAudit audit;

    private AuditedPort(MavlinkPort port, MissionAudit audit) {
        this.port = port;
        this.audit = audit;
    }

    /**
     * @param port  the port to the autopilot
     * @param audit where commands are recorded
     * @return the recording port
     */
    public static MavlinkPort of(MavlinkPort port, MissionAudit audit) {
        return new AuditedPort(Objects.requireNonNull(port, "port"), Objects.requireNonNull(audit, "audit"));
    }

    @Override
    public Scheduler scheduler() {
        return port.scheduler();
    }

    @Override
    public Executor callbackExecutor() {
        return port.callbackExecutor();
    }

    @Override
    public org.vigie.link.vehicle.AttachedAutopilot autopilot() {
        return port.autopilot();
    }

    @Override
    public int systemId() {
        return port.systemId();
    }

    @Override
    public int componentId() {
        return port.componentId();
    }

    @Override
    public void send(Object message) {
        if (COMMANDS.contains(message.getClass())) {
            boolean steering = (message instanceof CommandLong c && c.command() != null
                    && c.command().value() == GIMBAL_PITCHYAW)
                    || (message instanceof CommandInt ci && ci.command() != null
                    && ci.command().value() == GIMBAL_PITCHYAW);
            audit.commandSent(port.scheduler().now(), message, steering);
        }
        port.send(message);
    }

    @Override
    public <T> Subscription subscribe(Class<T> type, MessageListener<T> listener) {
        return port.subscribe(type, listener);
    }

    @Override
    public Subscription subscribeFrames(Consumer<MavlinkFrame> listener) {
        return port.subscribeFrames(listener);
    }

    @Override
    public Subscription subscribeEvents(Consumer<LinkEvent> listener) {
        return port.subscribeEvents(listener);
    }

    @Override
    public Optional<Vehicle> vehicle() {
        return port.vehicle();
    }

    @Override
    public long provenSilenceNanos(long sinceNanos) {
        return port.provenSilenceNanos(sinceNanos);
    }
}

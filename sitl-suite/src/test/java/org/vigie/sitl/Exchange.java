package org.vigie.sitl;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.ardupilotmega.EkfStatusReport;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.vigie.link.MavlinkLink;

/**
 * What a companion sees of an autopilot during a conformance script: commands sent with their COMMAND_ACK awaited,
 * the STATUSTEXTs, HEARTBEAT mode and armed state, and the position (GLOBAL_POSITION_INT) and landed state
 * (EXTENDED_SYS_STATE) stamped with the autopilot's own boot time, so that rates are measured in the autopilot's time
 * whatever the speed-up.
 *
 * <p>Threading: the listeners run on the link's callback executor; the script reads from its own thread.
 */
final class Exchange {

    /** One GLOBAL_POSITION_INT: autopilot time, relative altitude, horizontal and vertical speed. */
    record Position(long bootMs, double latDeg, double lonDeg, double altRelM, double groundSpeedMps,
            double climbMps) {
    }

    /** One EXTENDED_SYS_STATE landed state, with the autopilot time of the latest position. */
    record Landed(long bootMs, int state) {
    }

    private final MavlinkLink link;
    private final LinkedBlockingQueue<CommandAck> acks = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Position> positions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Landed> landed = new ConcurrentLinkedQueue<>();
    private volatile long customMode = -1;
    private volatile boolean armed;
    private volatile int ekfFlags;
    private volatile long bootMs;
    private volatile long disarmedAtBootMs = -1;

    Exchange(MavlinkLink link) {
        this.link = link;
        link.subscribe(CommandAck.class, (m, f) -> acks.add(m));
        link.subscribe(Statustext.class, (m, f) -> texts.add(m.text()));
        link.subscribe(Heartbeat.class, (m, f) -> {
            if (f.sysId() == 1 && f.compId() == 1) {
                customMode = m.customMode();
                boolean a = (m.baseMode().value() & 128) != 0;
                if (armed && !a) {
                    disarmedAtBootMs = bootMs;
                }
                armed = a;
            }
        });
        link.subscribe(EkfStatusReport.class, (m, f) -> ekfFlags = m.flags().value());
        link.subscribe(GlobalPositionInt.class, (m, f) -> {
            bootMs = m.timeBootMs();
            positions.add(new Position(m.timeBootMs(), m.lat() / 1e7, m.lon() / 1e7, m.relativeAlt() / 1000.0,
                    Math.hypot(m.vx(), m.vy()) / 100.0, -m.vz() / 100.0));
        });
        link.subscribe(ExtendedSysState.class, (m, f) -> landed.add(new Landed(bootMs, m.landedState().value())));
    }

    /** Asks for GLOBAL_POSITION_INT, EXTENDED_SYS_STATE and EKF_STATUS_REPORT at 10 Hz (answers not kept). */
    void streamTelemetry() throws InterruptedException {
        for (int id : new int[] {33, 245, 193}) {
            commandLong(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, id, 100_000, 0, 0, 0, 0, 0);
        }
    }

    /**
     * Sends a COMMAND_LONG to system 1 component 1 and waits up to 3 s for its COMMAND_ACK.
     *
     * @return the MAV_RESULT's name without its prefix ("ACCEPTED", "FAILED" ...), or "no ACK"
     */
    String commandLong(MavCmd cmd, float p1, float p2, float p3, float p4, float p5, float p6, float p7)
            throws InterruptedException {
        acks.clear();
        link.send(CommandLong.builder().targetSystem(1).targetComponent(1).command(cmd).param1(p1).param2(p2)
                .param3(p3).param4(p4).param5(p5).param6(p6).param7(p7).build());
        return awaitAck(EnumValue.of(cmd).value());
    }

    /** As {@link #commandLong}, for COMMAND_INT with a position in degE7 and an altitude in {@code frame}. */
    String commandInt(MavCmd cmd, MavFrame frame, float p1, float p2, int latE7, int lonE7, float z)
            throws InterruptedException {
        acks.clear();
        link.send(CommandInt.builder().targetSystem(1).targetComponent(1).command(cmd).frame(frame).param1(p1)
                .param2(p2).param3(0).param4(Float.NaN).x(latE7).y(lonE7).z(z).build());
        return awaitAck(EnumValue.of(cmd).value());
    }

    /** Sends any message. */
    void send(Object message) {
        link.send(message);
    }

    private String awaitAck(int command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (true) {
            long left = deadline - System.nanoTime();
            CommandAck a = left > 0 ? acks.poll(left, TimeUnit.NANOSECONDS) : null;
            if (a == null) {
                return "no ACK";
            }
            if (a.command().value() == command) {
                return a.result().entry() == null ? "result " + a.result().value()
                        : a.result().entry().name().replace("MAV_RESULT_", "");
            }
        }
    }

    /**
     * Waits for a condition, polling every 10 ms.
     *
     * @return whether it held before the wall-clock time-out
     */
    static boolean await(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** @return every STATUSTEXT so far, in order; {@link #clearTexts()} forgets them */
    List<String> texts() {
        return new ArrayList<>(texts);
    }

    void clearTexts() {
        texts.clear();
    }

    /** @return the positions so far, in order */
    List<Position> positions() {
        return new ArrayList<>(positions);
    }

    /** @return the landed states so far, in order */
    List<Landed> landedStates() {
        return new ArrayList<>(landed);
    }

    /** @return the latest position, or null */
    Position position() {
        Position last = null;
        for (Position p : positions) {
            last = p;
        }
        return last;
    }

    long customMode() {
        return customMode;
    }

    boolean armed() {
        return armed;
    }

    /** @return the latest EKF_STATUS_REPORT flags */
    int ekfFlags() {
        return ekfFlags;
    }

    /** @return the autopilot time of the latest position, ms */
    long bootMs() {
        return bootMs;
    }

    /** @return the autopilot time at which the HEARTBEAT first said disarmed after armed, ms (-1: not yet) */
    long disarmedAtBootMs() {
        return disarmedAtBootMs;
    }
}

package org.vigie.sitl;

import io.dronefleet.mavlink.ardupilotmega.Simstate;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.Statustext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.RealtimeScheduler;

/**
 * A second program on SITL's SERIAL1 that records the ground truth of a flight: SIMSTATE (message 164, the physics'
 * true position, not the EKF's belief) at 10 Hz, the relative altitude from GLOBAL_POSITION_INT (SIMSTATE has none),
 * HEARTBEAT modes and armed state, and every STATUSTEXT.
 *
 * <p>It asks for SIMSTATE and GLOBAL_POSITION_INT with SET_MESSAGE_INTERVAL every second until they arrive
 * (ArduPilot streams per serial port).
 * Threading: the link runs on its own real-time event thread at the SITL speed-up; the recorded samples are read from
 * any thread (lock-free queues).
 */
public final class SitlObserver implements AutoCloseable {

    /**
     * One true position.
     *
     * @param wallNanos       {@link System#nanoTime()} when it arrived
     * @param latDeg          latitude, degrees
     * @param lonDeg          longitude, degrees
     * @param altitudeRelM    height above home from the latest GLOBAL_POSITION_INT, metres (NaN before the first)
     */
    public record TruthSample(long wallNanos, double latDeg, double lonDeg, double altitudeRelM) {
    }

    private final RealtimeScheduler scheduler;
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sitl-observer-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final MavlinkLink link;
    private final ConcurrentLinkedQueue<TruthSample> truth = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> modes = new ConcurrentLinkedQueue<>();
    private volatile double altitudeRelM = Double.NaN;
    private volatile boolean armed;
    private volatile long customMode = -1;
    private final Cancellable asker;

    private SitlObserver(SitlProcess sitl) throws IOException {
        scheduler = new RealtimeScheduler("sitl-observer-" + sitl.instance(), sitl.speedUp(), Clock.systemUTC());
        link = MavlinkLink.open(LinkConfig.of(250).withComponentId(190), scheduler, callbacks,
                sitl.observerConnection());
        link.subscribe(Simstate.class, (m, f) -> truth.add(new TruthSample(System.nanoTime(), m.lat() / 1e7,
                m.lng() / 1e7, altitudeRelM)));
        link.subscribe(GlobalPositionInt.class, (m, f) -> altitudeRelM = m.relativeAlt() / 1000.0);
        link.subscribe(Statustext.class, (m, f) -> texts.add(m.text()));
        link.subscribe(Heartbeat.class, (m, f) -> {
            if (f.sysId() == 1 && f.compId() == 1) {
                armed = (m.baseMode().value() & 128) != 0;
                if (m.customMode() != customMode) {
                    customMode = m.customMode();
                    modes.add(customMode);
                }
            }
        });
        asker = scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(1), () -> {
            if (truth.isEmpty()) {
                link.send(CommandLong.builder().targetSystem(1).targetComponent(1)
                        .command(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL).param1(164).param2(100_000).build());
            }
            if (Double.isNaN(altitudeRelM)) {
                link.send(CommandLong.builder().targetSystem(1).targetComponent(1)
                        .command(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL).param1(33).param2(100_000).build());
            }
        });
    }

    /**
     * Connects to SERIAL1 of a running SITL (after the companion has connected to SERIAL0, which SITL waits for).
     *
     * @param sitl the process
     * @return the observer
     * @throws IOException if the transport cannot be opened
     */
    public static SitlObserver attach(SitlProcess sitl) throws IOException {
        return new SitlObserver(sitl);
    }

    /** @return the true positions recorded so far, in order */
    public List<TruthSample> truth() {
        return new ArrayList<>(truth);
    }

    /** @return every STATUSTEXT so far, in order */
    public List<String> statusTexts() {
        return new ArrayList<>(texts);
    }

    /** @return the ArduCopter custom modes seen, in order of change (4 GUIDED, 6 RTL, 9 LAND, ...) */
    public List<Long> modes() {
        return new ArrayList<>(modes);
    }

    /** @return whether the latest HEARTBEAT said armed */
    public boolean armed() {
        return armed;
    }

    /**
     * Sets a parameter on the autopilot (PARAM_SET, not confirmed: the caller watches the effect).
     *
     * @param name  the parameter's name
     * @param value its value
     */
    public void setParam(String name, float value) {
        link.send(io.dronefleet.mavlink.common.ParamSet.builder().targetSystem(1).targetComponent(1).paramId(name)
                .paramValue(value).paramType(io.dronefleet.mavlink.common.MavParamType.MAV_PARAM_TYPE_REAL32)
                .build());
    }

    @Override
    public void close() {
        asker.cancel();
        link.close();
        scheduler.close();
        callbacks.shutdown();
    }
}

package org.vigie.sitl;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.Transports;
import org.vigie.link.transport.UdpInTransport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * An autopilot a conformance script runs against, with a companion-side link to it: the real ArduCopter SITL (over
 * TCP, SERIAL0) or Vigie's simulated ArduCopter (over UDP loopback), each on a real-time clock, so that the same script
 * judges both.
 *
 * <p>Threading: the link has its own event thread and a separate callback executor, as production has.
 */
public final class AutopilotUnderTest implements AutoCloseable {

    private final String name;
    private final RealtimeScheduler scheduler;
    private final ExecutorService callbacks;
    private final MavlinkLink link;
    private final AutoCloseable autopilot;
    private final @Nullable RealtimeScheduler autopilotScheduler;

    private AutopilotUnderTest(String name, RealtimeScheduler scheduler, ExecutorService callbacks, MavlinkLink link,
            AutoCloseable autopilot, @Nullable RealtimeScheduler autopilotScheduler) {
        this.name = name;
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.link = link;
        this.autopilot = autopilot;
        this.autopilotScheduler = autopilotScheduler;
    }

    /**
     * Starts a real ArduCopter SITL and connects to it; waits for its first HEARTBEAT.
     *
     * @param installation where SITL is
     * @param latDeg       home latitude, degrees
     * @param lonDeg       home longitude, degrees
     * @param speedUp      SITL speed-up
     * @param companionSpeedUp the companion clock's rate: the SITL speed-up for flights; 1 for protocol exchanges
     *                     whose time-outs should not shrink with the speed-up
     * @return the connected autopilot
     * @throws Exception if SITL cannot start or is not heard within 30 s
     */
    public static AutopilotUnderTest sitl(SitlInstallation installation, double latDeg, double lonDeg, double speedUp,
            double companionSpeedUp) throws Exception {
        SitlProcess sitl = SitlProcess.start(installation, latDeg, lonDeg, 35, speedUp, Duration.ofSeconds(30));
        try {
            RealtimeScheduler s = new RealtimeScheduler("companion-sitl-" + sitl.instance(), companionSpeedUp,
                    Clock.systemUTC());
            ExecutorService cb = callbackExecutor("sitl-" + sitl.instance());
            MavlinkLink link = MavlinkLink.open(LinkConfig.of(245), s, cb, sitl.companionConnection());
            AutopilotUnderTest a = new AutopilotUnderTest("ArduCopter SITL #" + sitl.instance(), s, cb, link, sitl,
                    null);
            a.awaitHeartbeat(sitl);
            return a;
        } catch (Exception e) {
            sitl.close();
            throw e;
        }
    }

    /**
     * Starts Vigie's simulated ArduCopter on a UDP loopback port and connects to it.
     *
     * @param latDeg  home latitude, degrees
     * @param lonDeg  home longitude, degrees
     * @param speedUp the simulator's clock rate
     * @param companionSpeedUp the companion clock's rate
     * @return the connected autopilot
     * @throws Exception if the sockets cannot be opened or the simulator is not heard within 30 s
     */
    public static AutopilotUnderTest simulator(double latDeg, double lonDeg, double speedUp, double companionSpeedUp)
            throws Exception {
        return simulator(SimConfig.builder().fastBoot().home(latDeg, lonDeg, 35).build(), speedUp, companionSpeedUp);
    }

    /**
     * Starts Vigie's simulated ArduCopter with a given configuration (e.g. the recorded boot timeline, whose EKF is
     * ready only after about 41 s, as SITL's) on a UDP loopback port and connects to it.
     *
     * @param config  the simulator's configuration
     * @param speedUp the simulator's clock rate
     * @param companionSpeedUp the companion clock's rate
     * @return the connected autopilot
     * @throws Exception if the sockets cannot be opened or the simulator is not heard within 30 s
     */
    public static AutopilotUnderTest simulator(SimConfig config, double speedUp, double companionSpeedUp)
            throws Exception {
        RealtimeScheduler air = new RealtimeScheduler("sim-conformance", speedUp, Clock.systemUTC());
        UdpInTransport simSide = (UdpInTransport) Transports.open("udpin://127.0.0.1:0");
        SimVehicle sim = new SimVehicle(config, air, simSide).start();
        RealtimeScheduler s = new RealtimeScheduler("companion-sim", companionSpeedUp, Clock.systemUTC());
        ExecutorService cb = callbackExecutor("sim");
        MavlinkLink link = MavlinkLink.open(LinkConfig.of(245), s, cb,
                "udpout://127.0.0.1:" + simSide.localAddress().getPort());
        AutopilotUnderTest a = new AutopilotUnderTest("Vigie simulator", s, cb, link, sim, air);
        a.awaitHeartbeat(null);
        return a;
    }

    private void awaitHeartbeat(@Nullable SitlProcess sitl) throws Exception {
        try {
            link.awaitVehicle().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(name + " sent no HEARTBEAT within 30 s"
                    + (sitl == null ? "" : ":\n" + sitl.consoleTail(20)), e);
        }
    }

    private static ExecutorService callbackExecutor(String tag) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "callbacks-" + tag);
            t.setDaemon(true);
            return t;
        });
    }

    /** @return e.g. "ArduCopter SITL #11" or "Vigie simulator" */
    public String name() {
        return name;
    }

    /** @return the companion-side link (system 245) */
    public MavlinkLink link() {
        return link;
    }

    /** @return the SITL process, or null for the simulator */
    public @Nullable SitlProcess sitlProcess() {
        return autopilot instanceof SitlProcess p ? p : null;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public void close() throws Exception {
        link.close();
        scheduler.close();
        callbacks.shutdown();
        autopilot.close();
        if (autopilotScheduler != null) {
            autopilotScheduler.close();
        }
    }
}

package org.vigie.sim;

import io.dronefleet.mavlink.common.MissionItemReached;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AUTO: executes the stored mission as ArduCopter (or PX4) does. Navigation commands are flown one at a time
 * (TAKEOFF, WAYPOINT with hold time and acceptance radius, LOITER_UNLIM/TURNS/TIME, RETURN_TO_LAUNCH, LAND); DO
 * commands between them run on the way (ROI, speed, fence enable, condition yaw, DO_JUMP with repeat counts);
 * MISSION_ITEM_REACHED, MISSION_CURRENT and the "Mission: n ..." / "Reached command #n" STATUSTEXT follow
 * ArduPilot's (or PX4's) rules. MISSION_SET_CURRENT restarts from an item.
 *
 * <p>Threading: event thread only.
 */
final class AutoController {

    private final SimConfig config;
    private final SimState state;
    private final FlightModel flight;
    private final SimParams params;
    private final GeoNe geo;
    private final MissionServer missions;
    private final Outbox out;
    private final Arming arming;
    private final GuidedController guided;
    private final RtlController rtl;
    private final Pointing pointing;
    private final double dtS;

    private int navIndex;
    private boolean missionStarted;
    private boolean missionComplete;
    private boolean navReached;
    private long navHoldUntilNs;
    private double loiterAngleRad;
    private double loiterSweptRad;
    private final Map<Integer, Integer> jumpsDone = new HashMap<>();

    AutoController(SimConfig config, SimState state, FlightModel flight, SimParams params, GeoNe geo,
                   MissionServer missions, Outbox out, Arming arming, GuidedController guided, RtlController rtl,
                   Pointing pointing) {
        this.config = config;
        this.state = state;
        this.flight = flight;
        this.params = params;
        this.geo = geo;
        this.missions = missions;
        this.out = out;
        this.arming = arming;
        this.guided = guided;
        this.rtl = rtl;
        this.pointing = pointing;
        this.dtS = config.physicsStep().toNanos() / 1e9;
    }

    private static boolean isNav(int cmd) {
        return cmd < 80 || (cmd >= 80 && cmd <= 95);
    }

    /** @return the navigation item being flown, or null */
    @Nullable SimMissionItem navItem() {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        return navIndex > 0 || config.flavour() == Flavour.PX4 ? (navIndex < items.size() ? items.get(navIndex)
                : null) : null;
    }

    private int firstIndex() {
        return config.flavour() == Flavour.ARDUCOPTER ? 1 : 0;
    }

    /** @return whether the mission's first navigation command is a take-off */
    boolean startsWithTakeoff() {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        int first = config.flavour() == Flavour.ARDUCOPTER ? 1 : 0;
        for (int i = first; i < items.size(); i++) {
            if (isNav(items.get(i).command())) {
                return items.get(i).command() == 22;
            }
        }
        return false;
    }

    /** @return whether the mission has run to its end */
    boolean missionComplete() {
        return missionComplete;
    }

    /** Forgets the progress (at boot and when a new mission is stored). */
    void resetMission() {
        missionStarted = false;
        missionComplete = false;
        navIndex = 0;
    }

    /** Entering AUTO: starts the mission from its first item, or resumes the current one. */
    void start() {
        state.takeoffActive = false;
        if (!missionStarted || missionComplete) {
            missionStarted = true;
            missionComplete = false;
            jumpsDone.clear();
            navIndex = firstIndex() - 1;
            advanceMission(false);
        } else {
            startNav(Objects.requireNonNull(navItem(), "a started, unfinished mission has a current item"));
        }
        if (state.armed && !flight.onGround) {
            state.autoArmed = true;
        }
        if (config.flavour() == Flavour.PX4 && state.armed) {
            state.autoArmed = true;
            beginTakeoffIfNeeded();
        }
    }

    /** Starts the take-off if the current item is NAV_TAKEOFF and the vehicle sits on the ground. */
    void beginTakeoffIfNeeded() {
        SimMissionItem it = navItem();
        if (it != null && it.command() == 22 && flight.onGround && !state.takeoffActive) {
            guided.startTakeoff(Math.max(1, state.altRelFromFrame(it.frame(), it.z())));
        }
    }

    /** MISSION_SET_CURRENT: continues from that item (out of range: ignored). */
    void onMissionSetCurrent(int seq) {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        if (seq < firstIndex() || seq >= items.size()) {
            return;
        }
        navIndex = seq - 1;
        missionComplete = false;
        missionStarted = true;
        advanceMission(false);
        out.sendPayload(-1, 42, missionCurrentPayload());
    }

    /**
     * Completes the current navigation command and moves to the next one, executing DO commands on the way. Sends
     * one MISSION_ITEM_REACHED for the last completed item (ArduPilot's single deferred slot).
     */
    private void advanceMission(boolean navCompleted) {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        int lastReached = navCompleted ? navIndex : -1;
        int completedNav = navIndex;
        boolean px4 = config.flavour() == Flavour.PX4;
        int guard = 0;
        int i = navIndex + 1;
        while (true) {
            if (guard++ > 1000 || i >= items.size()) {
                finishMission();
                break;
            }
            SimMissionItem it = items.get(i);
            if (isNav(it.command())) {
                navIndex = i;
                startNav(it);
                break;
            }
            if (it.command() == 177) { // DO_JUMP
                int target = Math.round(it.param1());
                int repeat = Math.round(it.param2());
                int done = jumpsDone.getOrDefault(i, 0);
                if (repeat < 0 || done < repeat) {
                    jumpsDone.put(i, done + 1);
                    if (!px4) {
                        out.statustext(6, "Mission: " + i + " Jump");
                    }
                    i = target;
                    continue;
                }
                i++;
                continue;
            }
            if (!px4) {
                out.statustext(6, "Mission: " + i + " " + commandName(it.command()));
            }
            executeDo(it);
            lastReached = i;
            if (px4) {
                out.send(MissionItemReached.builder().seq(i).build());
            }
            i++;
        }
        if (navCompleted && px4) {
            out.send(MissionItemReached.builder().seq(completedNav).build());
        }
        if (lastReached >= 0 && !px4) {
            out.send(MissionItemReached.builder().seq(lastReached).build());
        }
        out.sendPayload(-1, 42, missionCurrentPayload());
    }

    private void finishMission() {
        missionComplete = true;
        navIndex = 0;
        if (state.armed && flight.onGround) {
            arming.disarm();
        } else if (state.armed) {
            flight.brake();
        }
    }

    private void startNav(SimMissionItem it) {
        if (it == null) {
            return;
        }
        navReached = false;
        navHoldUntilNs = 0;
        loiterSweptRad = 0;
        if (config.flavour() == Flavour.ARDUCOPTER) {
            out.statustext(6, "Mission: " + it.seq() + " " + commandName(it.command()));
        }
        if (!state.armed || !state.autoArmed) {
            return;
        }
        startNavFlying(it);
    }

    private void startNavFlying(SimMissionItem it) {
        switch (it.command()) {
            case 22 -> {
                double alt = state.altRelFromFrame(it.frame(), it.z());
                if (flight.onGround) {
                    guided.startTakeoff(Math.max(1, alt));
                } else {
                    flight.flyTo(flight.northM, flight.eastM, Math.max(alt, flight.altM), state.wpSpeed(flight));
                }
            }
            case 20 -> rtl.start();
            case 21 -> {
                if (it.x() != 0 || it.y() != 0) {
                    flight.flyTo(geo.northM(it.x()), geo.eastM(it.y()), flight.altM, state.wpSpeed(flight));
                } else {
                    flight.land();
                }
            }
            default -> {
                double[] p = itemPosition(it);
                flight.flyTo(p[0], p[1], p[2], state.wpSpeed(flight));
            }
        }
    }

    private double[] itemPosition(SimMissionItem it) {
        double n = it.x() == 0 && it.y() == 0 ? flight.northM : geo.northM(it.x());
        double e = it.x() == 0 && it.y() == 0 ? flight.eastM : geo.eastM(it.y());
        double alt = it.z() == 0 && it.frame() != 0 ? flight.altM : state.altRelFromFrame(it.frame(), it.z());
        return new double[] {n, e, alt};
    }

    private void executeDo(SimMissionItem it) {
        switch (it.command()) {
            case 195 -> pointing.setRoi(it.x(), it.y(), it.z(), it.frame());
            case 201 -> {
                if (Math.round(it.param1()) == 3) {
                    pointing.setRoi(it.x(), it.y(), it.z(), it.frame());
                } else {
                    pointing.clearRoi();
                }
            }
            case 197 -> pointing.clearRoiAndGimbal();
            case 178 -> {
                if (it.param2() > 0) {
                    state.speedOverrideMps = it.param2();
                }
            }
            case 207 -> state.fenceEnabled = Math.round(it.param1()) == 1;
            case 115 -> pointing.fixYaw(it.param1());
            default -> { }
        }
    }

    /** One step in AUTO while armed. */
    void run(long now) {
        if (!missionStarted || missionComplete || !state.armed || !state.autoArmed) {
            return;
        }
        SimMissionItem it = navItem();
        if (it == null) {
            return;
        }
        if (flight.target == FlightModel.Target.IDLE && !flight.onGround && !state.takeoffActive) {
            startNavFlying(it);
        }
        switch (it.command()) {
            case 22 -> {
                if (!state.takeoffActive && !flight.onGround
                        && flight.altM >= state.altRelFromFrame(it.frame(), it.z()) - 0.3) {
                    completeNav();
                }
            }
            case 16 -> {
                double r = it.param2() > 0 ? it.param2() : params.value("WPNAV_RADIUS") / 100.0;
                double[] p = itemPosition(it);
                if (!navReached) {
                    flight.flyTo(p[0], p[1], p[2], state.wpSpeed(flight));
                    double d = GeoNe.hypot(p[0] - flight.northM, p[1] - flight.eastM);
                    if (d <= Math.max(0.5, r) && Math.abs(p[2] - flight.altM) < 1.0) {
                        navReached = true;
                        out.statustext(6, "Reached command #" + it.seq());
                        navHoldUntilNs = now + (long) (it.param1() * 1e9);
                    }
                }
                if (navReached && now >= navHoldUntilNs) {
                    completeNav();
                }
            }
            case 19 -> {
                double[] p = itemPosition(it);
                if (!navReached) {
                    flight.flyTo(p[0], p[1], p[2], state.wpSpeed(flight));
                    if (flight.distanceToTargetM() < 1.0 && Math.abs(p[2] - flight.altM) < 1.0) {
                        navReached = true;
                        navHoldUntilNs = now + (long) (it.param1() * 1e9);
                    }
                } else if (now >= navHoldUntilNs) {
                    out.statustext(6, "Reached command #" + it.seq());
                    completeNav();
                }
            }
            case 18 -> runLoiterTurns(it);
            case 20 -> rtl.run(now);
            case 21 -> {
                if (flight.target == FlightModel.Target.POSITION && flight.distanceToTargetM() < 1.0) {
                    flight.land();
                }
            }
            case 17 -> flight.flyTo(itemPosition(it)[0], itemPosition(it)[1], itemPosition(it)[2],
                    state.wpSpeed(flight));
            default -> completeNav();
        }
    }

    private void runLoiterTurns(SimMissionItem it) {
        double[] c = itemPosition(it);
        double radius = Math.max(1, Math.abs(it.param3()));
        double dir = it.param3() < 0 ? -1 : 1;
        double turns = Math.max(0, it.param1());
        if (!navReached) {
            double startN = c[0] + radius * Math.cos(loiterAngleRad);
            double startE = c[1] + radius * Math.sin(loiterAngleRad);
            if (loiterSweptRad == 0 && flight.distanceToTargetM() > 1.0) {
                loiterAngleRad = Math.atan2(flight.eastM - c[1], flight.northM - c[0]);
                startN = c[0] + radius * Math.cos(loiterAngleRad);
                startE = c[1] + radius * Math.sin(loiterAngleRad);
                flight.flyTo(startN, startE, c[2], state.wpSpeed(flight));
                if (GeoNe.hypot(startN - flight.northM, startE - flight.eastM) < 1.0) {
                    navReached = true;
                }
                return;
            }
            navReached = true;
        }
        double speed = Math.min(state.wpSpeed(flight), 5.0);
        double omega = Math.min(Math.toRadians(20), speed / radius);
        double step = omega * dtS;
        loiterAngleRad += dir * step;
        loiterSweptRad += step;
        flight.flyTo(c[0] + radius * Math.cos(loiterAngleRad), c[1] + radius * Math.sin(loiterAngleRad), c[2],
                speed * 1.5);
        if (loiterSweptRad >= turns * 2 * Math.PI) {
            out.statustext(6, "Reached command #" + it.seq());
            completeNav();
        }
    }

    private void completeNav() {
        advanceMission(true);
    }

    /** @return whether AUTO is landing now (the current item is RTL in its landing phase, or LAND descending) */
    boolean isLanding() {
        if (missionStarted && !missionComplete) {
            SimMissionItem it = navItem();
            return it != null && ((it.command() == 20 && rtl.landing())
                    || (it.command() == 21 && flight.target == FlightModel.Target.LAND));
        }
        return false;
    }

    /** The land detector saw a landing in AUTO: an RTL or LAND item completes and the vehicle disarms. */
    void onLandComplete() {
        if (missionStarted && !missionComplete) {
            SimMissionItem it = navItem();
            if (it != null && (it.command() == 20 || it.command() == 21)) {
                completeNav();
                if (state.armed) {
                    arming.disarm();
                }
            }
        }
    }

    /** @return the MISSION_CURRENT payload now (seq, total, mission state, AUTO or not) */
    byte[] missionCurrentPayload() {
        int count = missions.count(MissionServer.MISSION);
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        int total = ardu ? Math.max(0, count - 1) : count;
        int missionState;
        if (total == 0) {
            missionState = 1;
        } else if (missionComplete) {
            missionState = 5;
        } else if (missionStarted && state.mode == CopterMode.AUTO) {
            missionState = 3;
        } else if (missionStarted) {
            missionState = 4;
        } else {
            missionState = 2;
        }
        int seq = missionComplete ? 0 : navIndex;
        return Payloads.missionCurrent(seq, total, missionState, state.mode == CopterMode.AUTO ? 1 : 0);
    }

    private static String commandName(int cmd) {
        return switch (cmd) {
            case 16 -> "WP";
            case 17 -> "LoitUnlim";
            case 18 -> "LoitTurns";
            case 19 -> "LoitTime";
            case 20 -> "RTL";
            case 21 -> "Land";
            case 22 -> "Takeoff";
            case 93 -> "Delay";
            case 112 -> "CondDelay";
            case 114 -> "CondDist";
            case 115 -> "CondYaw";
            case 177 -> "Jump";
            case 178 -> "ChangeSpeed";
            case 179 -> "SetHome";
            case 195 -> "SetROILocation";
            case 197 -> "SetROINone";
            case 201 -> "ROI";
            case 207 -> "FenceEnable";
            default -> "Cmd" + cmd;
        };
    }
}

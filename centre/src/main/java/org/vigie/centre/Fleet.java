package org.vigie.centre;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.Availability;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.Scheduler;

/**
 * The registered drones and their live state: registration checks (any thread), look-up by system id and district,
 * heartbeats and the silence that makes a drone down (event thread). It decides nothing about incidents.
 */
final class Fleet {

    /**
     * A drone found silent by {@link #silent}.
     *
     * @param drone the drone
     * @param why   a sentence: how long silent and the limit
     */
    record Silent(Drone drone, String why) { }

    private final Scheduler scheduler;
    private final DistrictIndex index;
    private final Map<Integer, DroneRecord> registered = new ConcurrentHashMap<>();
    private final Map<String, Integer> claimedDistricts = new ConcurrentHashMap<>();
    private final Map<Integer, Drone> drones = new LinkedHashMap<>();
    private final Map<String, Drone> byDistrict = new HashMap<>();

    Fleet(Scheduler scheduler, DistrictIndex index) {
        this.scheduler = scheduler;
        this.index = index;
    }

    /** See {@link DispatchCentre#register}: checks at once, adds on the event thread. */
    void register(DroneRecord drone) {
        District d = index.byName(drone.district()).orElseThrow(() -> new IllegalArgumentException("drone "
                + drone.systemId() + ": district '" + drone.district() + "' is not one of the city's "
                + index.districts().size() + " districts"));
        if (!d.geofence().contains(drone.home())) {
            throw new IllegalArgumentException("drone " + drone.systemId() + ": dock " + drone.home().latLonText()
                    + " is outside its district '" + drone.district() + "'");
        }
        if (registered.putIfAbsent(drone.systemId(), drone) != null) {
            throw new IllegalArgumentException("system id " + drone.systemId() + " is already registered");
        }
        Integer other = claimedDistricts.putIfAbsent(drone.district(), drone.systemId());
        if (other != null) {
            registered.remove(drone.systemId());
            throw new IllegalArgumentException("district '" + drone.district() + "' already has drone " + other);
        }
        scheduler.execute(() -> {
            Drone x = new Drone(drone);
            drones.put(drone.systemId(), x);
            byDistrict.put(drone.district(), x);
        });
    }

    @Nullable Drone get(int systemId) {
        return drones.get(systemId);
    }

    @Nullable Drone inDistrict(String district) {
        return byDistrict.get(district);
    }

    /** @return every drone, in registration order */
    Collection<Drone> all() {
        return drones.values();
    }

    /**
     * Notes a heartbeat; a DOWN drone comes back (IN_FLIGHT if it has a flight, else READY).
     *
     * @return the sentence for the record when the drone came back, or null when it was not down
     */
    @Nullable String heard(Drone d, Instant now, long nowMs) {
        d.heard(now, nowMs);
        if (d.availability != Availability.DOWN) {
            return null;
        }
        boolean first = d.note.equals("never heard");
        if (d.flightId != 0) {
            d.availability = Availability.IN_FLIGHT;
            d.note = "heard again during flight " + d.flightId;
        } else {
            d.availability = Availability.READY;
            d.note = "ready";
        }
        return "drone " + d.id() + " heard " + (first ? "for the first time" : "again") + ": district '"
                + d.record.district() + "' covered";
    }

    /**
     * @param nowMs   the monotonic clock, ms
     * @param limitMs the silence timeout, ms
     * @return the drones not down, heard once, and silent for longer than the limit
     */
    List<Silent> silent(long nowMs, long limitMs) {
        List<Silent> out = new ArrayList<>();
        for (Drone d : drones.values()) {
            if (d.availability != Availability.DOWN && d.lastHeardMs != Long.MIN_VALUE
                    && nowMs - d.lastHeardMs > limitMs) {
                out.add(new Silent(d, "silent for " + (nowMs - d.lastHeardMs) / 1000 + " s (limit "
                        + limitMs / 1000 + " s)"));
            }
        }
        return out;
    }
}

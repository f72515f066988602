package org.vigie.centre.alert;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * The emergency buttons the centre knows, by id. Immutable once built and thread-safe.
 */
public final class ButtonRegistry {

    private final Map<String, Button> buttons;

    private ButtonRegistry(Map<String, Button> buttons) {
        this.buttons = Collections.unmodifiableMap(buttons);
    }

    /**
     * A registry of the given buttons.
     *
     * @param list the buttons, ids unique
     * @return the registry
     * @throws IllegalArgumentException if an id repeats
     */
    public static ButtonRegistry of(Collection<Button> list) {
        Map<String, Button> m = new LinkedHashMap<>();
        for (Button b : list) {
            if (m.putIfAbsent(b.id(), b) != null) {
                throw new IllegalArgumentException("button id '" + b.id() + "' appears twice");
            }
        }
        return new ButtonRegistry(m);
    }

    /**
     * Places buttons at random (seeded) in the districts of an index, about the same number per district, each well
     * inside its district (at least {@code insetM} from the boundary as judged by the district's geofence).
     *
     * @param index           the city's districts
     * @param count           how many buttons, 1..1,000,000
     * @param personalShare   share of personal devices, 0..1 (the rest are street posts)
     * @param insetM          minimum distance from the district boundary, metres (0..200)
     * @param seed            the random seed
     * @return the registry; ids are {@code B00001}, {@code B00002}, ...
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static ButtonRegistry seeded(DistrictIndex index, int count, double personalShare, double insetM,
                                        long seed) {
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("count " + count + " is not in 1..1000000");
        }
        if (!(personalShare >= 0 && personalShare <= 1)) {
            throw new IllegalArgumentException("personalShare " + personalShare + " is not in [0, 1]");
        }
        if (!(insetM >= 0 && insetM <= 200)) {
            throw new IllegalArgumentException("insetM " + insetM + " is not in [0, 200] m");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<District> ds = index.districts();
        Map<String, Button> m = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            District d = ds.get(i % ds.size());
            GeoPoint p = inside(d, insetM, rnd);
            ButtonKind kind = rnd.nextDouble() < personalShare ? ButtonKind.PERSONAL_DEVICE : ButtonKind.STREET_POST;
            String id = String.format("B%05d", i + 1);
            m.put(id, new Button(id, p, kind));
        }
        return new ButtonRegistry(m);
    }

    /**
     * A random point of a district at least {@code insetM} inside it.
     *
     * @param d      the district
     * @param insetM distance from the boundary, metres
     * @param rnd    the random source
     * @return the point (the district's home after 10,000 unlucky draws)
     */
    public static GeoPoint inside(District d, double insetM, SplittableRandom rnd) {
        Envelope env = envelope(d.inclusion());
        for (int tries = 0; tries < 10_000; tries++) {
            GeoPoint p = GeoPoint.of(env.getMinY() + rnd.nextDouble() * env.getHeight(),
                    env.getMinX() + rnd.nextDouble() * env.getWidth());
            if (d.geofence().contains(p) && d.geofence().signedDistanceM(p) >= insetM) {
                return p;
            }
        }
        return d.home();
    }

    private static Envelope envelope(GeoPolygon g) {
        Envelope e = new Envelope();
        for (GeoPoint p : g.shell()) {
            e.expandToInclude(p.lonDeg(), p.latDeg());
        }
        return e;
    }

    /** @param id a button id @return the button, or empty when unknown */
    public Optional<Button> find(String id) {
        return Optional.ofNullable(buttons.get(id));
    }

    /** @return every button in id order of registration */
    public Collection<Button> all() {
        return buttons.values();
    }

    /** @return how many buttons */
    public int size() {
        return buttons.size();
    }
}

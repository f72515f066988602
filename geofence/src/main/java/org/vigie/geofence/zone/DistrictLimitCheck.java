package org.vigie.geofence.zone;

import java.util.List;
import java.util.Locale;

/**
 * Checks a district's counts and lengths against its {@link DistrictLimits} before any geometry is built, so a
 * district far beyond them costs no more than counting. Stateless.
 */
final class DistrictLimitCheck {

    private DistrictLimitCheck() {
    }

    /**
     * @throws InvalidDistrictException when the district's name is longer than the limit
     */
    static void checkName(String name, DistrictLimits l) {
        if (name.length() > l.maxNameLength()) {
            throw new InvalidDistrictException("district '" + shorten(name) + "'", -1, String.format(Locale.ROOT,
                    "name has %,d characters, over the limit of %,d (DistrictLimits.maxNameLength)", name.length(),
                    l.maxNameLength()));
        }
    }

    /**
     * @throws InvalidDistrictException naming the first limit exceeded, the value and the limit
     */
    static void check(String name, GeoPolygon inclusion, List<ExclusionZone> exclusions, List<PrivacyZone> privacy,
            DistrictLimits l) {
        String district = "district '" + shorten(name) + "'";
        int zones = exclusions.size() + privacy.size();
        if (zones > l.maxZones()) {
            throw new InvalidDistrictException(district, -1, String.format(Locale.ROOT, "%,d zones (%,d exclusion,"
                    + " %,d privacy), over the limit of %,d (DistrictLimits.maxZones)", zones, exclusions.size(),
                    privacy.size(), l.maxZones()));
        }
        long total = ring("inclusion", inclusion.shell().size(), l);
        for (int i = 0; i < inclusion.holes().size(); i++) {
            total += ring("inclusion hole " + i, inclusion.holes().get(i).size(), l);
        }
        for (int i = 0; i < exclusions.size(); i++) {
            ExclusionZone z = exclusions.get(i);
            String feature = "exclusion #" + i + " '" + shorten(z.name()) + "'";
            texts(feature, z.name(), z.reason(), l);
            if (z instanceof PolygonExclusion p) {
                total += ring(feature, p.ring().size(), l);
            } else {
                total += DistrictLimits.CIRCLE_VERTICES;
            }
        }
        for (int i = 0; i < privacy.size(); i++) {
            PrivacyZone z = privacy.get(i);
            String feature = "privacy #" + i + " '" + shorten(z.name()) + "'";
            texts(feature, z.name(), "", l);
            total += ring(feature, z.ring().size(), l);
        }
        if (total > l.maxVerticesTotal()) {
            throw new InvalidDistrictException(district, -1, String.format(Locale.ROOT, "%,d vertices in all (a circle"
                    + " counts %d), over the limit of %,d (DistrictLimits.maxVerticesTotal)", total,
                    DistrictLimits.CIRCLE_VERTICES, l.maxVerticesTotal()));
        }
    }

    private static int ring(String feature, int vertices, DistrictLimits l) {
        if (vertices > l.maxVerticesPerRing()) {
            throw new InvalidDistrictException(feature, -1, String.format(Locale.ROOT, "ring has %,d vertices, over"
                    + " the limit of %,d per ring (DistrictLimits.maxVerticesPerRing)", vertices,
                    l.maxVerticesPerRing()));
        }
        return vertices;
    }

    private static void texts(String feature, String name, String reason, DistrictLimits l) {
        if (name.length() > l.maxNameLength()) {
            throw new InvalidDistrictException(feature, -1, String.format(Locale.ROOT, "name has %,d characters,"
                    + " over the limit of %,d (DistrictLimits.maxNameLength)", name.length(), l.maxNameLength()));
        }
        if (reason.length() > l.maxTextLength()) {
            throw new InvalidDistrictException(feature, -1, String.format(Locale.ROOT, "reason has %,d characters,"
                    + " over the limit of %,d (DistrictLimits.maxTextLength)", reason.length(), l.maxTextLength()));
        }
    }

    /** A name cut to 40 characters for a message (a 10 M character name must not make a 10 M character message). */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}

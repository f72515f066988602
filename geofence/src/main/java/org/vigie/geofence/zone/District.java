package org.vigie.geofence.zone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.geodesy.LocalFrame;

/**
 * A district: the area one drone serves. Name, home (launch and landing point), one inclusion polygon (may have
 * holes), exclusion zones, privacy zones, altitude limits relative to home, horizontal and vertical safety margins,
 * transit and on-scene altitudes.
 *
 * <p>Immutable and thread-safe. Built with {@link #builder(String)}, whose {@link Builder#build()} validates every
 * rule and throws {@link InvalidDistrictException} naming the feature and vertex. The compiled form,
 * {@link #geofence()}, is computed once at build time.
 */
public final class District {

    /** Default maximum ceiling above home, metres (the open-category limit in the EU). */
    public static final double DEFAULT_MAX_CEILING_REL_M = 120.0;
    /** Default limit on the district's size, metres across (any direction): {@link DistrictLimits#DEFAULT}'s. */
    public static final double DEFAULT_MAX_EXTENT_M = DistrictLimits.DEFAULT_MAX_EXTENT_M;

    private final String name;
    private final GeoPoint home;
    private final GeoPolygon inclusion;
    private final List<ExclusionZone> exclusions;
    private final List<PrivacyZone> privacyZones;
    private final double floorRelM;
    private final double ceilingRelM;
    private final double horizontalMarginM;
    private final double verticalMarginM;
    private final double transitAltitudeRelM;
    private final double onSceneAltitudeRelM;
    private final DistrictLimits limits;
    private final Geofence geofence;

    private District(Builder b) {
        this.name = b.name;
        this.home = Objects.requireNonNull(b.home, "home is validated by build()").withAltitudeRelM(0.0);
        this.inclusion = Objects.requireNonNull(b.inclusion, "inclusion is validated by build()");
        this.exclusions = List.copyOf(b.exclusions);
        this.privacyZones = List.copyOf(b.privacyZones);
        this.floorRelM = b.floorRelM;
        this.ceilingRelM = b.ceilingRelM;
        this.horizontalMarginM = b.horizontalMarginM;
        this.verticalMarginM = b.verticalMarginM;
        this.transitAltitudeRelM = b.transitAltitudeRelM;
        this.onSceneAltitudeRelM = b.onSceneAltitudeRelM;
        this.limits = b.limits;
        this.geofence = new Geofence(this);
    }

    /**
     * Starts a builder.
     *
     * @param name the district name, not blank
     * @return a new builder with defaults: floor 0 m, ceiling 120 m, margins 10 m horizontal and 5 m vertical,
     *     transit 60 m, on-scene 40 m above home
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder pre-filled with this district's values */
    public Builder toBuilder() {
        Builder b = new Builder(name).home(home).inclusion(inclusion).floorRelM(floorRelM).ceilingRelM(ceilingRelM)
                .horizontalMarginM(horizontalMarginM).verticalMarginM(verticalMarginM)
                .transitAltitudeRelM(transitAltitudeRelM).onSceneAltitudeRelM(onSceneAltitudeRelM)
                .maxCeilingRelM(Math.max(DEFAULT_MAX_CEILING_REL_M, ceilingRelM)).limits(limits);
        exclusions.forEach(b::exclusion);
        privacyZones.forEach(b::privacyZone);
        return b;
    }

    /** @return the district name */
    public String name() {
        return name;
    }

    /** @return the launch and landing point (altitude 0, the datum of every relative altitude) */
    public GeoPoint home() {
        return home;
    }

    /** @return the inclusion polygon */
    public GeoPolygon inclusion() {
        return inclusion;
    }

    /** @return the exclusion zones, in insertion order */
    public List<ExclusionZone> exclusions() {
        return exclusions;
    }

    /** @return the privacy zones, in insertion order */
    public List<PrivacyZone> privacyZones() {
        return privacyZones;
    }

    /** @return lowest allowed altitude above home, metres */
    public double floorRelM() {
        return floorRelM;
    }

    /** @return highest allowed altitude above home, metres */
    public double ceilingRelM() {
        return ceilingRelM;
    }

    /** @return horizontal margin, metres: planned paths keep this far from every fence boundary */
    public double horizontalMarginM() {
        return horizontalMarginM;
    }

    /** @return vertical margin, metres, kept from the floor and the ceiling */
    public double verticalMarginM() {
        return verticalMarginM;
    }

    /** @return cruise altitude above home for transit legs, metres */
    public double transitAltitudeRelM() {
        return transitAltitudeRelM;
    }

    /** @return altitude above home held over a target, metres */
    public double onSceneAltitudeRelM() {
        return onSceneAltitudeRelM;
    }

    /** @return the size limit this district was validated against, metres across */
    public double maxExtentM() {
        return limits.maxExtentM();
    }

    /** @return the limits this district was validated against */
    public DistrictLimits limits() {
        return limits;
    }

    /** @return the compiled fence (computed once, thread-safe) */
    public Geofence geofence() {
        return geofence;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "District['%s', home %s, %d vertices, %d exclusions, %d privacy zones]",
                name, home.latLonText(), inclusion.vertexCount(), exclusions.size(), privacyZones.size());
    }

    /**
     * Builds and validates a {@link District}. Not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final String name;
        private @Nullable GeoPoint home;
        private @Nullable GeoPolygon inclusion;
        private final List<ExclusionZone> exclusions = new ArrayList<>();
        private final List<PrivacyZone> privacyZones = new ArrayList<>();
        private double floorRelM = 0.0;
        private double ceilingRelM = DEFAULT_MAX_CEILING_REL_M;
        private double maxCeilingRelM = DEFAULT_MAX_CEILING_REL_M;
        private double horizontalMarginM = 10.0;
        private double verticalMarginM = 5.0;
        private double transitAltitudeRelM = 60.0;
        private double onSceneAltitudeRelM = 40.0;
        private DistrictLimits limits = DistrictLimits.DEFAULT;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("district name is blank");
            }
            this.name = name;
        }

        /**
         * Sets a value.
         *
         * @param p launch and landing point; its altitude is ignored
         * @return this builder
         */
        public Builder home(GeoPoint p) {
            this.home = p;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param polygon the inclusion polygon
         * @return this builder
         */
        public Builder inclusion(GeoPolygon polygon) {
            this.inclusion = polygon;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param zone an exclusion zone (names must be unique)
         * @return this builder
         */
        public Builder exclusion(ExclusionZone zone) {
            exclusions.add(zone);
            return this;
        }

        /**
         * Sets a value.
         *
         * @param zone a privacy zone (names must be unique)
         * @return this builder
         */
        public Builder privacyZone(PrivacyZone zone) {
            privacyZones.add(zone);
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v lowest altitude above home, metres
         * @return this builder
         */
        public Builder floorRelM(double v) {
            this.floorRelM = v;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v highest altitude above home, metres (at most {@link #maxCeilingRelM(double)})
         * @return this builder
         */
        public Builder ceilingRelM(double v) {
            this.ceilingRelM = v;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v the regulatory ceiling limit, metres above home (default 120)
         * @return this builder
         */
        public Builder maxCeilingRelM(double v) {
            this.maxCeilingRelM = v;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v horizontal margin, metres, &ge; 0
         * @return this builder
         */
        public Builder horizontalMarginM(double v) {
            this.horizontalMarginM = v;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v vertical margin, metres, &ge; 0
         * @return this builder
         */
        public Builder verticalMarginM(double v) {
            this.verticalMarginM = v;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v transit altitude above home, metres
         * @return this builder
         */
        public Builder transitAltitudeRelM(double v) {
            this.transitAltitudeRelM = v;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v on-scene altitude above home, metres
         * @return this builder
         */
        public Builder onSceneAltitudeRelM(double v) {
            this.onSceneAltitudeRelM = v;
            return this;
        }

        /**
         * Sets a value.
         *
         * @param v limit on the district's size across, metres (default {@link DistrictLimits#DEFAULT_MAX_EXTENT_M})
         * @return this builder
         */
        public Builder maxExtentM(double v) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new InvalidDistrictException("district '" + name + "'", -1, "maxExtentM must be > 0 and"
                        + " finite, got " + v);
            }
            this.limits = limits.withMaxExtentM(v);
            return this;
        }

        /**
         * Sets the limits the district is validated against.
         *
         * @param l the limits (default {@link DistrictLimits#DEFAULT})
         * @return this builder
         */
        public Builder limits(DistrictLimits l) {
            this.limits = java.util.Objects.requireNonNull(l, "limits");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the district, with its compiled {@link Geofence}
         * @throws InvalidDistrictException naming the feature and vertex for: missing home or inclusion, rings that
         *     self-intersect or are invalid, vertices far from home (latitude/longitude swapped), a district beyond its
         *     {@link DistrictLimits} (vertices per ring and in all, zones, extent, name and text lengths: the message
         *     names the limit and the value), home outside the inclusion or inside an exclusion zone, duplicate zone
         *     names, and inconsistent altitudes or margins
         */
        public District build() {
            DistrictLimitCheck.checkName(name, limits);
            if (home == null) {
                throw new InvalidDistrictException("district '" + name + "'", -1, "home is not set");
            }
            if (inclusion == null) {
                throw new InvalidDistrictException("district '" + name + "'", -1, "inclusion polygon is not set");
            }
            DistrictLimitCheck.check(name, inclusion, exclusions, privacyZones, limits);
            checkAltitudes();
            LocalFrame frame = new LocalFrame(home);
            checkRingNearHome("inclusion", inclusion.shell());
            for (int i = 0; i < inclusion.holes().size(); i++) {
                checkRingNearHome("inclusion hole " + i, inclusion.holes().get(i));
            }
            Polygon inc = EnuGeometry.polygon(frame, inclusion);
            checkPolygon("inclusion", inclusion, inc);
            Envelope env = inc.getEnvelopeInternal();
            double across = Math.hypot(env.getWidth(), env.getHeight());
            double maxExtentM = limits.maxExtentM();
            if (Math.max(env.getWidth(), env.getHeight()) > maxExtentM) {
                throw new InvalidDistrictException("inclusion", -1, String.format(Locale.ROOT,
                        "district is %.0f m x %.0f m, over the extent limit of %.0f m across"
                                + " (DistrictLimits.maxExtentM)", env.getWidth(), env.getHeight(), maxExtentM));
            }
            if (!inc.covers(inc.getFactory().createPoint(new Coordinate(0, 0)))) {
                throw new InvalidDistrictException("home", -1, "home " + home.latLonText()
                        + " lies outside the inclusion polygon of district '" + name + "'");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < exclusions.size(); i++) {
                ExclusionZone z = exclusions.get(i);
                String feature = "exclusion #" + i + " '" + z.name() + "'";
                if (!names.add(z.name())) {
                    throw new InvalidDistrictException(feature, -1, "duplicate zone name");
                }
                if (z instanceof PolygonExclusion pz) {
                    checkRingNearHome(feature, pz.ring());
                    GeoPolygon gp = GeoPolygon.of(pz.ring());
                    Polygon p = EnuGeometry.polygon(frame, gp);
                    checkPolygon(feature, gp, p);
                    if (p.covers(p.getFactory().createPoint(new Coordinate(0, 0)))) {
                        throw new InvalidDistrictException(feature, -1, "covers home " + home.latLonText());
                    }
                } else if (z instanceof CircleExclusion cz) {
                    double d = Geodesy.distanceM(home, cz.centre());
                    if (d > across + maxExtentM) {
                        throw new InvalidDistrictException(feature, -1, String.format(Locale.ROOT,
                                "centre %s lies %.0f km from home: latitude/longitude swapped?",
                                cz.centre().latLonText(), d / 1000.0));
                    }
                    if (d <= cz.radiusM()) {
                        throw new InvalidDistrictException(feature, -1, String.format(Locale.ROOT,
                                "covers home %s (home is %.1f m from the centre, radius %.1f m)", home.latLonText(), d,
                                cz.radiusM()));
                    }
                }
            }
            for (int i = 0; i < privacyZones.size(); i++) {
                PrivacyZone z = privacyZones.get(i);
                String feature = "privacy #" + i + " '" + z.name() + "'";
                if (!names.add(z.name())) {
                    throw new InvalidDistrictException(feature, -1, "duplicate zone name");
                }
                checkRingNearHome(feature, z.ring());
                GeoPolygon gp = GeoPolygon.of(z.ring());
                checkPolygon(feature, gp, EnuGeometry.polygon(frame, gp));
            }
            return new District(this);
        }

        private void checkAltitudes() {
            String f = "district '" + name + "'";
            for (double v : new double[] {floorRelM, ceilingRelM, maxCeilingRelM, horizontalMarginM, verticalMarginM,
                transitAltitudeRelM, onSceneAltitudeRelM}) {
                if (!Double.isFinite(v)) {
                    throw new InvalidDistrictException(f, -1, "altitudes, margins and limits must be finite, got " + v);
                }
            }
            if (horizontalMarginM < 0 || verticalMarginM < 0) {
                throw new InvalidDistrictException(f, -1, "margins must be >= 0 (horizontal " + horizontalMarginM
                        + " m, vertical " + verticalMarginM + " m)");
            }
            if (ceilingRelM > maxCeilingRelM) {
                throw new InvalidDistrictException(f, -1, "ceiling " + ceilingRelM + " m above home exceeds the "
                        + maxCeilingRelM + " m limit");
            }
            if (floorRelM + 2 * verticalMarginM >= ceilingRelM) {
                throw new InvalidDistrictException(f, -1, "floor " + floorRelM + " m and ceiling " + ceilingRelM
                        + " m leave no room inside the vertical margin of " + verticalMarginM + " m");
            }
            double lo = floorRelM + verticalMarginM;
            double hi = ceilingRelM - verticalMarginM;
            if (transitAltitudeRelM < lo || transitAltitudeRelM > hi) {
                throw new InvalidDistrictException(f, -1, "transit altitude " + transitAltitudeRelM
                        + " m is outside [" + lo + ", " + hi + "] m (floor/ceiling minus the vertical margin)");
            }
            if (onSceneAltitudeRelM < lo || onSceneAltitudeRelM > hi) {
                throw new InvalidDistrictException(f, -1, "on-scene altitude " + onSceneAltitudeRelM
                        + " m is outside [" + lo + ", " + hi + "] m (floor/ceiling minus the vertical margin)");
            }
        }

        private void checkRingNearHome(String feature, List<GeoPoint> ring) {
            GeoPoint home = Objects.requireNonNull(this.home, "home is validated before the rings");
            double limit = 2 * limits.maxExtentM();
            for (int i = 0; i < ring.size(); i++) {
                GeoPoint p = ring.get(i);
                double d = Geodesy.distanceM(home, p);
                if (d > limit) {
                    String hint = "";
                    if (Math.abs(p.lonDeg()) <= 90) {
                        GeoPoint swapped = new GeoPoint(p.lonDeg(), p.latDeg(), 0);
                        if (Geodesy.distanceM(home, swapped) <= limit) {
                            hint = ": latitude/longitude swapped?";
                        }
                    }
                    throw new InvalidDistrictException(feature, i, String.format(Locale.ROOT,
                            "vertex %d (%s) lies %.1f km from home %s%s", i, p.latLonText(), d / 1000.0,
                            home.latLonText(), hint));
                }
            }
        }

        private static void checkPolygon(String feature, GeoPolygon gp, Polygon p) {
            List<List<GeoPoint>> rings = new ArrayList<>();
            rings.add(gp.shell());
            rings.addAll(gp.holes());
            for (int r = 0; r < rings.size(); r++) {
                LinearRing ring = r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1);
                IsSimpleOp op = new IsSimpleOp(ring);
                if (!op.isSimple()) {
                    Coordinate c = op.getNonSimpleLocation();
                    int v = nearestVertex(ring, c);
                    GeoPoint gv = rings.get(r).get(Math.min(v, rings.get(r).size() - 1));
                    throw new InvalidDistrictException(feature, v, (r == 0 ? "ring" : "hole " + (r - 1))
                            + " self-intersects near vertex " + v + " (" + gv.latLonText() + ")");
                }
            }
            IsValidOp valid = new IsValidOp(p);
            if (!valid.isValid()) {
                TopologyValidationError e = valid.getValidationError();
                Coordinate c = e.getCoordinate();
                int v = nearestVertex(p.getExteriorRing(), c);
                throw new InvalidDistrictException(feature, v, "invalid polygon: " + e.getMessage() + " near vertex "
                        + v + " (" + gp.shell().get(Math.min(v, gp.shell().size() - 1)).latLonText() + ")");
            }
        }

        private static int nearestVertex(LinearRing ring, Coordinate c) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            if (c == null) {
                return 0;
            }
            for (int i = 0; i < ring.getNumPoints() - 1; i++) {
                double d = ring.getCoordinateN(i).distance(c);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return best;
        }
    }
}

package org.vigie.mission.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.PolygonExclusion;
import org.vigie.geofence.zone.PrivacyZone;
import org.vigie.mission.TrackPoint;

/**
 * Writes a {@link MapScene} as an RFC 7946 GeoJSON FeatureCollection that is also a Vigie district file: the district
 * (Polygon, {@code role} {@code inclusion} with the district's name, altitudes and margins), home (Point,
 * {@code home}), each exclusion zone ({@code exclusion}: a Polygon, or a Point with {@code radius_m} for a circle;
 * {@code name} and {@code reason}) and privacy zone ({@code privacy}, with its {@code name}), then the flight:
 * targets (Point, {@code target}), planned and flown tracks (LineString, {@code planned} and {@code flown}, with
 * altitude above home as the third coordinate). {@code GeoJsonDistricts.read} and the launcher read it back as the
 * district flown (the flight's features are not district roles and are skipped). Every feature also has a
 * {@code kind} property ({@code district}, {@code home}, {@code exclusion}, {@code privacy}, {@code target},
 * {@code planned}, {@code flown}) and the collection a foreign member {@code "vigie": "flight"} saying what it is.
 * Rings are closed, exteriors counter-clockwise and holes clockwise as RFC 7946 recommends. Stateless, thread-safe.
 */
public final class FlightGeoJson {

    /** The value of the collection's {@code "vigie"} member: a flight, readable as its district. */
    public static final String FORMAT = "flight";

    private FlightGeoJson() {
    }

    /** @param s the scene @return the GeoJSON text */
    public static String write(MapScene s) {
        Json j = new Json().beginObject().key("type").value("FeatureCollection").key("vigie").value(FORMAT)
                .key("features").beginArray();
        District d = s.district();
        if (d != null) {
            district(j, d);
        } else {
            rings(j, s);
        }
        int i = 0;
        for (LatLon t : s.targets()) {
            i++;
            point(j, "target", "target", "target " + i, t);
        }
        for (List<TrackPoint> route : s.planned()) {
            line(j, "planned", route);
        }
        line(j, "flown", s.flown());
        return j.endArray().endObject().toString();
    }

    /** The district exactly, as a district file holds it. */
    private static void district(Json j, District d) {
        j.beginObject().key("type").value("Feature").key("properties").beginObject().key("role").value("inclusion")
                .key("kind").value("district").key("name").value(d.name())
                .key("floor_rel_m").value(d.floorRelM()).key("ceiling_rel_m").value(d.ceilingRelM())
                .key("horizontal_margin_m").value(d.horizontalMarginM())
                .key("vertical_margin_m").value(d.verticalMarginM())
                .key("transit_altitude_rel_m").value(d.transitAltitudeRelM())
                .key("on_scene_altitude_rel_m").value(d.onSceneAltitudeRelM())
                .key("max_extent_m").value(d.maxExtentM()).endObject();
        polygonGeometry(j, d.inclusion());
        j.endObject();
        GeoPoint h = d.home();
        point(j, "home", "home", "home", new LatLon(h.latDeg(), h.lonDeg()));
        for (ExclusionZone z : d.exclusions()) {
            j.beginObject().key("type").value("Feature").key("properties").beginObject().key("role")
                    .value("exclusion").key("kind").value("exclusion").key("name").value(z.name()).key("reason")
                    .value(z.reason());
            if (z instanceof CircleExclusion c) {
                j.key("radius_m").value(c.radiusM()).endObject();
                j.key("geometry").beginObject().key("type").value("Point").key("coordinates").beginArray()
                        .value(c.centre().lonDeg(), 7).value(c.centre().latDeg(), 7).endArray().endObject();
            } else {
                j.endObject();
                polygonGeometry(j, GeoPolygon.of(((PolygonExclusion) z).ring()));
            }
            j.endObject();
        }
        for (PrivacyZone z : d.privacyZones()) {
            j.beginObject().key("type").value("Feature");
            props(j, "privacy", "privacy", z.name());
            polygonGeometry(j, GeoPolygon.of(z.ring()));
            j.endObject();
        }
    }

    /** A scene without its district: the rings as polygons, with the same roles. */
    private static void rings(Json j, MapScene s) {
        polygon(j, "inclusion", "district", s.districtName(), s.inclusion());
        point(j, "home", "home", "home", s.home());
        for (int i = 0; i < s.exclusions().size(); i++) {
            polygon(j, "exclusion", "exclusion", s.exclusionNames().get(i), s.exclusions().get(i));
        }
        for (int i = 0; i < s.privacy().size(); i++) {
            polygon(j, "privacy", "privacy", s.privacyNames().get(i), s.privacy().get(i));
        }
    }

    private static void props(Json j, String role, String kind, String name) {
        j.key("properties").beginObject().key("role").value(role).key("kind").value(kind).key("name").value(name)
                .endObject();
    }

    private static void polygonGeometry(Json j, GeoPolygon p) {
        j.key("geometry").beginObject().key("type").value("Polygon").key("coordinates").beginArray();
        ring(j, latLon(p.shell()), true);
        for (List<GeoPoint> hole : p.holes()) {
            ring(j, latLon(hole), false);
        }
        j.endArray().endObject();
    }

    private static List<LatLon> latLon(List<GeoPoint> pts) {
        List<LatLon> out = new ArrayList<>(pts.size());
        for (GeoPoint p : pts) {
            out.add(new LatLon(p.latDeg(), p.lonDeg()));
        }
        return out;
    }

    private static void polygon(Json j, String role, String kind, String name, List<LatLon> ring) {
        if (ring.size() < 3) {
            return;
        }
        j.beginObject().key("type").value("Feature");
        props(j, role, kind, name);
        j.key("geometry").beginObject().key("type").value("Polygon").key("coordinates").beginArray();
        ring(j, ring, true);
        j.endArray().endObject().endObject();
    }

    /** One closed ring: counter-clockwise for an exterior, clockwise for a hole. */
    private static void ring(Json j, List<LatLon> ring, boolean exterior) {
        List<LatLon> r = new ArrayList<>(ring);
        if ((SvgMap.signedArea(r) < 0) == exterior) {
            Collections.reverse(r);
        }
        j.beginArray();
        for (LatLon p : r) {
            j.beginArray().value(p.lonDeg(), 7).value(p.latDeg(), 7).endArray();
        }
        LatLon first = r.get(0);
        LatLon last = r.get(r.size() - 1);
        if (!first.equals(last)) {
            j.beginArray().value(first.lonDeg(), 7).value(first.latDeg(), 7).endArray();
        }
        j.endArray();
    }

    private static void point(Json j, String role, String kind, String name, LatLon p) {
        j.beginObject().key("type").value("Feature");
        props(j, role, kind, name);
        j.key("geometry").beginObject().key("type").value("Point").key("coordinates").beginArray()
                .value(p.lonDeg(), 7).value(p.latDeg(), 7).endArray().endObject().endObject();
    }

    private static void line(Json j, String kind, List<TrackPoint> track) {
        if (track.size() < 2) {
            return;
        }
        j.beginObject().key("type").value("Feature");
        props(j, kind, kind, kind + " track");
        j.key("geometry").beginObject().key("type").value("LineString").key("coordinates").beginArray();
        for (TrackPoint p : track) {
            j.beginArray().value(p.lonDeg(), 7).value(p.latDeg(), 7).value(p.altitudeRelM(), 1).endArray();
        }
        j.endArray().endObject().endObject();
    }
}

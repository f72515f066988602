package org.vigie.mission.output;

import java.util.List;
import org.vigie.mission.TrackPoint;

/**
 * Writes a {@link MapScene} as an RFC 7946 GeoJSON FeatureCollection: the district (Polygon), each exclusion and
 * privacy zone (Polygon), home and targets (Point), planned and flown tracks (LineString, with altitude above home as
 * the third coordinate). Every feature has a {@code kind} property. Rings are closed and counter-clockwise as RFC 7946
 * recommends. Stateless, thread-safe.
 */
public final class FlightGeoJson {

    private FlightGeoJson() {
    }

    /** @param s the scene @return the GeoJSON text */
    public static String write(MapScene s) {
        Json j = new Json().beginObject().key("type").value("FeatureCollection").key("features").beginArray();
        polygon(j, "district", s.districtName(), s.inclusion());
        int i = 0;
        for (List<LatLon> ring : s.exclusions()) {
            i++;
            polygon(j, "exclusion", "exclusion " + i, ring);
        }
        i = 0;
        for (List<LatLon> ring : s.privacy()) {
            i++;
            polygon(j, "privacy", "privacy " + i, ring);
        }
        point(j, "home", "home", s.home());
        i = 0;
        for (LatLon t : s.targets()) {
            i++;
            point(j, "target", "target " + i, t);
        }
        for (List<TrackPoint> route : s.planned()) {
            line(j, "planned", route);
        }
        line(j, "flown", s.flown());
        return j.endArray().endObject().toString();
    }

    private static void props(Json j, String kind, String name) {
        j.key("properties").beginObject().key("kind").value(kind).key("name").value(name).endObject();
    }

    private static void polygon(Json j, String kind, String name, List<LatLon> ring) {
        if (ring.size() < 3) {
            return;
        }
        List<LatLon> ccw = SvgMap.signedArea(ring) < 0 ? reversed(ring) : ring;
        j.beginObject().key("type").value("Feature");
        props(j, kind, name);
        j.key("geometry").beginObject().key("type").value("Polygon").key("coordinates").beginArray().beginArray();
        for (LatLon p : ccw) {
            j.beginArray().value(p.lonDeg(), 7).value(p.latDeg(), 7).endArray();
        }
        LatLon first = ccw.get(0);
        LatLon last = ccw.get(ccw.size() - 1);
        if (!first.equals(last)) {
            j.beginArray().value(first.lonDeg(), 7).value(first.latDeg(), 7).endArray();
        }
        j.endArray().endArray().endObject().endObject();
    }

    private static List<LatLon> reversed(List<LatLon> ring) {
        java.util.ArrayList<LatLon> r = new java.util.ArrayList<>(ring);
        java.util.Collections.reverse(r);
        return r;
    }

    private static void point(Json j, String kind, String name, LatLon p) {
        j.beginObject().key("type").value("Feature");
        props(j, kind, name);
        j.key("geometry").beginObject().key("type").value("Point").key("coordinates").beginArray()
                .value(p.lonDeg(), 7).value(p.latDeg(), 7).endArray().endObject().endObject();
    }

    private static void line(Json j, String kind, List<TrackPoint> track) {
        if (track.size() < 2) {
            return;
        }
        j.beginObject().key("type").value("Feature");
        props(j, kind, kind + " track");
        j.key("geometry").beginObject().key("type").value("LineString").key("coordinates").beginArray();
        for (TrackPoint p : track) {
            j.beginArray().value(p.lonDeg(), 7).value(p.latDeg(), 7).value(p.altitudeRelM(), 1).endArray();
        }
        j.endArray().endObject().endObject();
    }
}

package org.vigie.mission.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.vigie.mission.TrackPoint;

/**
 * Draws a {@link MapScene} as a standalone SVG 1.1 document any browser opens: district in light green, exclusion
 * zones hatched red and privacy zones purple, each labelled with its name; the flown track solid orange and wide, the
 * planned route dashed blue on a white casing drawn over it (so both stay visible where they coincide); home and
 * targets as markers, a 100 m scale bar and a legend that says which line is which. Projection: local equirectangular around the district's centre (metres,
 * north up), accurate to well under a pixel at district scale. Stateless, thread-safe.
 */
public final class SvgMap {

    private static final double WIDTH_PX = 900;
    private static final double MARGIN_PX = 40;
    private static final double LEGEND_PX = 140;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private SvgMap() {
    }

    /** @param s the scene @return the SVG text */
    public static String write(MapScene s) {
        List<LatLon> all = new ArrayList<>(s.inclusion());
        s.exclusions().forEach(all::addAll);
        s.privacy().forEach(all::addAll);
        all.add(s.home());
        all.addAll(s.targets());
        s.planned().forEach(r -> r.forEach(p -> all.add(new LatLon(p.latDeg(), p.lonDeg()))));
        s.flown().forEach(p -> all.add(new LatLon(p.latDeg(), p.lonDeg())));
        double minLat = all.stream().mapToDouble(LatLon::latDeg).min().orElse(0);
        double maxLat = all.stream().mapToDouble(LatLon::latDeg).max().orElse(0);
        double minLon = all.stream().mapToDouble(LatLon::lonDeg).min().orElse(0);
        double maxLon = all.stream().mapToDouble(LatLon::lonDeg).max().orElse(0);
        double lat0 = (minLat + maxLat) / 2;
        double lon0 = (minLon + maxLon) / 2;
        double cos = Math.cos(Math.toRadians(lat0));
        double spanE = Math.max(1, Math.toRadians(maxLon - minLon) * cos * EARTH_RADIUS_M);
        double spanN = Math.max(1, Math.toRadians(maxLat - minLat) * EARTH_RADIUS_M);
        double drawW = WIDTH_PX - 2 * MARGIN_PX;
        double scale = Math.min(drawW / spanE, 700 / spanN);
        double mapH = spanN * scale + 2 * MARGIN_PX;
        double height = mapH + LEGEND_PX;
        Projection pr = new Projection(lat0, lon0, cos, scale, WIDTH_PX / 2, mapH / 2);


        StringBuilder sb = new StringBuilder(16384);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
                + " font-family=\"sans-serif\">\n", WIDTH_PX, height, WIDTH_PX, height));
        sb.append("<title>").append(esc("Vigie flight over " + s.districtName())).append("</title>\n");
        sb.append("<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#c62828\""
                + " stroke-width=\"3\"/></pattern></defs>\n");
        sb.append(f("<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\"/>\n", WIDTH_PX, height));
        sb.append(polygon(pr, s.inclusion(), "#e8f5e9", "#2e7d32", 2, "district"));
        for (int i = 0; i < s.exclusions().size(); i++) {
            sb.append(polygon(pr, s.exclusions().get(i), "url(#hatch)", "#c62828", 2,
                    "exclusion zone: " + s.exclusionNames().get(i)));
        }
        for (int i = 0; i < s.privacy().size(); i++) {
            sb.append(polygon(pr, s.privacy().get(i), "#7b1fa2", "#7b1fa2", 1.5,
                    "privacy zone: " + s.privacyNames().get(i)).replace("<polygon ",
                    "<polygon fill-opacity=\"0.25\" "));
        }
        // flown first, the plan over it: a dashed blue line on a white casing stays visible where the two coincide
        sb.append(polyline(pr, s.flown(), "#ef6c00", 5, null, "flown track"));
        for (List<TrackPoint> route : s.planned()) {
            sb.append(polyline(pr, route, "#ffffff", 4, null, "planned route"));
            sb.append(polyline(pr, route, "#1565c0", 2, "8 6", "planned route"));
        }
        for (int i = 0; i < s.exclusions().size(); i++) {
            sb.append(label(pr, s.exclusions().get(i), s.exclusionNames().get(i), "#b71c1c"));
        }
        for (int i = 0; i < s.privacy().size(); i++) {
            sb.append(label(pr, s.privacy().get(i), s.privacyNames().get(i), "#4a148c"));
        }
        double[] h = pr.xy(s.home());
        sb.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"#212121\"><title>home</title>"
                + "</rect>\n", h[0] - 7, h[1] - 7));
        sb.append(f("<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">H</text>\n", h[0] + 10, h[1] - 8));
        int i = 0;
        for (LatLon t : s.targets()) {
            double[] p = pr.xy(t);
            sb.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"none\" stroke=\"#d50000\" stroke-width=\"3\">"
                    + "<title>target %d</title></circle>\n", p[0], p[1], ++i));
            sb.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#d50000\"/>\n", p[0], p[1]));
        }
        double barPx = 100 * scale;
        double by = mapH - 12;
        sb.append(f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"3\"/>\n",
                MARGIN_PX, by, MARGIN_PX + barPx, by));
        sb.append(f("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">100 m</text>\n", MARGIN_PX, by - 6));
        sb.append(f("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">N ↑</text>\n", WIDTH_PX - MARGIN_PX - 20, 24.0));
        double ly = mapH + 20;
        sb.append(f("<text x=\"%.0f\" y=\"%.1f\" font-size=\"16\" font-weight=\"bold\">%s</text>\n", MARGIN_PX, ly,
                esc("Vigie — " + s.districtName())));
        legend(sb, ly + 24, 0, "#e8f5e9", "#2e7d32", "district (geofence inclusion)");
        legend(sb, ly + 48, 0, "url(#hatch)", "#c62828", "exclusion zone (no fly)");
        legend(sb, ly + 72, 0, "#d1c4e9", "#7b1fa2", "privacy zone (no filming)");
        sb.append(f("<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#ffffff\" stroke-width=\"4\"/>\n",
                MARGIN_PX + 420, ly + 18, MARGIN_PX + 460, ly + 18));
        sb.append(f("<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#1565c0\" stroke-width=\"2\""
                + " stroke-dasharray=\"8 6\"/>\n", MARGIN_PX + 420, ly + 18, MARGIN_PX + 460, ly + 18));
        sb.append(f("<text x=\"%.0f\" y=\"%.1f\" font-size=\"13\">planned route (dashed blue, drawn on top)</text>\n",
                MARGIN_PX + 470, ly + 22));
        sb.append(f("<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#ef6c00\" stroke-width=\"5\"/>\n",
                MARGIN_PX + 420, ly + 42, MARGIN_PX + 460, ly + 42));
        sb.append(f("<text x=\"%.0f\" y=\"%.1f\" font-size=\"13\">flown track (solid orange, from telemetry)</text>\n",
                MARGIN_PX + 470, ly + 46));
        sb.append(f("<text x=\"%.0f\" y=\"%.1f\" font-size=\"13\">■ home   ◎ target</text>\n", MARGIN_PX + 420,
                ly + 70));
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** The zone's name in its colour at the centre of its ring's bounding box, on a white halo. */
    private static String label(Projection pr, List<LatLon> ring, String name, String colour) {
        if (ring.isEmpty()) {
            return "";
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (LatLon p : ring) {
            double[] xy = pr.xy(p);
            minX = Math.min(minX, xy[0]);
            maxX = Math.max(maxX, xy[0]);
            minY = Math.min(minY, xy[1]);
            maxY = Math.max(maxY, xy[1]);
        }
        return f("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" fill=\"%s\" stroke=\"#ffffff\""
                + " stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n", (minX + maxX) / 2, (minY + maxY) / 2 + 4,
                colour, esc(name));
    }

    private static void legend(StringBuilder sb, double y, double x, String fill, String stroke, String label) {
        sb.append(f("<rect x=\"%.0f\" y=\"%.1f\" width=\"30\" height=\"14\" fill=\"%s\" stroke=\"%s\"/>\n",
                MARGIN_PX + x, y - 11, fill, stroke));
        sb.append(f("<text x=\"%.0f\" y=\"%.1f\" font-size=\"13\">%s</text>\n", MARGIN_PX + x + 40, y, esc(label)));
    }

    private static String polygon(Projection pr, List<LatLon> ring, String fill, String stroke, double width,
                                  String title) {
        if (ring.size() < 3) {
            return "";
        }
        StringBuilder pts = new StringBuilder();
        for (LatLon p : ring) {
            double[] xy = pr.xy(p);
            pts.append(f("%.1f,%.1f ", xy[0], xy[1]));
        }
        return f("<polygon points=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"><title>%s</title></polygon>\n",
                pts.toString().trim(), fill, stroke, width, esc(title));
    }

    private static String polyline(Projection pr, List<TrackPoint> track, String stroke, double width,
                                   @Nullable String dash, String title) {
        if (track.size() < 2) {
            return "";
        }
        StringBuilder pts = new StringBuilder();
        for (TrackPoint p : track) {
            double[] xy = pr.xy(new LatLon(p.latDeg(), p.lonDeg()));
            pts.append(f("%.1f,%.1f ", xy[0], xy[1]));
        }
        return f("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s"
                        + " stroke-linejoin=\"round\"><title>%s</title></polyline>\n", pts.toString().trim(), stroke,
                width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"", esc(title));
    }

    /** Signed area of a ring in degree units (positive: counter-clockwise with x = longitude, y = latitude). */
    static double signedArea(List<LatLon> ring) {
        double a = 0;
        for (int i = 0, n = ring.size(); i < n; i++) {
            LatLon p = ring.get(i);
            LatLon q = ring.get((i + 1) % n);
            a += p.lonDeg() * q.latDeg() - q.lonDeg() * p.latDeg();
        }
        return a / 2;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    private record Projection(double lat0, double lon0, double cos, double scale, double cx, double cy) {
        double[] xy(LatLon p) {
            double e = Math.toRadians(p.lonDeg() - lon0) * cos * EARTH_RADIUS_M;
            double n = Math.toRadians(p.latDeg() - lat0) * EARTH_RADIUS_M;
            return new double[] {cx + e * scale, cy - n * scale};
        }
    }
}

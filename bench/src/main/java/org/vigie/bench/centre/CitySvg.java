package org.vigie.bench.centre;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;

/** SVG pictures of the city simulation: a histogram of alert to on scene beside the city map by p95, and the curve. */
final class CitySvg {

    private CitySvg() {
    }

    static String render(CitySimulationStudy.Result r) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='1100' height='560' font-family='sans-serif' "
                + "font-size='12'>\n<rect width='1100' height='560' fill='white'/>\n");
        s.append(String.format(Locale.ROOT, "<text x='20' y='24' font-size='15'>City simulation: %d districts, "
                        + "%.0f alerts/h, %.2f h simulated at %.1fx</text>%n", r.config().districts(),
                r.config().ratePerHour(), r.config().hours(), r.speedUp()));
        histogram(s, CityReport.onScene(r.incidents()), 20, 60, 460, 440);
        map(s, r.districts(), CityReport.p95ByDistrict(r.incidents()), 520, 40, 560, 500);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void histogram(StringBuilder s, double[] values, int x0, int y0, int w, int h) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d'>alert to on scene (s), %d incidents</text>%n",
                x0, y0 - 8, v.length));
        if (v.length == 0) {
            return;
        }
        double max = Math.max(60, Arrays.stream(v).max().orElse(60));
        int bins = 30;
        double width = Math.ceil(max / bins / 5) * 5;
        int[] counts = new int[bins];
        for (double x : v) {
            counts[(int) Math.min(bins - 1, x / width)]++;
        }
        int top = Arrays.stream(counts).max().orElse(1);
        int plotH = h - 40;
        for (int i = 0; i < bins; i++) {
            double bh = plotH * counts[i] / (double) top;
            s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' "
                            + "fill='#4a7ab5'/>%n", x0 + i * (w / (double) bins), y0 + plotH - bh, w / (double) bins - 1,
                    bh));
        }
        for (int i = 0; i <= bins; i += 5) {
            s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%.0f</text>%n",
                    x0 + i * (w / (double) bins), y0 + plotH + 16, i * width));
        }
        double p95 = CityReport.percentile(v, 95);
        double x95 = x0 + Math.min(1, p95 / (bins * width)) * w;
        s.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#c0392b' "
                + "stroke-dasharray='4 3'/><text x='%.1f' y='%d' fill='#c0392b'>p95 %.0f s</text>%n", x95, y0, x95,
                y0 + plotH, x95 + 4, y0 + 14, p95));
    }

    private static void map(StringBuilder s, List<District> districts, Map<String, Double> p95, int x0, int y0, int w,
                            int h) {
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (District d : districts) {
            for (GeoPoint p : d.inclusion().shell()) {
                minLat = Math.min(minLat, p.latDeg());
                maxLat = Math.max(maxLat, p.latDeg());
                minLon = Math.min(minLon, p.lonDeg());
                maxLon = Math.max(maxLon, p.lonDeg());
            }
        }
        double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = Math.min(w / ((maxLon - minLon) * k), (h - 40) / (maxLat - minLat));
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d'>p95 alert to on scene by district (green 60 s or "
                + "less, red 120 s or more, grey: none)</text>%n", x0, y0 + 10));
        for (District d : districts) {
            StringBuilder pts = new StringBuilder();
            for (GeoPoint p : d.inclusion().shell()) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x0 + (p.lonDeg() - minLon) * k * scale,
                        y0 + 30 + (maxLat - p.latDeg()) * scale));
            }
            Double v = p95.get(d.name());
            s.append(String.format(Locale.ROOT, "<polygon points='%s' fill='%s' stroke='white' stroke-width='0.6'>"
                    + "<title>%s: %s</title></polygon>%n", pts.toString().trim(), colour(v), escape(d.name()),
                    v == null ? "no on-scene" : String.format(Locale.ROOT, "p95 %.0f s", v)));
        }
    }

    private static String colour(Double v) {
        if (v == null) {
            return "#cccccc";
        }
        double t = Math.max(0, Math.min(1, (v - 60) / 60));
        int r = (int) (60 + 180 * t);
        int g = (int) (170 - 110 * t);
        return String.format(Locale.ROOT, "rgb(%d,%d,60)", r, g);
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }

    static String curve(List<CitySimulationStudy.Result> results) {
        int w = 640;
        int h = 400;
        double maxRate = results.stream().mapToDouble(r -> r.config().ratePerHour()).max().orElse(1);
        double maxP = Math.max(90, results.stream().mapToDouble(r -> CityReport.percentile(
                CityReport.onScene(r.incidents()), 95)).filter(Double::isFinite).max().orElse(90));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' "
                + "width='%d' height='%d' font-family='sans-serif' font-size='12'>%n<rect width='%d' height='%d' "
                + "fill='white'/>%n<text x='60' y='24' font-size='15'>p95 alert to on scene against the alert rate"
                + "</text>%n", w, h, w, h));
        int x0 = 60;
        int y0 = 40;
        int pw = w - 100;
        int ph = h - 90;
        s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>"
                + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n", x0, y0 + ph, x0 + pw, y0 + ph, x0, y0, x0,
                y0 + ph));
        double y60 = y0 + ph - 60 / maxP * ph;
        s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#27ae60' "
                + "stroke-dasharray='4 3'/><text x='%d' y='%.1f' fill='#27ae60'>goal 60 s</text>%n", x0, y60, x0 + pw,
                y60, x0 + pw - 60, y60 - 4));
        StringBuilder path = new StringBuilder();
        for (CitySimulationStudy.Result r : results) {
            double p = CityReport.percentile(CityReport.onScene(r.incidents()), 95);
            if (!Double.isFinite(p)) {
                continue;
            }
            double x = x0 + r.config().ratePerHour() / maxRate * pw;
            double y = y0 + ph - p / maxP * ph;
            path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='4' fill='#4a7ab5'/><text x='%.1f' "
                    + "y='%.1f'>%.0f/h: %.0f s</text>%n", x, y, x - 20, y - 8, r.config().ratePerHour(), p));
        }
        s.append("<path d='").append(path.toString().trim()).append("' fill='none' stroke='#4a7ab5'/>\n");
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>alerts per hour (city-wide)"
                + "</text>%n", x0 + pw / 2, y0 + ph + 35));
        s.append(String.format(Locale.ROOT, "<text x='15' y='%d' transform='rotate(-90 15 %d)' "
                + "text-anchor='middle'>p95 alert to on scene (s)</text>%n", y0 + ph / 2, y0 + ph / 2));
        s.append("</svg>\n");
        return s.toString();
    }
}

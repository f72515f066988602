package org.vigie.bench.centre;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigie.centre.CentreStats;
import org.vigie.centre.IncidentState;
import org.vigie.centre.IncidentView;

/** The city simulation's figures: percentiles, per-district p95 and utilisation, counts; as a table and as JSON. */
final class CityReport {

    private CityReport() {
    }

    /** Nearest-rank percentile of the finite values, NaN when none. */
    static double percentile(double[] values, double p) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    static double[] launch(List<IncidentView> incidents) {
        return incidents.stream().mapToDouble(CitySimulationStudy::launchS).toArray();
    }

    static double[] onScene(List<IncidentView> incidents) {
        return incidents.stream().mapToDouble(CitySimulationStudy::onSceneS).toArray();
    }

    /** p95 of alert to on scene per district (districts with no on-scene incident are absent). */
    static Map<String, Double> p95ByDistrict(List<IncidentView> incidents) {
        Map<String, List<Double>> by = new HashMap<>();
        for (IncidentView v : incidents) {
            double s = CitySimulationStudy.onSceneS(v);
            if (Double.isFinite(s)) {
                by.computeIfAbsent(v.district(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Double> out = new HashMap<>();
        by.forEach((k, l) -> out.put(k, percentile(l.stream().mapToDouble(Double::doubleValue).toArray(), 95)));
        return out;
    }

    static long count(List<IncidentView> incidents, IncidentState s) {
        return incidents.stream().filter(v -> v.state() == s).count();
    }

    static String table(CitySimulationStudy.Result r) {
        CitySimulationStudy.Config c = r.config();
        double[] l = launch(r.incidents());
        double[] o = onScene(r.incidents());
        CentreStats s = r.stats();
        double meanUtil = r.utilisation().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double maxUtil = r.utilisation().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "City simulation: %d districts, %d buttons, %.0f alerts/h, %.2f h at %.0fx "
                + "requested%n", c.districts(), c.buttons(), c.ratePerHour(), c.hours(), c.speed()));
        b.append(String.format(Locale.ROOT, "  speed: %.0f s simulated in %.0f s wall = %.1fx real time (start-up "
                + "%.1f s)%n", r.simSeconds(), r.wallSeconds(), r.speedUp(), r.startupWallMs() / 1000.0));
        b.append(String.format(Locale.ROOT, "  alerts sent: %d, %.0f per simulated hour%n", r.alertsSent(),
                r.alertsSent() / c.hours()));
        b.append(String.format(Locale.ROOT, "  %-22s %8s %8s %8s %6s%n", "", "p50 s", "p95 s", "max s", "n"));
        b.append(row("alert -> launch", l));
        b.append(row("alert -> on scene", o));
        b.append(String.format(Locale.ROOT, "  alerts %d sent, %d incidents: on scene %d, refused %d, cancelled %d, "
                        + "open at end %d; merged %d, queued %d, retasks %d; refused at intake %d; drones down %d%n",
                r.alertsSent(), r.incidents().size(), count(r.incidents(), IncidentState.ON_SCENE),
                count(r.incidents(), IncidentState.REFUSED), count(r.incidents(), IncidentState.CANCELLED),
                r.incidents().stream().filter(v -> !v.state().terminal()).count(), s.merged(), s.queued(),
                s.retasks(), s.refusedInvalid() + s.refusedUnknownButton() + s.refusedOutside() + s.refusedFlood(),
                s.dronesDown()));
        b.append(String.format(Locale.ROOT, "  utilisation (share of time not READY): mean %.1f %%, max %.1f %%%n",
                meanUtil * 100, maxUtil * 100));
        Map<String, Long> reasons = new java.util.TreeMap<>();
        for (IncidentView v : r.incidents()) {
            if (v.state() == IncidentState.REFUSED || v.state() == IncidentState.CANCELLED) {
                reasons.merge(v.reason().replaceAll("\\d+", "N"), 1L, Long::sum);
            }
        }
        reasons.forEach((k, n) -> b.append(String.format(Locale.ROOT, "    %4d x %s%n", n, k)));
        b.append("  CPU seconds by thread group:");
        r.cpuSecondsByGroup().entrySet().stream().filter(e -> e.getValue() > 0.5)
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                .forEach(e -> b.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(), e.getValue())));
        b.append('\n');
        return b.toString();
    }

    private static String row(String name, double[] v) {
        return String.format(Locale.ROOT, "  %-22s %8.1f %8.1f %8.1f %6d%n", name, percentile(v, 50),
                percentile(v, 95), percentile(v, 100), Arrays.stream(v).filter(Double::isFinite).count());
    }

    static String curveTable(List<CitySimulationStudy.Result> results) {
        StringBuilder b = new StringBuilder("p95 alert -> on scene against the alert rate\n");
        b.append(String.format(Locale.ROOT, "  %10s %10s %10s %10s %10s %8s%n", "alerts/h", "p50 s", "p95 s", "max s",
                "refused", "speed"));
        for (CitySimulationStudy.Result r : results) {
            double[] o = onScene(r.incidents());
            b.append(String.format(Locale.ROOT, "  %10.0f %10.1f %10.1f %10.1f %10d %7.1fx%n",
                    r.config().ratePerHour(), percentile(o, 50), percentile(o, 95), percentile(o, 100),
                    count(r.incidents(), IncidentState.REFUSED), r.speedUp()));
        }
        return b.toString();
    }

    static String json(CitySimulationStudy.Result r) {
        return write(g -> {
            g.writeStartObject();
            config(g, r);
            g.writeObjectFieldStart("alertToLaunchS");
            stats(g, launch(r.incidents()));
            g.writeEndObject();
            g.writeObjectFieldStart("alertToOnSceneS");
            stats(g, onScene(r.incidents()));
            g.writeEndObject();
            CentreStats s = r.stats();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("alertsSent", r.alertsSent());
            g.writeNumberField("incidents", r.incidents().size());
            g.writeNumberField("onScene", count(r.incidents(), IncidentState.ON_SCENE));
            g.writeNumberField("refused", count(r.incidents(), IncidentState.REFUSED));
            g.writeNumberField("cancelled", count(r.incidents(), IncidentState.CANCELLED));
            g.writeNumberField("merged", s.merged());
            g.writeNumberField("queued", s.queued());
            g.writeNumberField("retasks", s.retasks());
            g.writeNumberField("refusedAtIntake", s.refusedInvalid() + s.refusedUnknownButton() + s.refusedOutside()
                    + s.refusedFlood());
            g.writeNumberField("dronesDown", s.dronesDown());
            g.writeEndObject();
            Map<String, Double> p95 = p95ByDistrict(r.incidents());
            g.writeArrayFieldStart("districts");
            for (Map.Entry<String, Double> e : r.utilisation().entrySet()) {
                g.writeStartObject();
                g.writeStringField("district", e.getKey());
                g.writeNumberField("utilisation", round(e.getValue(), 4));
                Double p = p95.get(e.getKey());
                if (p == null) {
                    g.writeNullField("p95OnSceneS");
                } else {
                    g.writeNumberField("p95OnSceneS", round(p, 1));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String curveJson(List<CitySimulationStudy.Result> results) {
        return write(g -> {
            g.writeStartArray();
            for (CitySimulationStudy.Result r : results) {
                g.writeStartObject();
                config(g, r);
                g.writeObjectFieldStart("alertToOnSceneS");
                stats(g, onScene(r.incidents()));
                g.writeEndObject();
                g.writeNumberField("refused", count(r.incidents(), IncidentState.REFUSED));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void config(JsonGenerator g, CitySimulationStudy.Result r) throws IOException {
        CitySimulationStudy.Config c = r.config();
        g.writeNumberField("districts", c.districts());
        g.writeNumberField("buttons", c.buttons());
        g.writeNumberField("alertsPerHour", c.ratePerHour());
        g.writeNumberField("alertsSentPerSimulatedHour", round(r.alertsSent() / c.hours(), 1));
        g.writeNumberField("hours", c.hours());
        g.writeNumberField("speedRequested", c.speed());
        g.writeNumberField("speedMeasured", round(r.speedUp(), 2));
        g.writeNumberField("simSeconds", round(r.simSeconds(), 1));
        g.writeNumberField("wallSeconds", round(r.wallSeconds(), 1));
        g.writeNumberField("seed", c.seed());
    }

    private static void stats(JsonGenerator g, double[] v) throws IOException {
        g.writeNumberField("n", Arrays.stream(v).filter(Double::isFinite).count());
        for (double p : new double[] {50, 95, 100}) {
            double x = percentile(v, p);
            String name = p == 100 ? "max" : "p" + (int) p;
            if (Double.isFinite(x)) {
                g.writeNumberField(name, round(x, 1));
            } else {
                g.writeNullField(name);
            }
        }
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }
}

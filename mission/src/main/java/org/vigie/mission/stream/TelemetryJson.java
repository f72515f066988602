package org.vigie.mission.stream;

import java.util.List;
import java.util.Locale;
import org.vigie.mission.camera.GroundPoint;

/**
 * Hand-written JSON for telemetry samples (one object, no line break: a JSON Lines record). NaN and absent values are
 * written as null; numbers use '.' whatever the locale. Stateless and thread-safe.
 *
 * <p>Shape: {@code {"t_us":..,"phase":"..","pos":{"lat":..,"lon":..,"alt_amsl_m":..,"alt_rel_m":..},
 * "vel":{"n_mps":..,"e_mps":..,"d_mps":..},"att":{"roll_deg":..,"pitch_deg":..,"yaw_deg":..},
 * "battery":{"v":..,"pct":..},"link_pct":..,"eta":{"to":"SCENE","s":..},
 * "camera":{"centre":[lat,lon,elev],"corners":[[lat,lon],..],"privacy":true,"zones":[".."]}}}.
 */
public final class TelemetryJson {

    private TelemetryJson() {
    }

    /**
     * Serialises a sample.
     *
     * @param s the sample
     * @return the JSON text, without line break
     */
    public static String toJson(TelemetrySample s) {
        StringBuilder b = new StringBuilder(384);
        b.append("{\"t_us\":").append(s.timeUtcMicros());
        b.append(",\"phase\":");
        string(b, s.flightPhase());
        b.append(",\"pos\":");
        if (s.position() == null) {
            b.append("null");
        } else {
            var p = s.position();
            b.append("{\"lat\":");
            num(b, p.latitudeDeg(), 7);
            b.append(",\"lon\":");
            num(b, p.longitudeDeg(), 7);
            b.append(",\"alt_amsl_m\":");
            num(b, p.altitudeAmslM(), 2);
            b.append(",\"alt_rel_m\":");
            num(b, p.altitudeRelM(), 2);
            b.append('}');
        }
        b.append(",\"vel\":");
        if (s.velocity() == null) {
            b.append("null");
        } else {
            b.append("{\"n_mps\":");
            num(b, s.velocity().northMps(), 2);
            b.append(",\"e_mps\":");
            num(b, s.velocity().eastMps(), 2);
            b.append(",\"d_mps\":");
            num(b, s.velocity().downMps(), 2);
            b.append('}');
        }
        b.append(",\"att\":");
        if (s.attitude() == null) {
            b.append("null");
        } else {
            b.append("{\"roll_deg\":");
            num(b, s.attitude().rollDeg(), 2);
            b.append(",\"pitch_deg\":");
            num(b, s.attitude().pitchDeg(), 2);
            b.append(",\"yaw_deg\":");
            num(b, s.attitude().yawDeg(), 2);
            b.append('}');
        }
        b.append(",\"battery\":");
        if (s.battery() == null) {
            b.append("null");
        } else {
            b.append("{\"v\":");
            num(b, s.battery().voltageV(), 2);
            b.append(",\"pct\":");
            num(b, s.battery().remainingPct(), 1);
            b.append('}');
        }
        b.append(",\"link_pct\":");
        num(b, s.linkQualityPct(), 1);
        b.append(",\"eta\":");
        if (s.eta() == null) {
            b.append("null");
        } else {
            b.append("{\"to\":");
            string(b, s.eta().target().name());
            b.append(",\"s\":");
            num(b, s.eta().seconds(), 1);
            b.append('}');
        }
        b.append(",\"camera\":");
        CameraView c = s.camera();
        if (c == null) {
            b.append("null");
        } else {
            b.append("{\"centre\":");
            if (c.frameCentre() == null) {
                b.append("null");
            } else {
                b.append('[');
                num(b, c.frameCentre().latitudeDeg(), 7);
                b.append(',');
                num(b, c.frameCentre().longitudeDeg(), 7);
                b.append(',');
                num(b, c.frameCentre().elevationAmslM(), 1);
                b.append(']');
            }
            b.append(",\"corners\":[");
            List<GroundPoint> corners = c.corners();
            for (int i = 0; i < corners.size(); i++) {
                b.append(i == 0 ? "[" : ",[");
                num(b, corners.get(i).latitudeDeg(), 7);
                b.append(',');
                num(b, corners.get(i).longitudeDeg(), 7);
                b.append(']');
            }
            b.append("],\"privacy\":").append(c.overPrivacyZone()).append(",\"zones\":[");
            for (int i = 0; i < c.privacyZones().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                string(b, c.privacyZones().get(i));
            }
            b.append("]}");
        }
        return b.append('}').toString();
    }

    private static void num(StringBuilder b, double v, int decimals) {
        if (!Double.isFinite(v)) {
            b.append("null");
        } else {
            b.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
    }

    /** Appends a JSON string literal with the escapes RFC 8259 requires. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }
}

package org.vigie.mission.stream;

import org.jspecify.annotations.Nullable;
import org.vigie.mission.camera.GroundPoint;
import org.vigie.mission.output.Json;

/**
 * JSON for telemetry samples (one object, no line break: a JSON Lines record), through {@link Json} on Jackson's
 * generator. NaN and absent values are written as null; numbers use '.' whatever the locale, fixed decimals per
 * field. Stateless and thread-safe.
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
        Json j = new Json().beginObject();
        j.key("t_us").value(s.timeUtcMicros());
        j.key("phase").value(s.flightPhase());
        j.key("pos");
        if (s.position() == null) {
            j.nullValue();
        } else {
            var p = s.position();
            j.beginObject().key("lat").value(p.latitudeDeg(), 7).key("lon").value(p.longitudeDeg(), 7)
                    .key("alt_amsl_m").value(p.altitudeAmslM(), 2).key("alt_rel_m").value(p.altitudeRelM(), 2)
                    .endObject();
        }
        j.key("vel");
        if (s.velocity() == null) {
            j.nullValue();
        } else {
            var v = s.velocity();
            j.beginObject().key("n_mps").value(v.northMps(), 2).key("e_mps").value(v.eastMps(), 2)
                    .key("d_mps").value(v.downMps(), 2).endObject();
        }
        j.key("att");
        if (s.attitude() == null) {
            j.nullValue();
        } else {
            var a = s.attitude();
            j.beginObject().key("roll_deg").value(a.rollDeg(), 2).key("pitch_deg").value(a.pitchDeg(), 2)
                    .key("yaw_deg").value(a.yawDeg(), 2).endObject();
        }
        j.key("battery");
        if (s.battery() == null) {
            j.nullValue();
        } else {
            j.beginObject().key("v").value(s.battery().voltageV(), 2).key("pct").value(s.battery().remainingPct(), 1)
                    .endObject();
        }
        j.key("link_pct").value(s.linkQualityPct(), 1);
        j.key("eta");
        if (s.eta() == null) {
            j.nullValue();
        } else {
            j.beginObject().key("to").value(s.eta().target().name()).key("s").value(s.eta().seconds(), 1).endObject();
        }
        camera(j.key("camera"), s.camera());
        return j.endObject().toString();
    }

    private static void camera(Json j, @Nullable CameraView c) {
        if (c == null) {
            j.nullValue();
            return;
        }
        j.beginObject().key("centre");
        if (c.frameCentre() == null) {
            j.nullValue();
        } else {
            j.beginArray().value(c.frameCentre().latitudeDeg(), 7).value(c.frameCentre().longitudeDeg(), 7)
                    .value(c.frameCentre().elevationAmslM(), 1).endArray();
        }
        j.key("corners").beginArray();
        for (GroundPoint corner : c.corners()) {
            j.beginArray().value(corner.latitudeDeg(), 7).value(corner.longitudeDeg(), 7).endArray();
        }
        j.endArray().key("privacy").value(c.overPrivacyZone()).key("zones").beginArray();
        for (String zone : c.privacyZones()) {
            j.value(zone);
        }
        j.endArray().endObject();
    }
}

package org.vigie.centre.console;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.CentreRecord;
import org.vigie.centre.IncidentView;
import org.vigie.centre.fleet.DroneState;
import org.vigie.centre.http.CentreJson;
import org.vigie.centre.http.JsonOut;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PrivacyZone;

/** The console's JSON: what it sends (state, districts, an incident) and the small bodies it reads. Stateless. */
final class ConsoleJson {

    /** A body that is not what the endpoint takes; the message names the field. */
    static final class BadBody extends Exception {
        private static final long serialVersionUID = 1L;

        BadBody(String message) {
            super(message);
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private ConsoleJson() {
    }

    /**
     * Reads a flat JSON object of strings and numbers.
     *
     * @param body    the body
     * @param allowed the field names taken
     * @return the fields (String or Double)
     * @throws BadBody when not such an object, with an unknown field, or a field of another type
     */
    static Map<String, Object> readFlat(String body, Set<String> allowed) throws BadBody {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadBody("the body must be a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!allowed.contains(name)) {
                    throw new BadBody("field '" + name + "' is not taken here (fields: " + allowed + ")");
                }
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    out.put(name, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                    out.put(name, p.getDoubleValue());
                } else {
                    throw new BadBody("field '" + name + "' must be a string or a number, was " + v);
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadBody("the body must be one JSON object");
            }
        } catch (IOException e) {
            throw new BadBody("the body is not valid JSON: " + e.getMessage());
        }
        return out;
    }

    static String error(int status, String code, String message) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("code", code);
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    static String answer(boolean done, String message, @Nullable String incidentId) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeBooleanField("done", done);
            g.writeStringField("message", message);
            g.writeStringField("incidentId", incidentId);
            g.writeEndObject();
        });
    }

    static String agent(String agentId) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeStringField("agentId", agentId);
            g.writeEndObject();
        });
    }

    /** @return a GeoJSON FeatureCollection: each district's outline and its privacy zones */
    static String districts(List<District> districts) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (District d : districts) {
                feature(g, d.name(), "district", d.inclusion().shell());
                for (PrivacyZone z : d.privacyZones()) {
                    feature(g, z.name(), "privacy", z.ring());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Where the drones' camera footprints come from and whether they cover a privacy zone. */
    record Cameras(Footprints footprints, PrivacyCheck privacy) {
    }

    /** @return the whole live picture pushed to the pages */
    static String state(List<DroneState> fleet, List<IncidentView> incidents, FlightLog log,
                        Cameras cameras) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("drones");
            Map<String, IncidentView> byId = new HashMap<>();
            for (IncidentView i : incidents) {
                byId.put(i.id(), i);
            }
            for (DroneState d : fleet) {
                drone(g, d, d.incidentId() == null ? null : byId.get(d.incidentId()), log, cameras);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("incidents");
            for (IncidentView i : incidents) {
                CentreJson.incident(g, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** @return one incident with its drone's phases, ETA and the recorded actions about it */
    static String incidentDetail(IncidentView i, @Nullable DroneState drone, FlightLog log, Cameras cameras,
                                 List<CentreRecord> records) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeFieldName("incident");
            CentreJson.incident(g, i);
            if (drone != null) {
                g.writeFieldName("drone");
                drone(g, drone, i.id().equals(drone.incidentId()) ? i : null, log, cameras);
            } else {
                g.writeNullField("drone");
            }
            g.writeArrayFieldStart("records");
            for (CentreRecord r : records) {
                g.writeStartObject();
                JsonOut.time(g, "at", r.at());
                g.writeStringField("actor", r.actor());
                g.writeStringField("action", r.action().name());
                g.writeNumberField("droneSystemId", r.droneSystemId());
                g.writeStringField("reason", r.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void drone(JsonGenerator g, DroneState d, @Nullable IncidentView serving, FlightLog log,
                              Cameras cameras) throws IOException {
        int id = d.drone().systemId();
        g.writeStartObject();
        g.writeNumberField("systemId", id);
        g.writeStringField("district", d.drone().district());
        JsonOut.point(g, "home", d.drone().home());
        g.writeStringField("availability", d.availability().name());
        g.writeStringField("phase", d.phase() == null ? null : d.phase().name());
        g.writeNumberField("flightId", d.flightId());
        g.writeStringField("incidentId", d.incidentId());
        JsonOut.point(g, "position", d.position());
        if (Double.isFinite(d.batteryPct())) {
            g.writeNumberField("batteryPct", Math.round(d.batteryPct() * 10) / 10.0);
        } else {
            g.writeNullField("batteryPct");
        }
        g.writeBooleanField("healthy", d.healthy());
        g.writeNumberField("linkQualityPct", Math.round(d.linkQualityPct()));
        g.writeStringField("note", d.note());
        if (serving != null && d.position() != null && !serving.state().terminal()) {
            g.writeArrayFieldStart("plannedRoute");
            latLon(g, d.position());
            latLon(g, serving.position());
            g.writeEndArray();
            Double eta = log.etaS(id, serving.position());
            if (eta == null) {
                g.writeNullField("etaS");
            } else {
                g.writeNumberField("etaS", Math.round(eta));
            }
        }
        CameraFootprint f = cameras.footprints().latest(id).orElse(null);
        boolean airborne = d.availability() == org.vigie.centre.fleet.Availability.IN_FLIGHT
                || d.availability() == org.vigie.centre.fleet.Availability.RETURNING;
        if (f != null && airborne) {
            g.writeObjectFieldStart("footprint");
            g.writeArrayFieldStart("corners");
            for (GeoPoint p : f.corners()) {
                latLon(g, p);
            }
            g.writeEndArray();
            JsonOut.time(g, "at", f.at());
            g.writeStringField("flaggedZone", cameras.privacy().flagged(d.drone().district(), f).orElse(null));
            g.writeEndObject();
        } else {
            g.writeNullField("footprint");
        }
        g.writeArrayFieldStart("track");
        for (FlightLog.TrackPoint p : log.track(id)) {
            latLon(g, p.at());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("phases");
        for (FlightLog.PhaseAt p : log.phases(id)) {
            g.writeStartObject();
            g.writeStringField("phase", p.phase().name());
            JsonOut.time(g, "at", p.at());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void feature(JsonGenerator g, String name, String role, List<GeoPoint> ring) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("properties");
        g.writeStringField("name", name);
        g.writeStringField("role", role);
        g.writeEndObject();
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Polygon");
        g.writeArrayFieldStart("coordinates");
        g.writeStartArray();
        for (GeoPoint p : ring) {
            g.writeStartArray();
            g.writeNumber(Math.round(p.lonDeg() * 1e7) / 1e7);
            g.writeNumber(Math.round(p.latDeg() * 1e7) / 1e7);
            g.writeEndArray();
        }
        if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) {
            g.writeStartArray();
            g.writeNumber(Math.round(ring.get(0).lonDeg() * 1e7) / 1e7);
            g.writeNumber(Math.round(ring.get(0).latDeg() * 1e7) / 1e7);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void latLon(JsonGenerator g, GeoPoint p) throws IOException {
        g.writeStartArray();
        g.writeNumber(Math.round(p.latDeg() * 1e7) / 1e7);
        g.writeNumber(Math.round(p.lonDeg() * 1e7) / 1e7);
        g.writeEndArray();
    }
}

package org.vigie.centre.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.IncidentView;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.fleet.DroneState;
import org.vigie.dispatch.DispatchPriority;

/**
 * JSON of the HTTP intake, on Jackson's streaming core: reads an alert (strict: one flat object, known fields only,
 * each of its type) and writes incidents, drones and errors. Stateless and thread-safe.
 */
public final class CentreJson {

    /** A request body that cannot be taken: the field at fault (or null) and a sentence. */
    public static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final @Nullable String field;

        /**
         * @param field   the field at fault, or null
         * @param message the sentence
         */
        public BadRequest(@Nullable String field, String message) {
            super(message);
            this.field = field;
        }

        /** @return the field at fault, or null */
        public @Nullable String field() {
            return field;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(10_000)
                    .maxNumberLength(40).build())
            .build();
    private static final Set<String> BUTTON_FIELDS = Set.of("type", "buttonId");
    private static final Set<String> CALLER_FIELDS = Set.of("type", "callerId", "lat", "lon", "priority",
            "description");

    private CentreJson() {
    }

    /**
     * Reads an alert: {@code {"type":"button","buttonId":"B00012"}} or
     * {@code {"type":"caller","callerId":"op-7","lat":48.85,"lon":2.35,"priority":"URGENT","description":"..."}}.
     *
     * @param body the request body
     * @return the alert (its values are validated by the centre)
     * @throws BadRequest naming the field: malformed JSON (line and column), not an object, an unknown or repeated
     *                    field, a value of the wrong type, a missing type
     */
    public static Alert readAlert(String body) throws BadRequest {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequest(null, "the body must be one JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                Object value = switch (v) {
                    case VALUE_STRING -> p.getText();
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_NULL -> throw new BadRequest(name, name + " is null");
                    default -> throw new BadRequest(name, name + " must be a string or a number, not "
                            + describe(v));
                };
                if (fields.put(name, value) != null) {
                    throw new BadRequest(name, name + " appears twice");
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new BadRequest(null, "the body is not a complete JSON object");
            }
            if (p.nextToken() != null) {
                throw new BadRequest(null, "the body has content after its JSON object");
            }
        } catch (JsonParseException e) {
            throw new BadRequest(null, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest(null, "unreadable body: " + e.getMessage());
        }
        Object type = fields.get("type");
        if (!(type instanceof String ts)) {
            throw new BadRequest("type", type == null ? "type is missing: \"button\" or \"caller\""
                    : "type must be a string: \"button\" or \"caller\"");
        }
        switch (ts) {
            case "button" -> {
                known(fields, BUTTON_FIELDS);
                return new Alert.ButtonPress(string(fields, "buttonId"));
            }
            case "caller" -> {
                known(fields, CALLER_FIELDS);
                String priority = string(fields, "priority");
                DispatchPriority pr;
                try {
                    pr = DispatchPriority.valueOf(priority.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("priority", "priority '" + priority + "' is not ROUTINE, URGENT or "
                            + "EMERGENCY");
                }
                return new Alert.CallerPosition(string(fields, "callerId"), number(fields, "lat"),
                        number(fields, "lon"), pr, string(fields, "description"));
            }
            default -> throw new BadRequest("type", "type '" + ts + "' is not \"button\" or \"caller\"");
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> t.name();
        };
    }

    private static void known(Map<String, Object> fields, Set<String> allowed) throws BadRequest {
        for (String f : fields.keySet()) {
            if (!allowed.contains(f)) {
                throw new BadRequest(f, "unknown field '" + f + "' (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String string(Map<String, Object> fields, String name) throws BadRequest {
        return field(fields, name, String.class, "a string");
    }

    private static double number(Map<String, Object> fields, String name) throws BadRequest {
        return field(fields, name, Double.class, "a number (degrees)");
    }

    private static <T> T field(Map<String, Object> fields, String name, Class<T> type, String what)
            throws BadRequest {
        Object v = fields.get(name);
        if (v == null) {
            throw new BadRequest(name, name + " is missing");
        }
        if (!type.isInstance(v)) {
            throw new BadRequest(name, name + " must be " + what);
        }
        return type.cast(v);
    }

    /**
     * @param result  "opened" or "merged"
     * @param i       the incident
     * @return {@code {"result":...,"incident":{...}}}
     */
    public static String intake(String result, IncidentView i) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeStringField("result", result);
            g.writeFieldName("incident");
            incident(g, i);
            g.writeEndObject();
        });
    }

    /** @param i the incident @return its JSON object */
    public static String incident(IncidentView i) {
        return JsonOut.write(g -> incident(g, i));
    }

    /** @param drones the fleet @return {@code {"drones":[...]}} */
    public static String fleet(List<DroneState> drones) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("drones");
            for (DroneState d : drones) {
                g.writeStartObject();
                g.writeNumberField("systemId", d.drone().systemId());
                g.writeStringField("district", d.drone().district());
                g.writeStringField("signingKeyId", d.drone().signingKeyId());
                JsonOut.point(g, "home", d.drone().home());
                g.writeStringField("availability", d.availability().name());
                g.writeStringField("phase", d.phase() == null ? null : d.phase().name());
                g.writeNumberField("flightId", d.flightId());
                g.writeStringField("incidentId", d.incidentId());
                JsonOut.point(g, "position", d.position());
                if (Double.isFinite(d.batteryPct())) {
                    g.writeNumberField("batteryPct", d.batteryPct());
                } else {
                    g.writeNullField("batteryPct");
                }
                g.writeBooleanField("healthy", d.healthy());
                g.writeNumberField("linkQualityPct", d.linkQualityPct());
                JsonOut.time(g, "lastHeard", d.lastHeard());
                g.writeStringField("note", d.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * @param status the HTTP status
     * @param code   a machine-readable code
     * @param field  the field at fault, or null
     * @param message the sentence
     * @return {@code {"status":..,"code":..,"field":..,"error":..}}
     */
    public static String error(int status, String code, @Nullable String field, String message) {
        return JsonOut.write(g -> {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("code", code);
            g.writeStringField("field", field);
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    /**
     * Writes an incident as the intake and the console show it (id, kind, priority, district, position, state, drone,
     * alerts merged, times, reason).
     *
     * @param g the generator
     * @param i the incident
     * @throws IOException from the generator
     */
    public static void incident(JsonGenerator g, IncidentView i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("kind", i.kind().name());
        g.writeStringField("priority", i.priority().name());
        g.writeStringField("district", i.district());
        JsonOut.point(g, "position", i.position());
        g.writeStringField("state", i.state().name());
        g.writeNumberField("droneSystemId", i.droneSystemId());
        g.writeNumberField("alerts", i.alerts());
        JsonOut.time(g, "openedAt", i.openedAt());
        JsonOut.time(g, "launchedAt", i.launchedAt());
        JsonOut.time(g, "onSceneAt", i.onSceneAt());
        JsonOut.time(g, "endedAt", i.endedAt());
        g.writeStringField("reason", i.reason());
        g.writeEndObject();
    }
}

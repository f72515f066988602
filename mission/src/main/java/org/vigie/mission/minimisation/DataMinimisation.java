package org.vigie.mission.minimisation;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.io.Json;
import org.vigie.geofence.io.JsonException;

/**
 * The operator's data-minimisation choices: which ST 0601 tags leave the drone, which telemetry parts are recorded,
 * how long flight outputs are kept. Vigie has no audio path at all (no microphone is read; KLV metadata, telemetry
 * and tracks carry no sound) and no face recognition, as décret 2023-283 requires of police drones: a configuration
 * that asks for either is refused. Immutable.
 *
 * <p>JSON form (every key optional; absent keys keep the city-service default):
 * <pre>{@code {"klvTags": [5, 6, 7, 13, 14, 15], "recordedTelemetry": ["POSITION", "BATTERY"],
 *  "retentionDays": {"klv": 7, "telemetry": 7, "tracks": 7}}}</pre>
 *
 * @param klvTags   the ST 0601 tags sent
 * @param recorded  the telemetry parts recorded
 * @param retention how long outputs are kept
 */
public record DataMinimisation(KlvTagSelection klvTags, Set<TelemetryPart> recorded, RetentionPolicy retention) {

    private static final Set<String> FORBIDDEN = Set.of("audio", "sound", "microphone", "facialRecognition",
            "faceRecognition");

    /** Copies the set; rejects nulls. */
    public DataMinimisation {
        Objects.requireNonNull(klvTags, "klvTags");
        Objects.requireNonNull(retention, "retention");
        recorded = Set.copyOf(recorded);
    }

    /**
     * The city-service defaults: {@link KlvTagSelection#cityService()} (no Mission ID), recorded telemetry without
     * the camera footprint and ETA, {@link RetentionPolicy#cityService()} (7 days).
     *
     * @return the defaults
     */
    public static DataMinimisation cityService() {
        return new DataMinimisation(KlvTagSelection.cityService(), EnumSet.of(TelemetryPart.POSITION,
                TelemetryPart.VELOCITY, TelemetryPart.ATTITUDE, TelemetryPart.BATTERY, TelemetryPart.LINK_QUALITY),
                RetentionPolicy.cityService());
    }

    /**
     * Parses the JSON form over the city-service defaults.
     *
     * @param json the text
     * @return the choices
     * @throws IllegalArgumentException naming the setting: unknown keys, tags out of range, unknown telemetry parts,
     *     retention out of range, and any audio or face-recognition setting
     */
    public static DataMinimisation parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (JsonException e) {
            throw new IllegalArgumentException("data minimisation: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("data minimisation: expected an object");
        }
        DataMinimisation d = cityService();
        KlvTagSelection tags = d.klvTags();
        Set<TelemetryPart> parts = d.recorded();
        RetentionPolicy retention = d.retention();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (FORBIDDEN.contains(key)) {
                throw new IllegalArgumentException("data minimisation, " + key + ": Vigie has no audio and no face"
                        + " recognition path, and police drones may have neither (décret 2023-283)");
            }
            switch (key) {
                case "klvTags" -> tags = new KlvTagSelection(ints(v, key));
                case "recordedTelemetry" -> parts = parts(v);
                case "retentionDays" -> retention = retention(v, retention);
                default -> throw new IllegalArgumentException("data minimisation: unknown setting '" + key
                        + "' (klvTags, recordedTelemetry, retentionDays)");
            }
        }
        return new DataMinimisation(tags, parts, retention);
    }

    private static Set<Integer> ints(@Nullable Object v, String key) {
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("data minimisation, " + key + ": expected an array of tag numbers");
        }
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Double d) || d != Math.rint(d)) {
                throw new IllegalArgumentException("data minimisation, " + key + "[" + i + "]: expected an integer");
            }
            int tag = d.intValue();
            if (tag < 2 || tag > KlvTagSelection.MAX_TAG) {
                throw new IllegalArgumentException("data minimisation, " + key + "[" + i + "]: ST 0601 tag " + tag
                        + " is not an item tag (2.." + KlvTagSelection.MAX_TAG + ")");
            }
            out.add(tag);
        }
        return out;
    }

    private static Set<TelemetryPart> parts(@Nullable Object v) {
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("data minimisation, recordedTelemetry: expected an array of parts");
        }
        Set<TelemetryPart> out = EnumSet.noneOf(TelemetryPart.class);
        for (int i = 0; i < l.size(); i++) {
            try {
                out.add(TelemetryPart.valueOf(String.valueOf(l.get(i))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data minimisation, recordedTelemetry[" + i + "]: '" + l.get(i)
                        + "' is not one of " + EnumSet.allOf(TelemetryPart.class), e);
            }
        }
        return out;
    }

    private static RetentionPolicy retention(@Nullable Object v, RetentionPolicy base) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("data minimisation, retentionDays: expected an object");
        }
        Duration klv = base.klv();
        Duration telemetry = base.telemetry();
        Duration tracks = base.tracks();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Double d) || !(d > 0) || d > RetentionPolicy.MAX.toDays()) {
                throw new IllegalArgumentException("data minimisation, retentionDays." + k + ": " + e.getValue()
                        + " must be a number of days in (0, " + RetentionPolicy.MAX.toDays() + "]");
            }
            Duration days = Duration.ofMinutes(Math.round(d * 24 * 60));
            switch (k) {
                case "klv" -> klv = days;
                case "telemetry" -> telemetry = days;
                case "tracks" -> tracks = days;
                default -> throw new IllegalArgumentException("data minimisation, retentionDays: unknown kind '" + k
                        + "' (klv, telemetry, tracks)");
            }
        }
        return new RetentionPolicy(klv, telemetry, tracks);
    }
}

package org.vigie.centre;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.Button;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.centre.alert.Refusal;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;

/**
 * The intake's first step: validates an alert (refusals name the field and the limit), applies the per-source flood
 * limit and locates the alert's district. Event thread only (the flood memory is not thread-safe).
 */
final class AlertScreen {

    /** The outcome of screening one alert. */
    sealed interface Screened { }

    /**
     * A valid, admitted, located alert.
     *
     * @param where       its position
     * @param kind        the incident kind
     * @param priority    its priority
     * @param description a sentence for the record
     * @param district    the district it lies in
     */
    record Admitted(GeoPoint where, IncidentKind kind, DispatchPriority priority, String description,
                    String district) implements Screened { }

    /** @param refusal why the alert is not taken in */
    record Rejected(Refusal refusal) implements Screened { }

    private static final int ID_MAX_CHARS = 64;
    private static final int DESCRIPTION_MAX_CHARS = 200;

    private final ButtonRegistry buttons;
    private final DistrictIndex index;
    private final CentreOptions options;
    private final Map<String, ArrayDeque<Long>> floodBySource = new HashMap<>();

    AlertScreen(ButtonRegistry buttons, DistrictIndex index, CentreOptions options) {
        this.buttons = buttons;
        this.index = index;
        this.options = options;
    }

    /**
     * @param alert the alert
     * @param nowMs the monotonic clock, ms (the flood window)
     * @return admitted, or rejected with the refusal
     */
    Screened screen(Alert alert, long nowMs) {
        Screened s = alert instanceof Alert.ButtonPress p ? press(p) : caller((Alert.CallerPosition) alert);
        if (!(s instanceof Admitted a)) {
            return s;
        }
        boolean press = alert instanceof Alert.ButtonPress;
        if (!admitFlood(alert.sourceId(), nowMs)) {
            return reject(Refusal.Code.FLOOD, press ? "buttonId" : "callerId", "'" + alert.sourceId()
                    + "' sent more than " + options.floodLimit() + " alerts within "
                    + options.floodWindow().toSeconds() + " s (the flood limit); this one is not taken in");
        }
        Optional<District> district = index.locate(a.where());
        if (district.isEmpty()) {
            return reject(Refusal.Code.OUTSIDE_DISTRICTS, press ? "buttonId" : "lat", "position "
                    + a.where().latLonText() + " is outside every district of the city (" + index.districts().size()
                    + " districts)");
        }
        return new Admitted(a.where(), a.kind(), a.priority(), a.description(), district.get().name());
    }

    private Screened press(Alert.ButtonPress p) {
        String id = p.buttonId();
        if (id == null || id.isBlank()) {
            return reject(Refusal.Code.INVALID, "buttonId", "buttonId is missing or blank");
        }
        if (id.length() > ID_MAX_CHARS) {
            return reject(Refusal.Code.INVALID, "buttonId", "buttonId is " + id.length() + " characters, more than "
                    + ID_MAX_CHARS);
        }
        Optional<Button> b = buttons.find(id);
        if (b.isEmpty()) {
            return reject(Refusal.Code.UNKNOWN_BUTTON, "buttonId", "button '" + id + "' is not registered ("
                    + buttons.size() + " buttons known)");
        }
        IncidentKind kind = IncidentKind.of(b.get().kind());
        return new Admitted(b.get().position(), kind, options.policy(kind).priority(), "button " + id + " ("
                + b.get().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ") pressed", "");
    }

    private static Screened caller(Alert.CallerPosition c) {
        if (c.callerId() == null || c.callerId().isBlank() || c.callerId().length() > ID_MAX_CHARS) {
            return reject(Refusal.Code.INVALID, "callerId", "callerId must be 1.." + ID_MAX_CHARS + " characters");
        }
        if (!Double.isFinite(c.latDeg()) || c.latDeg() < -90 || c.latDeg() > 90) {
            return reject(Refusal.Code.INVALID, "lat", "lat " + c.latDeg() + " is not a latitude in "
                    + "[-90, 90] degrees");
        }
        if (!Double.isFinite(c.lonDeg()) || c.lonDeg() < -180 || c.lonDeg() > 180) {
            return reject(Refusal.Code.INVALID, "lon", "lon " + c.lonDeg() + " is not a longitude in "
                    + "[-180, 180] degrees");
        }
        if (c.priority() == null) {
            return reject(Refusal.Code.INVALID, "priority", "priority is missing (ROUTINE, URGENT or EMERGENCY)");
        }
        if (c.description() == null || c.description().isBlank()
                || c.description().length() > DESCRIPTION_MAX_CHARS) {
            return reject(Refusal.Code.INVALID, "description", "description must be 1.." + DESCRIPTION_MAX_CHARS
                    + " characters");
        }
        return new Admitted(GeoPoint.of(c.latDeg(), c.lonDeg()), IncidentKind.CALLER, c.priority(), "caller "
                + c.callerId() + ": " + c.description(), "");
    }

    private boolean admitFlood(String source, long nowMs) {
        ArrayDeque<Long> times = floodBySource.computeIfAbsent(source, k -> new ArrayDeque<>());
        long windowMs = options.floodWindow().toMillis();
        while (!times.isEmpty() && nowMs - times.peekFirst() >= windowMs) {
            times.pollFirst();
        }
        if (times.size() >= options.floodLimit()) {
            return false;
        }
        times.addLast(nowMs);
        return true;
    }

    private static Rejected reject(Refusal.Code code, String field, String message) {
        return new Rejected(new Refusal(code, field, message));
    }
}

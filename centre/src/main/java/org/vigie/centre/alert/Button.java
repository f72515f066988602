package org.vigie.centre.alert;

import java.util.Objects;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * One registered emergency button. Immutable.
 *
 * @param id       its id (1..64 printable characters)
 * @param position where it is
 * @param kind     street post or personal device
 */
public record Button(String id, GeoPoint position, ButtonKind kind) {
    /** Validates the fields. */
    public Button {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("button id '" + id + "' must be 1..64 characters");
        }
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(kind, "kind");
    }
}

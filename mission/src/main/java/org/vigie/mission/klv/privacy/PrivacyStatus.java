package org.vigie.mission.klv.privacy;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigie.mission.camera.GimbalAttitude;

/**
 * Privacy verdict for one metadata packet. Immutable.
 *
 * @param overPrivacyZone true if the camera footprint (conservatively enlarged) overlaps at least one zone
 * @param zones names of the overlapped zones, in zone order
 * @param suggestedGimbal when the policy asks for it and a clear attitude exists: a gimbal attitude (same frame as the
 *     current one) whose footprint stays out of every zone; null otherwise
 */
public record PrivacyStatus(boolean overPrivacyZone, List<String> zones, @Nullable GimbalAttitude suggestedGimbal) {

    /** Nothing private in view. */
    public static final PrivacyStatus CLEAR = new PrivacyStatus(false, List.of(), null);

    /** Copies the list. */
    public PrivacyStatus {
        zones = List.copyOf(zones);
    }
}

package org.vigie.mission.flight;

/**
 * One autopilot parameter to set, in order.
 *
 * @param name  parameter name (at most 16 characters, as MAVLink allows)
 * @param value value to set
 */
public record ParamSetting(String name, double value) {
    /** Validates the name. */
    public ParamSetting {
        if (name == null || name.isEmpty() || name.length() > 16) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be 1..16 characters");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter " + name + " value " + value + " is not finite");
        }
    }
}

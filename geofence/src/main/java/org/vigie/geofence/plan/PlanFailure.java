package org.vigie.geofence.plan;

/**
 * A refused plan.
 *
 * @param reason  the machine-readable reason
 * @param message one sentence a dispatcher can read, e.g. {@code "target 48.8700,2.3600 lies 340 m north-east of
 *                district 'Marais'"}
 */
public record PlanFailure(PlanFailureReason reason, String message) {

    /** Rejects nulls ({@link IllegalArgumentException}). */
    public PlanFailure {
        if (reason == null || message == null) {
            throw new IllegalArgumentException("reason and message must not be null");
        }
    }
}

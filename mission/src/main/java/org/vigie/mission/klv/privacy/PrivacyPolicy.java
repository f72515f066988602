package org.vigie.mission.klv.privacy;

/**
 * How privacy zones are applied. Immutable.
 *
 * @param marginM distance in metres by which zones are enlarged before testing (GPS and attitude error), zero or more
 * @param suggestGimbal whether to search a gimbal attitude that keeps the footprint out when a zone is in view
 */
public record PrivacyPolicy(double marginM, boolean suggestGimbal) {

    /** 5 m margin, flag only. */
    public static final PrivacyPolicy DEFAULT = new PrivacyPolicy(5, false);

    /**
     * Validates the policy.
     *
     * @throws IllegalArgumentException if the margin is negative or not finite
     */
    public PrivacyPolicy {
        if (!(marginM >= 0) || Double.isInfinite(marginM)) {
            throw new IllegalArgumentException("privacy margin " + marginM + " m must be zero or positive");
        }
    }
}

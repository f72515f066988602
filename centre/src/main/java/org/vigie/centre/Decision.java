package org.vigie.centre;

/**
 * What the centre does with an incident that is in no queue and has no order in progress, and why: the output of
 * {@link DispatchPolicy}. Immutable.
 */
sealed interface Decision {

    /** @return the reason, a sentence naming the drone and what it is doing */
    String reason();

    /**
     * Launch the district's ready drone.
     *
     * @param reason why
     */
    record Launch(String reason) implements Decision { }

    /**
     * Retask the district's airborne drone to this incident.
     *
     * @param reason why
     */
    record Retask(String reason) implements Decision { }

    /**
     * Queue the incident for the district's drone (priority, then age).
     *
     * @param reason why
     */
    record Queue(String reason) implements Decision { }

    /**
     * Refuse the incident: no drone can serve it.
     *
     * @param reason why
     */
    record Refuse(String reason) implements Decision { }
}

package org.vigie.centre.alert;

/** What raised an incident; the centre's policy (priority, agent approval) is chosen per kind. */
public enum IncidentKind {
    /** A button on a street post. */
    STREET_POST,
    /** A vulnerable person's personal device. */
    PERSONAL_DEVICE,
    /** A caller's position. */
    CALLER;

    /**
     * @param k a button kind
     * @return the incident kind of a press of such a button
     */
    public static IncidentKind of(ButtonKind k) {
        return k == ButtonKind.PERSONAL_DEVICE ? PERSONAL_DEVICE : STREET_POST;
    }
}

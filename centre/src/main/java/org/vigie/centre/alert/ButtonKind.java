package org.vigie.centre.alert;

/** What an emergency button is. */
public enum ButtonKind {
    /** A fixed button on a street post. */
    STREET_POST,
    /** A personal device carried by a vulnerable person (its position is the post's registered one here). */
    PERSONAL_DEVICE
}

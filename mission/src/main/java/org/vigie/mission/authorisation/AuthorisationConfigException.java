package org.vigie.mission.authorisation;

/**
 * An authorisations file that cannot be loaded: the message names the authorisation (position and id) and the field.
 * Nothing of a file that fails is loaded.
 */
public final class AuthorisationConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the sentence, naming the authorisation and field */
    public AuthorisationConfigException(String message) {
        super(message);
    }
}

package org.vigie.link;

/**
 * Completes futures that were still pending when their {@link MavlinkLink} closed. Services built on a
 * {@link MavlinkPort} use it for the same purpose.
 */
public final class LinkClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was pending, e.g. "link closed while waiting for the autopilot"
     */
    public LinkClosedException(String message) {
        super(message);
    }
}

package org.vigie.link.route;

/**
 * Observes every frame an {@link Endpoint} receives (after its input filter) or sends, e.g. a
 * {@link org.vigie.link.tlog.TlogWriter}. Called on the routing thread; must be quick and must not keep the array.
 */
@FunctionalInterface
public interface FrameTap {

    /**
     * One frame in or out.
     *
     * @param data buffer (valid only during the call)
     * @param offset first byte of the frame
     * @param length frame length in bytes
     * @param inbound true for a frame received from the endpoint, false for one written to it
     */
    void onFrame(byte[] data, int offset, int length, boolean inbound);
}

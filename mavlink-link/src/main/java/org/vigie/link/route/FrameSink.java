package org.vigie.link.route;

/**
 * Where an {@link Endpoint} writes the frames routed to it: a transport, a buffer, a log.
 *
 * <p>Called on the routing thread; must not block for long and must not keep the array.
 */
@FunctionalInterface
public interface FrameSink {

    /**
     * Writes one whole frame, exactly these bytes.
     *
     * @param data buffer (valid only during the call)
     * @param offset first byte
     * @param length frame length in bytes
     * @return true if written, false if dropped (device gone, queue full): the router counts it
     */
    boolean write(byte[] data, int offset, int length);
}

package org.vigie.link;

import org.vigie.link.codec.MavlinkFrame;

/**
 * Receives decoded messages of one type, with the frame they came in (source ids, sequence, signature).
 *
 * @param <T> dronefleet message class
 */
@FunctionalInterface
public interface MessageListener<T> {
    /**
     * One message.
     *
     * @param message the decoded message
     * @param frame the frame it was decoded from
     */
    void onMessage(T message, MavlinkFrame frame);
}

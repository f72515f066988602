package org.vigie.centre.link;

import org.vigie.centre.DispatchCentre;
import org.vigie.centre.DroneCommands;

/**
 * How the centre reaches its fleet, whatever carries the frames: orders go out by drone system id
 * ({@link DroneCommands}), and what the drones say (answers, FLIGHT_STATUS, HEARTBEAT, position, SYS_STATUS, and a
 * drone going offline) is fed to one {@link DispatchCentre}. Implementations: {@link FleetLinks} (one signed UDP link
 * per drone) and, in module {@code fleet-mqtt}, {@code MqttFleet} (the same signed frames through an MQTT 5 broker).
 * The centre is created with a {@code FleetTransport} as its {@link DroneCommands} and runs unchanged over either.
 *
 * <p>Every implementation carries the same signed MAVLink 2 frames, checks each drone's own key, and counts frames
 * dropped for a bad, missing, foreign or replayed signature ({@link #rejectedFrames}).
 *
 * <p>Threading: methods are thread-safe and return at once; what the drones say reaches the centre through its own
 * public methods (which post to its scheduler).
 */
public interface FleetTransport extends DroneCommands, AutoCloseable {

    /**
     * Says where what the drones say goes. Call once, before any drone is connected.
     *
     * @param target the centre that was created with this transport as its {@link DroneCommands}
     */
    void feed(DispatchCentre target);

    /**
     * Revokes a key: no drone connects with it again, and the drones using it are down at once.
     *
     * @param keyId the key's id
     * @return how many drones were disconnected
     */
    int revoke(String keyId);

    /**
     * @param droneSystemId a drone
     * @return frames from it dropped for a bad, missing, foreign or replayed signature (0 for an unknown drone)
     */
    long rejectedFrames(int droneSystemId);

    /** @return how many drones are connected */
    int size();

    /** Disconnects every drone and releases what the transport holds. Idempotent; never throws. */
    @Override
    void close();
}

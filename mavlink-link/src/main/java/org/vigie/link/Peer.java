package org.vigie.link;

/**
 * A MAVLink component heard on the link through its HEARTBEAT. Immutable snapshot.
 *
 * @param sysId system id
 * @param compId component id
 * @param mavType HEARTBEAT.type (MAV_TYPE) of its last heartbeat
 * @param autopilot HEARTBEAT.autopilot (MAV_AUTOPILOT) of its last heartbeat
 * @param alive false once its heartbeat has been missing for the link's peer-lost timeout
 */
public record Peer(int sysId, int compId, int mavType, int autopilot, boolean alive) {}

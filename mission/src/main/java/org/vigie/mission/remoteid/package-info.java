/**
 * Remote ID (EU 2019/945 direct remote identification; ASTM F3411 / EN 4709-002) from the companion's side:
 * {@link org.vigie.mission.remoteid.RemoteIdConfig} (operator ID, the service's self-ID, operator location, EU
 * category and class, rates), {@link org.vigie.mission.remoteid.RemoteIdMessages} (the OPEN_DRONE_ID_* MAVLink
 * messages, dronefleet's classes of the common dialect), {@link org.vigie.mission.remoteid.RemoteIdBroadcaster}
 * (sends them to the autopilot from the moment the companion attaches; started by
 * {@link org.vigie.mission.Companion#startRemoteId}).
 */
package org.vigie.mission.remoteid;

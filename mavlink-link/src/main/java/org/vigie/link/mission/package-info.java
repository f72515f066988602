/**
 * The MAVLink mission protocol client: upload, download and clear of mission, fence and rally items
 * ({@link org.vigie.link.mission.MissionTransferService}), plain item values ({@link org.vigie.link.mission.MissionItem},
 * no geometry), outcomes mapped one-to-one from MAV_MISSION_RESULT, and mission progress events (MISSION_CURRENT,
 * MISSION_ITEM_REACHED).
 */
package org.vigie.link.mission;

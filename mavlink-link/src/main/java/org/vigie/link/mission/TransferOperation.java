package org.vigie.link.mission;

/** What a transfer does. */
public enum TransferOperation {
    /** MISSION_COUNT, the autopilot requests each item, MISSION_ACK. */
    UPLOAD,
    /** MISSION_REQUEST_LIST, we request each item, we send MISSION_ACK. */
    DOWNLOAD,
    /** MISSION_CLEAR_ALL, MISSION_ACK. */
    CLEAR
}

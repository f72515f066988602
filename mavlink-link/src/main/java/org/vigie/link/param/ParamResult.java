package org.vigie.link.param;

/** Result of a parameter operation (the parameter protocol has no error codes: outcomes are decided here). */
public enum ParamResult {
    /** Read: the value arrived. Set: the echoed value equals the one set. */
    SUCCESS,
    /** Set: the autopilot echoed a different value (it refused or clamped it); the outcome carries what it kept. */
    VALUE_REJECTED,
    /** No answer after every retry. ArduCopter never answers a read of an unknown name. */
    TIMEOUT,
    /** Cancelled by the caller. */
    CANCELLED,
    /** The service (link) was closed. */
    LINK_CLOSED,
    /** The autopilot rebooted during the operation. */
    AUTOPILOT_REBOOTED
}

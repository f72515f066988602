/**
 * The MAVLink parameter protocol client ({@link org.vigie.link.param.ParamService}): read one, read all with gap
 * re-requests, set with PARAM_VALUE confirmation, ArduPilot's numeric (C-cast) and PX4's bytewise encoding of integer
 * parameters, and a cache fed by every PARAM_VALUE, including the unsolicited ones of a booting autopilot.
 */
package org.vigie.link.param;

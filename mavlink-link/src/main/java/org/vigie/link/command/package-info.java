/**
 * The MAVLink command microservice (COMMAND_LONG / COMMAND_INT / COMMAND_ACK / COMMAND_CANCEL): one
 * {@link org.vigie.link.command.CommandService} per link, ACK matching by command id and source, retries with the
 * confirmation counter, MAV_RESULT_IN_PROGRESS, cancellation, one in-flight command per (target, command id), and the
 * convenience commands a companion computer needs (arm, mode, takeoff, reposition, ROI, message intervals).
 *
 * <p>Also holds the small values the other microservices share: {@link org.vigie.link.command.Target} (which
 * autopilot we talk to, with its {@link org.vigie.link.vehicle.AutopilotFlavour}).
 */
package org.vigie.link.command;

/**
 * The companion: from a dispatch target to on scene and back home.
 *
 * <p>{@link org.vigie.mission.Companion} is the facade an onboard program embeds; {@link org.vigie.mission.Flight}
 * is the handle a dispatch returns. Values here ({@link org.vigie.dispatch.DispatchRequest},
 * {@link org.vigie.mission.FlightEvent}, {@link org.vigie.mission.FlightReport}) are immutable and thread-safe.
 * All flight logic runs on the MAVLink link's event thread; listeners and futures complete on the link's callback
 * executor.
 */
package org.vigie.mission;

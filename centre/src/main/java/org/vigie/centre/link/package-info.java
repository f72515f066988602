/**
 * The fleet on the wire: {@link org.vigie.centre.link.FleetLinks} opens one signed dispatch link per drone (its own
 * key) and feeds the centre; {@link org.vigie.centre.link.TelemetryRelay} is the drone-side relay of position,
 * battery and health onto the dispatch link.
 */
package org.vigie.centre.link;

/**
 * The simulator's MAVLink plumbing over a {@link org.vigie.link.transport.Transport}: parsing incoming bytes on the
 * transport's thread, handing frames to the simulator's scheduler, encoding outgoing frames per channel, and seeded
 * fault injection (link loss, drop, duplicate, reorder, corrupt) between the simulator and its transport.
 */
package org.vigie.sim.link;

/** The fleet link over an MQTT 5 broker: topic tree, centre-side fleet transport, drone-side bridge. */
@NullMarked
package org.vigie.fleet.mqtt;

import org.jspecify.annotations.NullMarked;

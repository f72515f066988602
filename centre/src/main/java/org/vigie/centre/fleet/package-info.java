/** The fleet's vocabulary: a drone's registration, its live state and availability, and the centre's signing keys. */
package org.vigie.centre.fleet;

/**
 * EU UAS geographical zones in the ED-269 JSON format (EU 2019/947 art. 15; EASA's acceptable means of compliance):
 * {@link org.vigie.geofence.ed269.Ed269Reader} reads a file all or nothing, with errors naming the zone and field;
 * {@link org.vigie.geofence.ed269.UasZone} and its parts are the values; {@link org.vigie.geofence.ed269.Applicability}
 * says when a zone applies (permanent, dated, daily schedules in a time zone); {@link
 * org.vigie.geofence.ed269.GeozoneOverlay} turns the zones that restrict the operator during a flight window into
 * exclusion zones or a lower ceiling of a district, or blocks the flight naming the zone. Pure: no clock, no I/O
 * beyond reading the file.
 */
package org.vigie.geofence.ed269;

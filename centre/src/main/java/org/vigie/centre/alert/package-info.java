/**
 * Alerts before they become incidents: emergency buttons and their registry, caller positions, the district index
 * (JTS STRtree over every district) and intake refusals.
 */
package org.vigie.centre.alert;

/**
 * The agents' web console, served by the centre's HTTP layer under {@code /console/}: a map of the districts, the
 * fleet and the incidents pushed live by Server-Sent Events at a bounded rate, and the agents' actions (approve,
 * cancel, recall, retask to a point), each authenticated by the agent's own token and recorded by the centre.
 */
@NullMarked
package org.vigie.centre.console;

import org.jspecify.annotations.NullMarked;

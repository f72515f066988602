/**
 * The work-queue kernel under the command, mission-transfer and parameter services: {@link org.vigie.link.work.WorkQueue}
 * runs {@link org.vigie.link.work.WorkItem}s one at a time, each started at most once and finished exactly once, with
 * its own deadline and retry count. Event thread only; no locks.
 */
package org.vigie.link.work;

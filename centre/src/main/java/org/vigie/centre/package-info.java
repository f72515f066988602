/**
 * The dispatch centre: {@link org.vigie.centre.DispatchCentre} takes alerts (buttons, callers), opens and merges
 * incidents, decides with reasons which drone flies (launch, queue, retask, refuse, cancel, recall), involves the
 * on-duty agents ({@link org.vigie.centre.Roster}, {@link org.vigie.centre.KindPolicy}) and records every decision
 * and agent action through a {@link org.vigie.centre.CentreRecorder}. Pure logic on an injected scheduler; the
 * fleet's links are in {@code org.vigie.centre.link}, the HTTP intake in {@code org.vigie.centre.http}.
 */
package org.vigie.centre;


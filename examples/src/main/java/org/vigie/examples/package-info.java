/**
 * Runnable programs: {@link org.vigie.examples.QuickStart} (a complete dispatch flight over a real Paris quartier on the
 * embedded simulator, no hardware) and {@link org.vigie.examples.CompanionMain} (the same flight against a real
 * autopilot or the standalone simulator, from a connection string and a district file).
 */
package org.vigie.examples;

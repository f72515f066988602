/**
 * Shared test fixtures for the microservice tests: {@link org.vigie.link.testkit.TestPort} (a real-encoding port on a
 * manual scheduler), {@link org.vigie.link.testkit.FakeAutopilot} (ArduCopter 4.7's mission, command and parameter
 * behaviour), {@link org.vigie.link.testkit.ReplayAutopilot} (the autopilot side of a captured session, frame for
 * frame), {@link org.vigie.link.testkit.LossyLink} (seeded drop, corrupt, duplicate, reorder) and
 * {@link org.vigie.link.testkit.UploadTrials} (the loss measurement).
 */
package org.vigie.link.testkit;

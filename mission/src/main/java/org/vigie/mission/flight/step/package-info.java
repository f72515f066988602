/**
 * The work items of a flight, one class per phase step, in the shape of MAVSDK's mission-transfer work items: each
 * has its own stages, deadline and retries, starts once and finishes once ({@link
 * org.vigie.mission.flight.step.FlightStep}), reacts to its commands' and transfers' results as they arrive on the
 * event thread and judges telemetry and deadlines at the decision tick. A result for a finished (superseded) step is
 * dropped by the step itself. Steps ask the state machine through {@link org.vigie.mission.flight.step.StepHost}; they
 * never change the phase themselves.
 *
 * <p>PREFLIGHT {@link org.vigie.mission.flight.step.PreflightStep}; UPLOAD {@link
 * org.vigie.mission.flight.step.FenceUploadStep} (the fence export is made in its {@code export} method), {@link
 * org.vigie.mission.flight.step.FenceParamsStep}, {@link org.vigie.mission.flight.step.MissionUploadStep}; ARM {@link
 * org.vigie.mission.flight.step.ArmStep}; TAKEOFF {@link org.vigie.mission.flight.step.TakeoffStep}; TRANSIT and RETURN
 * {@link org.vigie.mission.flight.step.LegStep}; ON_SCENE {@link org.vigie.mission.flight.step.OnSceneStep}; LAND {@link
 * org.vigie.mission.flight.step.LandStep}; braking for a predicted breach {@link
 * org.vigie.mission.flight.step.BrakeStep}. Event thread only.
 */
package org.vigie.mission.flight.step;

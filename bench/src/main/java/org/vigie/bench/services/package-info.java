/**
 * JMH benchmarks of the MAVLink microservices (mission transfer) against the simulated autopilot.
 */
package org.vigie.bench.services;

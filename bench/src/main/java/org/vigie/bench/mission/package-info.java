/**
 * Benchmarks and studies of the companion: dispatch-to-takeoff latency over UDP loopback to the simulator (beside an
 * in-memory baseline), and alert-to-on-scene time against its physical lower bound.
 */
package org.vigie.bench.mission;

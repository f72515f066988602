/** JMH benchmarks of the simulator: many simulated vehicles in one JVM, beside a single-vehicle baseline. */
package org.vigie.bench.sim;

/** JMH benchmarks of the MISB ST 0601 metadata path, each beside jmisb's encoder as baseline. */
package org.vigie.bench.misb;

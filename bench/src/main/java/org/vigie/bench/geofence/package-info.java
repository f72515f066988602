/**
 * JMH benchmarks of the geofence module, each beside its baseline: cached versus uncached planning in a real quartier
 * with 10 exclusion zones, all of Paris as one district, containment checks, and planner cost growth with vertex
 * count.
 */
package org.vigie.bench.geofence;

/** The dispatch centre's city simulation: {@link org.vigie.bench.centre.CitySimulationStudy}. */
package org.vigie.bench.centre;

/**
 * Files a person or a GIS tool can open after a flight: the flight report as JSON, a GeoJSON (RFC 7946) of the
 * district, its exclusion and privacy zones, the planned and flown tracks, and a self-contained SVG map of the same.
 * Hand-written, dependency-free, deterministic (same input, same bytes). Pure functions returning strings, plus
 * helpers that write them to a folder.
 */
package org.vigie.mission.output;

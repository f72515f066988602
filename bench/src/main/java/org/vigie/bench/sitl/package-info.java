/**
 * Studies against the real ArduCopter SITL ({@code ../shared/sitl}), each beside Vigie's simulator in the same run:
 * {@link org.vigie.bench.sitl.SitlDispatchStudy} (dispatch to take-off, climb and on scene; fence and mission upload).
 */
package org.vigie.bench.sitl;

/**
 * The drone's end of the signed dispatch link: {@link org.vigie.mission.dispatch.DispatchServer} runs beside the
 * {@link org.vigie.mission.Companion}, turns DISPATCH, RETASK and CANCEL orders (protocol in
 * {@link org.vigie.dispatch}) into flights, answers with ACKs and reports FLIGHT_STATUS.
 */
package org.vigie.mission.dispatch;

/**
 * Authorisations to fly (for a police or city service in France, the prefectoral authorisation of décret 2023-283):
 * {@link org.vigie.mission.authorisation.Authorisation} (issuer, district, validity, area, ED-269 zones covered),
 * {@link org.vigie.mission.authorisation.Authorisations} (the district configuration's list, read from JSON, and the
 * check a dispatch passes), {@link org.vigie.mission.authorisation.AuthorisationDecision}. A dispatch names its
 * authorisation ({@link org.vigie.dispatch.DispatchRequest#authorisationId()}), so every record made from the request
 * carries it.
 */
package org.vigie.mission.authorisation;

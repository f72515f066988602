/**
 * The centre's HTTP/JSON intake on the JDK's server: {@link org.vigie.centre.http.CentreHttpServer} (POST /alerts,
 * GET /incidents/{id}, GET /fleet, GET /openapi.yaml, bearer token, body limit) and its JSON
 * ({@link org.vigie.centre.http.CentreJson}, Jackson streaming core).
 */
package org.vigie.centre.http;

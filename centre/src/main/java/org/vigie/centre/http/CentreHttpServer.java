package org.vigie.centre.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.IncidentView;
import org.vigie.centre.IntakeResult;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.Refusal;

/**
 * The centre's HTTP/JSON intake for systems that are not Java, on the JDK's {@code com.sun.net.httpserver}:
 *
 * <ul>
 *   <li>{@code POST /alerts}: a button press or a caller's position ({@link CentreJson#readAlert}); 201 with the
 *       incident opened, 200 with the incident it joined; 400 for a malformed or invalid body (the field named),
 *       422 for an unknown button or a position outside every district, 429 over the flood limit, 413 over
 *       {@code maxBodyBytes}, 415 when the body is not {@code application/json};</li>
 *   <li>{@code GET /incidents/{id}}: 200 with the incident, 404 when unknown;</li>
 *   <li>{@code GET /fleet}: 200 with every drone's state;</li>
 *   <li>{@code GET /openapi.yaml}: this API's OpenAPI 3 description (no token needed).</li>
 * </ul>
 * Every other request needs {@code Authorization: Bearer <token>} (401 otherwise); a wrong method gets 405 with
 * {@code Allow}. Errors are JSON: {@code {"status":400,"code":"INVALID","field":"lat","error":"..."}}. Every answer is
 * counted by status ({@link #count}).
 *
 * <p>Threading: requests run on the server's own small pool and wait (bounded) for the centre's futures; the centre's
 * state stays on its event thread.
 */
public final class CentreHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentreHttpServer.class);
    private static final String OPENAPI_RESOURCE = "/org/vigie/centre/http/openapi.yaml";

    private final HttpServer server;
    private final ExecutorService pool;
    private final DispatchCentre centre;
    private final byte[] token;
    private final int maxBodyBytes;
    private final Duration answerTimeout;
    private final byte[] openApi;
    private final AtomicLongArray byStatus = new AtomicLongArray(600);

    private CentreHttpServer(DispatchCentre centre, InetSocketAddress address, String token, int maxBodyBytes,
                             Duration answerTimeout, int threads) throws IOException {
        this.centre = Objects.requireNonNull(centre, "centre");
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the bearer token must be at least 16 characters");
        }
        if (maxBodyBytes < 64 || maxBodyBytes > 1_048_576) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " is not in 64..1048576");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads " + threads + " is not in 1..64");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
        try (InputStream in = CentreHttpServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            this.openApi = Objects.requireNonNull(in, "openapi.yaml is bundled").readAllBytes();
        }
        this.server = HttpServer.create(address, 64);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "centre-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Starts the server.
     *
     * @param centre        the centre
     * @param address       where to listen (port 0: any free port, see {@link #port()})
     * @param token         the bearer token clients must send (at least 16 characters)
     * @param maxBodyBytes  the largest request body accepted, 64..1,048,576 bytes
     * @param answerTimeout how long a request waits for the centre
     * @param threads       request threads, 1..64
     * @return the running server
     * @throws IOException              if the address cannot be bound
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static CentreHttpServer start(DispatchCentre centre, InetSocketAddress address, String token,
                                         int maxBodyBytes, Duration answerTimeout, int threads) throws IOException {
        CentreHttpServer s = new CentreHttpServer(centre, address, token, maxBodyBytes, answerTimeout, threads);
        s.server.start();
        return s;
    }

    /** @return the port listened on */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves another part of the centre (the agents' console) under a path prefix, on the same port and threads. Its
     * handler does its own authentication and answers; this server's bearer token is not asked for there.
     *
     * @param pathPrefix the prefix, such as {@code "/console"} (requests under it go to the handler)
     * @param handler    the handler
     * @throws IllegalArgumentException if the prefix does not start with '/' or is "/" itself
     */
    public void mount(String pathPrefix, com.sun.net.httpserver.HttpHandler handler) {
        if (!pathPrefix.startsWith("/") || pathPrefix.length() < 2) {
            throw new IllegalArgumentException("path prefix '" + pathPrefix + "' must start with '/' and name a path");
        }
        server.createContext(pathPrefix, Objects.requireNonNull(handler, "handler"));
    }

    /** @param status an HTTP status @return how many answers had it */
    public long count(int status) {
        return status >= 0 && status < 600 ? byStatus.get(status) : 0;
    }

    /** Stops listening and ends the request threads. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/openapi.yaml")) {
                if (!method.equals("GET")) {
                    notAllowed(ex, "GET");
                    return;
                }
                send(ex, 200, "application/yaml", openApi);
                return;
            }
            if (!authorised(ex)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"vigie-centre\"");
                error(ex, 401, "UNAUTHORISED", null, "a valid 'Authorization: Bearer <token>' header is required");
                return;
            }
            if (path.equals("/alerts")) {
                if (!method.equals("POST")) {
                    notAllowed(ex, "POST");
                    return;
                }
                postAlert(ex);
            } else if (path.equals("/fleet")) {
                if (!method.equals("GET")) {
                    notAllowed(ex, "GET");
                    return;
                }
                json(ex, 200, CentreJson.fleet(centre.fleet().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)));
            } else if (path.startsWith("/incidents/") && path.length() > "/incidents/".length()) {
                if (!method.equals("GET")) {
                    notAllowed(ex, "GET");
                    return;
                }
                String id = path.substring("/incidents/".length());
                Optional<IncidentView> v = centre.incident(id).get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (v.isPresent()) {
                    json(ex, 200, CentreJson.incident(v.get()));
                } else {
                    error(ex, 404, "UNKNOWN_INCIDENT", "id", "incident '" + id + "' is unknown");
                }
            } else {
                error(ex, 404, "NOT_FOUND", null, "no resource at " + path + " (see /openapi.yaml)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 503, "UNAVAILABLE", null, "the server is stopping");
        } catch (java.util.concurrent.TimeoutException e) {
            error(ex, 503, "UNAVAILABLE", null, "the centre did not answer within " + answerTimeout.toMillis()
                    + " ms");
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            LOG.error("request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            error(ex, 500, "INTERNAL", null, "internal error: " + e);
        }
    }

    private void postAlert(HttpExchange ex) throws IOException, InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(ex, 415, "UNSUPPORTED_MEDIA_TYPE", null, "the body must be application/json, was " + type);
            return;
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n > maxBodyBytes) {
                error(ex, 413, "TOO_LARGE", null, "the body is " + n + " bytes, more than the limit of "
                        + maxBodyBytes);
                return;
            }
        }
        byte[] body = ex.getRequestBody().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            error(ex, 413, "TOO_LARGE", null, "the body is more than the limit of " + maxBodyBytes + " bytes");
            return;
        }
        Alert alert;
        try {
            alert = CentreJson.readAlert(new String(body, StandardCharsets.UTF_8));
        } catch (CentreJson.BadRequest e) {
            error(ex, 400, "INVALID", e.field(), String.valueOf(e.getMessage()));
            return;
        }
        IntakeResult r = centre.submit(alert).get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r instanceof IntakeResult.Opened o) {
            ex.getResponseHeaders().add("Location", "/incidents/" + o.incident().id());
            json(ex, 201, CentreJson.intake("opened", o.incident()));
        } else if (r instanceof IntakeResult.Merged m) {
            ex.getResponseHeaders().add("Location", "/incidents/" + m.incident().id());
            json(ex, 200, CentreJson.intake("merged", m.incident()));
        } else {
            Refusal f = ((IntakeResult.Refused) r).refusal();
            int status = switch (f.code()) {
                case INVALID -> 400;
                case UNKNOWN_BUTTON, OUTSIDE_DISTRICTS -> 422;
                case FLOOD -> 429;
            };
            error(ex, status, f.code().name(), f.field(), f.message());
        }
    }

    private boolean authorised(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, h.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private void notAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().add("Allow", allow);
        error(ex, 405, "METHOD_NOT_ALLOWED", null, ex.getRequestMethod() + " is not allowed here; use " + allow);
    }

    private void error(HttpExchange ex, int status, String code, @Nullable String field, String message)
            throws IOException {
        json(ex, status, CentreJson.error(status, code, field, message));
    }

    private void json(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        byStatus.incrementAndGet(status);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}

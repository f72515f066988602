package org.vigie.centre.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.IncidentView;
import org.vigie.centre.fleet.DroneState;

/**
 * The live picture pushed to the consoles by Server-Sent Events: every {@code periodMs} it samples the centre's
 * fleet and incidents, and when anything changed it sends one {@code state} event to every connected page, so no
 * page gets more than one event per period however fast the drones report (the bounded rate). A comment line every
 * 15 s keeps idle connections open; a page whose connection fails is dropped (it reconnects by itself: the stream
 * opens with {@code retry: 1000}).
 *
 * <p>Threading: one daemon thread of its own samples and writes; {@link #attach} and {@link #detail} may be called
 * from the request threads.
 */
final class ConsoleFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeed.class);
    private static final long KEEPALIVE_MS = 15_000;

    private record Client(HttpExchange exchange, OutputStream out) {
    }

    private final DispatchCentre centre;
    private final Clock clock;
    private final Duration answerTimeout;
    private final ScheduledExecutorService thread;
    private final CopyOnWriteArrayList<Client> clients = new CopyOnWriteArrayList<>();
    private final FlightLog log = new FlightLog();
    private final ConsoleJson.Cameras cameras;
    private final AtomicLong pushes = new AtomicLong();
    private volatile List<DroneState> lastFleet = List.of();
    private volatile @Nullable String lastState;
    private long seq;
    private long lastWriteMs;

    ConsoleFeed(DispatchCentre centre, Footprints footprints, Clock clock, long periodMs, Duration answerTimeout) {
        this.centre = Objects.requireNonNull(centre, "centre");
        this.cameras = new ConsoleJson.Cameras(footprints, new PrivacyCheck(centre.districts().districts()));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
        if (periodMs < 50 || periodMs > 60_000) {
            throw new IllegalArgumentException("periodMs " + periodMs + " is not in 50..60000");
        }
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-feed");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::tick, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    /** @return the cameras' footprints and the privacy check */
    ConsoleJson.Cameras cameras() {
        return cameras;
    }

    /** @return state events sent (all pages together) */
    long pushes() {
        return pushes.get();
    }

    /** @return pages connected now */
    int clients() {
        return clients.size();
    }

    /**
     * Takes a page's event stream: answers 200 text/event-stream and keeps the exchange open for the feed's thread.
     *
     * @param ex the request (not closed here)
     * @throws IOException when the headers cannot be sent
     */
    void attach(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        Client c = new Client(ex, out);
        thread.execute(() -> {
            String s = lastState;
            if (write(c, "retry: 1000\n\n") && (s == null || write(c, event(s)))) {
                clients.add(c);
            }
        });
    }

    /**
     * @param incidentId an incident
     * @param records    the recorded actions about it
     * @return its detail JSON, or empty when unknown
     */
    Optional<String> detail(String incidentId, List<org.vigie.centre.CentreRecord> records) throws Exception {
        Optional<IncidentView> v = centre.incident(incidentId).get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        int droneId = v.get().droneSystemId();
        DroneState drone = lastFleet.stream().filter(d -> d.drone().systemId() == droneId).findFirst().orElse(null);
        return Optional.of(thread.submit(() -> ConsoleJson.incidentDetail(v.get(), drone, log, cameras, records))
                .get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void tick() {
        try {
            List<DroneState> fleet = centre.fleet().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            List<IncidentView> incidents = centre.incidents().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            lastFleet = fleet;
            java.time.Instant now = clock.instant();
            for (DroneState d : fleet) {
                log.sample(d, now);
            }
            String body = ConsoleJson.state(fleet, incidents, log, cameras);
            long nowMs = System.nanoTime() / 1_000_000;
            if (!body.equals(lastState)) {
                lastState = body;
                seq++;
                String e = event(body);
                for (Client c : clients) {
                    if (write(c, e)) {
                        pushes.incrementAndGet();
                    }
                }
                lastWriteMs = nowMs;
            } else if (nowMs - lastWriteMs >= KEEPALIVE_MS) {
                for (Client c : clients) {
                    write(c, ": keep-alive\n\n");
                }
                lastWriteMs = nowMs;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("console feed: the centre's state could not be sampled: {}", e.toString());
        }
    }

    private String event(String state) {
        return "id: " + seq + "\nevent: state\ndata: " + state + "\n\n";
    }

    private boolean write(Client c, String text) {
        try {
            c.out().write(text.getBytes(StandardCharsets.UTF_8));
            c.out().flush();
            return true;
        } catch (IOException e) {
            clients.remove(c);
            c.exchange().close();
            return false;
        }
    }

    /** Stops sampling and ends every page's stream (the pages reconnect). Idempotent. */
    @Override
    public void close() {
        thread.shutdownNow();
        for (Client c : clients) {
            c.exchange().close();
        }
        clients.clear();
    }
}

package org.vigie.centre.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.vigie.centre.CentreRecord;
import org.vigie.centre.CentreRecorder;

/**
 * A {@link CentreRecorder} that passes every record on to the real trail and keeps the latest ones for the console
 * (per incident, for the incident view; and the whole stream, bounded). Install it as the centre's recorder.
 *
 * <p>Threading: {@link #record} is called on the centre's event thread only (one writer); the readers may be called
 * from any thread and see each record once it is added (concurrent collections, no lock).
 */
public final class ConsoleRecorder implements CentreRecorder {

    private final CentreRecorder next;
    private final int keepPerIncident;
    private final int keepIncidents;
    private final int keepRecent;
    private final Map<String, ConcurrentLinkedDeque<CentreRecord>> byIncident = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> incidentOrder = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<CentreRecord> recent = new ConcurrentLinkedDeque<>();
    private int recentSize;

    /**
     * @param next            the real trail (every record goes there first)
     * @param keepPerIncident records kept per incident, 1..10,000
     * @param keepIncidents   incidents kept (the oldest forgotten first), 1..100,000
     * @param keepRecent      latest records kept overall, 1..100,000
     */
    public ConsoleRecorder(CentreRecorder next, int keepPerIncident, int keepIncidents, int keepRecent) {
        this.next = Objects.requireNonNull(next, "next");
        if (keepPerIncident < 1 || keepPerIncident > 10_000 || keepIncidents < 1 || keepIncidents > 100_000
                || keepRecent < 1 || keepRecent > 100_000) {
            throw new IllegalArgumentException("keepPerIncident " + keepPerIncident + " (1..10000), keepIncidents "
                    + keepIncidents + " (1..100000), keepRecent " + keepRecent + " (1..100000)");
        }
        this.keepPerIncident = keepPerIncident;
        this.keepIncidents = keepIncidents;
        this.keepRecent = keepRecent;
    }

    /** @param record passed on, then kept */
    @Override
    public void record(CentreRecord record) {
        next.record(record);
        recent.addLast(record);
        if (++recentSize > keepRecent) {
            recent.pollFirst();
            recentSize--;
        }
        String id = record.incidentId();
        if (id != null) {
            ConcurrentLinkedDeque<CentreRecord> q = byIncident.get(id);
            if (q == null) {
                q = new ConcurrentLinkedDeque<>();
                byIncident.put(id, q);
                incidentOrder.addLast(id);
                if (byIncident.size() > keepIncidents) {
                    String oldest = incidentOrder.pollFirst();
                    if (oldest != null) {
                        byIncident.remove(oldest);
                    }
                }
            }
            q.addLast(record);
            if (q.size() > keepPerIncident) {
                q.pollFirst();
            }
        }
    }

    /** @param incidentId an incident @return its kept records, oldest first (empty when none) */
    public List<CentreRecord> forIncident(String incidentId) {
        ConcurrentLinkedDeque<CentreRecord> q = byIncident.get(incidentId);
        return q == null ? List.of() : List.copyOf(q);
    }

    /** @return the latest records, oldest first */
    public List<CentreRecord> recent() {
        return new ArrayList<>(recent);
    }
}

package org.vigie.mission.minimisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The incidents whose flight outputs are evidence: never deleted by retention while held. Optionally kept in a file
 * (one {@code alertId<TAB>reason} line each, replaced atomically on every change) so holds survive a restart.
 *
 * <p>Thread-safe: the map and the file are changed under this object's monitor (holds are rare operator actions).
 */
public final class EvidenceHolds {

    private final @Nullable Path file;
    private final Map<String, String> holds = new TreeMap<>();

    private EvidenceHolds(@Nullable Path file) {
        this.file = file;
    }

    /** @return holds kept in memory only */
    public static EvidenceHolds inMemory() {
        return new EvidenceHolds(null);
    }

    /**
     * Opens (or creates on the first hold) a holds file.
     *
     * @param file the file
     * @return the holds it lists
     * @throws IOException if it exists and cannot be read
     * @throws IllegalArgumentException naming the line of a malformed file
     */
    public static EvidenceHolds open(Path file) throws IOException {
        EvidenceHolds h = new EvidenceHolds(file);
        if (Files.exists(file)) {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalArgumentException(file + " line " + n + ": expected alertId<TAB>reason");
                }
                h.holds.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return h;
    }

    /**
     * Marks an incident as evidence.
     *
     * @param alertId the incident (the dispatch's alert id)
     * @param reason  why (a procedure reference), 1 to 200 characters
     * @throws IOException if the file cannot be written (the hold is then not recorded)
     * @throws IllegalArgumentException on a blank id or reason, or a control character
     */
    public synchronized void hold(String alertId, String reason) throws IOException {
        String id = text("alertId", alertId, 64);
        String why = text("reason", reason, 200);
        String before = holds.put(id, why);
        try {
            persist();
        } catch (IOException e) {
            if (before == null) {
                holds.remove(id);
            } else {
                holds.put(id, before);
            }
            throw e;
        }
    }

    /**
     * Releases a hold (retention applies again at the next sweep).
     *
     * @param alertId the incident
     * @throws IOException if the file cannot be written (the hold then stays)
     */
    public synchronized void release(String alertId) throws IOException {
        String before = holds.remove(alertId);
        if (before == null) {
            return;
        }
        try {
            persist();
        } catch (IOException e) {
            holds.put(alertId, before);
            throw e;
        }
    }

    /**
     * @param alertId an incident
     * @return the reason it is held, if it is
     */
    public synchronized Optional<String> reason(String alertId) {
        return Optional.ofNullable(holds.get(alertId));
    }

    /** @return a copy of the holds: alert id to reason */
    public synchronized Map<String, String> all() {
        return Map.copyOf(holds);
    }

    private void persist() throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        holds.forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(String name, String v, int max) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is missing or blank");
        }
        String s = v.strip();
        if (s.length() > max) {
            throw new IllegalArgumentException(name + " is " + s.length() + " characters, more than " + max);
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException(name + " has a control character at index " + i);
            }
        }
        return s;
    }
}

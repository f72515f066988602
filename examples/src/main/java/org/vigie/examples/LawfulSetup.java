package org.vigie.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.ed269.Ed269Reader;
import org.vigie.geofence.ed269.UasZone;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.authorisation.Authorisations;
import org.vigie.mission.compliance.ComplianceGate;
import org.vigie.mission.compliance.DispatchGate;
import org.vigie.mission.compliance.FlightWindow;
import org.vigie.mission.compliance.GateDecision;
import org.vigie.mission.minimisation.DataMinimisation;
import org.vigie.mission.minimisation.EvidenceHolds;
import org.vigie.mission.minimisation.KlvTagSelection;
import org.vigie.mission.minimisation.RetentionEvent;
import org.vigie.mission.minimisation.RetentionPolicy;
import org.vigie.mission.minimisation.RetentionSweeper;
import org.vigie.mission.minimisation.TelemetryPart;
import org.vigie.mission.remoteid.RemoteIdConfig;

/**
 * Turns the launcher's {@link LawfulOptions} into what the companion applies: reads the ED-269 and authorisation files
 * into a {@link ComplianceGate}, builds the {@link RemoteIdConfig} (operator location: the district home unless
 * given), resolves the data-minimisation choices, and sweeps the output folder for expired outputs (each deletion a
 * line of {@code <out>/retention.jsonl}, the retention audit trail). Everything is read before anything is changed:
 * a bad file stops the launcher with a sentence naming the option and the problem. Stateless; runs on the caller's
 * thread.
 */
final class LawfulSetup {

    /** The retention audit trail, directly under the output folder (never swept). */
    static final String RETENTION_LOG = "retention.jsonl";
    /** The evidence holds file under the output folder when {@code --evidence-holds} is absent. */
    static final String DEFAULT_HOLDS = "evidence-holds.tsv";

    /**
     * What the launcher applies.
     *
     * @param gate      the dispatch gate, or null when neither zones nor authorisations are configured
     * @param remoteId  the Remote ID configuration, or null
     * @param klvTags   the ST 0601 tags sent
     * @param recorded  the telemetry parts recorded in telemetry.jsonl, or null for every part
     * @param retention the retention policy swept at start, or null for none
     */
    record Lawful(@Nullable DispatchGate gate, @Nullable RemoteIdConfig remoteId, KlvTagSelection klvTags,
                  @Nullable Set<TelemetryPart> recorded, @Nullable RetentionPolicy retention) {}

    private LawfulSetup() {
    }

    /**
     * Reads the configured files.
     *
     * @param o        the options
     * @param district the district flown
     * @param out      where the gate's notes are printed (authorisation flown under, zones applied)
     * @return what to apply
     * @throws IllegalArgumentException naming the option and what is wrong with its file
     */
    static Lawful prepare(LawfulOptions o, District district, PrintStream out) {
        DispatchGate gate = null;
        if (o.zonesFile() != null || o.authorisationsFile() != null) {
            List<UasZone> zones = o.zonesFile() == null ? List.of() : read("--zones", o.zonesFile(),
                    Ed269Reader::read);
            Authorisations auth = o.authorisationsFile() == null ? Authorisations.notRequired()
                    : read("--authorisations", o.authorisationsFile(), Authorisations::read);
            if (o.authorisationId() != null && auth.find(o.authorisationId()).isEmpty()) {
                throw new IllegalArgumentException("--authorisation " + o.authorisationId() + " is not in "
                        + o.authorisationsFile());
            }
            gate = printingNotes(new ComplianceGate(auth, zones, o.homeAmslM(), o.waivers(), FlightWindow.defaults()),
                    out);
        }
        RemoteIdConfig rid = null;
        if (o.operatorId() != null && o.selfId() != null) {
            GeoPoint where = o.operatorLocation() != null ? o.operatorLocation() : district.home();
            try {
                rid = RemoteIdConfig.cityService(o.operatorId(), o.selfId(), where, o.homeAmslM());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Remote ID (--operator-id, --self-id, --operator-location): "
                        + e.getMessage(), e);
            }
        }
        DataMinimisation file = o.minimisationFile() == null ? null : read("--minimisation", o.minimisationFile(),
                p -> DataMinimisation.parse(Files.readString(p, StandardCharsets.UTF_8)));
        KlvTagSelection tags = o.klvTags() != null ? o.klvTags()
                : file != null ? file.klvTags() : KlvTagSelection.all();
        RetentionPolicy retention = o.retentionDays() != null
                ? uniform(o.retentionDays()) : file != null ? file.retention() : null;
        return new Lawful(gate, rid, tags, file == null ? null : Set.copyOf(file.recorded()), retention);
    }

    /**
     * Holds the incidents given with {@code --hold}, then deletes the outputs older than the retention policy, except
     * held incidents; each deletion is appended to {@code <out>/retention.jsonl}, recorded in the audit trail and
     * counted on {@code out}.
     *
     * @param o         the options
     * @param retention the policy, or null to only record the holds
     * @param outDir    the output folder (one folder per incident)
     * @param clock     the time now (the wall clock: file times are wall times)
     * @param out       progress output
     * @param audit     where each deletion is recorded (the companion's audit trail)
     * @throws IOException if the holds file or the trail cannot be written, or the folder listed
     */
    static void sweep(LawfulOptions o, @Nullable RetentionPolicy retention, Path outDir, Supplier<Instant> clock,
                      PrintStream out, java.util.function.Consumer<RetentionEvent> audit) throws IOException {
        if (retention == null && o.holds().isEmpty() && o.holdsFile() == null) {
            return;
        }
        EvidenceHolds holds = EvidenceHolds.open(o.holdsFile() != null ? o.holdsFile()
                : outDir.resolve(DEFAULT_HOLDS));
        for (Map.Entry<String, String> h : o.holds().entrySet()) {
            holds.hold(h.getKey(), h.getValue());
        }
        if (retention == null) {
            return;
        }
        Path trail = outDir.resolve(RETENTION_LOG);
        List<String> lines = new ArrayList<>();
        RetentionSweeper.SweepReport r = new RetentionSweeper(outDir, retention, holds, clock,
                e -> {
                    lines.add(json(e));
                    audit.accept(e);
                }).sweep();
        if (!lines.isEmpty()) {
            Files.write(trail, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        out.printf(Locale.ROOT, "Retention (KLV %d d, telemetry %d d, tracks %d d): %d output(s) deleted, %d kept as"
                        + " evidence%s%n", retention.klv().toDays(), retention.telemetry().toDays(),
                retention.tracks().toDays(), r.deleted().size(), r.keptAsEvidence().size(),
                r.failed().isEmpty() ? "" : ", " + r.failed().size() + " could not be deleted (see " + trail + ")");
    }

    private static RetentionPolicy uniform(int days) {
        java.time.Duration d = java.time.Duration.ofDays(days);
        return new RetentionPolicy(d, d, d);
    }

    private static DispatchGate printingNotes(DispatchGate gate, PrintStream out) {
        return (request, district, now) -> {
            GateDecision d = gate.decide(request, district, now);
            if (d instanceof GateDecision.Cleared c && !c.notes().isEmpty()) {
                out.println(request.alertId() + ": lawful: " + String.join("; ", c.notes()));
            }
            return d;
        };
    }

    /** A file reader that may fail. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> T read(String option, Path file, Reader<T> reader) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + ": " + (Files.isDirectory(file)
                    ? "is a folder, not a file" : "does not exist (looked for " + file.toAbsolutePath() + ")"));
        }
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static String json(RetentionEvent e) {
        StringBuilder b = new StringBuilder("{\"at\":\"").append(e.at()).append("\",\"alertId\":")
                .append(quote(e.alertId())).append(",\"file\":").append(quote(e.file().toString()));
        if (e instanceof RetentionEvent.Deleted d) {
            b.append(",\"event\":\"DELETED\",\"kind\":\"").append(d.kind()).append("\",\"ageS\":")
                    .append(d.age().toSeconds()).append(",\"bytes\":").append(d.bytes());
        } else if (e instanceof RetentionEvent.DeletionFailed f) {
            b.append(",\"event\":\"DELETION_FAILED\",\"error\":").append(quote(f.error()));
        }
        return b.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

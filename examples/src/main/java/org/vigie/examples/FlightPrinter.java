package org.vigie.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.vigie.dispatch.FlightPhase;
import java.util.function.Consumer;
import org.vigie.mission.FlightEvent;

/** Prints flight events for a person: phases as they happen, a progress line every few seconds, warnings. */
final class FlightPrinter implements Consumer<FlightEvent> {

    private final PrintStream out;
    private final Instant start;
    private final long progressEveryS;
    private long lastProgressS = -1_000_000;

    FlightPrinter(PrintStream out, Instant start, long progressEveryS) {
        this.out = out;
        this.start = start;
        this.progressEveryS = progressEveryS;
    }

    private String t(Instant at) {
        return String.format(Locale.ROOT, "T+%6.1fs", Duration.between(start, at).toMillis() / 1000.0);
    }

    @Override
    public void accept(FlightEvent e) {
        if (e instanceof FlightEvent.PhaseChanged p) {
            // the terminal ABORTED phase is also where a refused dispatch ends: the launcher's last line says which
            String label = p.to() == FlightPhase.ABORTED ? (p.from().isAirborne() ? "STOPPED" : "NOT FLOWN")
                    : p.to().toString();
            out.printf(Locale.ROOT, "%s  %-9s %s%n", t(p.at()), label, p.reason());
        } else if (e instanceof FlightEvent.Progress p) {
            long s = Duration.between(start, p.at()).toSeconds();
            if (s - lastProgressS >= progressEveryS) {
                lastProgressS = s;
                out.printf(Locale.ROOT, "%s    %-9s %.6f,%.6f alt %5.1f m  %4.1f m/s  %s  battery %d %%%n", t(p.at()),
                        p.phase(), p.latDeg(), p.lonDeg(), p.altitudeRelM(), p.groundSpeedMps(),
                        Double.isNaN(p.distanceToGoM()) ? "" : String.format(Locale.ROOT, "%5.0f m to go, ETA %3.0f s",
                                p.distanceToGoM(), p.etaS()), p.batteryPercent());
            }
        } else if (e instanceof FlightEvent.TargetMoved m) {
            out.printf(Locale.ROOT, "%s    TARGET NOT REACHABLE: %s (%s)%n", t(m.at()), m.message(),
                    m.standOff().point().latLonText());
        } else if (e instanceof FlightEvent.Warning w) {
            out.printf(Locale.ROOT, "%s    note: %s%n", t(w.at()), w.message());
        } else if (e instanceof FlightEvent.FailsafeTriggered f) {
            out.printf(Locale.ROOT, "%s    FAILSAFE %s: %s%n", t(f.at()), f.kind(), f.action());
        } else if (e instanceof FlightEvent.Retasked r) {
            out.printf(Locale.ROOT, "%s    retask %s: %s%n", t(r.at()), r.accepted() ? "accepted" : "refused", r.reason());
        } else if (e instanceof FlightEvent.AutopilotMessage m) {
            out.printf(Locale.ROOT, "%s    autopilot: %s%n", t(m.at()), m.text());
        }
    }
}

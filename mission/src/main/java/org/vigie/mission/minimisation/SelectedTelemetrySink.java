package org.vigie.mission.minimisation;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.vigie.mission.stream.TelemetrySample;
import org.vigie.mission.stream.TelemetrySink;

/**
 * A recording sink that keeps only the chosen telemetry parts: wrap the file sink that records a flight
 * ({@code new SelectedTelemetrySink(new JsonLinesFileSink(path), DataMinimisation.cityService().recorded())}); the
 * live stream to the dispatcher is not affected. Parts left out are written as absent (null, or NaN for the link
 * quality). Thread-safe as the wrapped sink is.
 */
public final class SelectedTelemetrySink implements TelemetrySink {

    private final TelemetrySink inner;
    private final Set<TelemetryPart> parts;

    /**
     * @param inner where the selected samples go (closed with this sink)
     * @param parts the parts recorded
     */
    public SelectedTelemetrySink(TelemetrySink inner, Set<TelemetryPart> parts) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.parts = parts.isEmpty() ? EnumSet.noneOf(TelemetryPart.class) : EnumSet.copyOf(parts);
    }

    /**
     * @param s a sample
     * @return the sample with only the selected parts
     */
    public TelemetrySample select(TelemetrySample s) {
        return new TelemetrySample(s.timeUtcMicros(), s.flightPhase(),
                parts.contains(TelemetryPart.POSITION) ? s.position() : null,
                parts.contains(TelemetryPart.VELOCITY) ? s.velocity() : null,
                parts.contains(TelemetryPart.ATTITUDE) ? s.attitude() : null,
                parts.contains(TelemetryPart.BATTERY) ? s.battery() : null,
                parts.contains(TelemetryPart.LINK_QUALITY) ? s.linkQualityPct() : Double.NaN,
                parts.contains(TelemetryPart.ETA) ? s.eta() : null,
                parts.contains(TelemetryPart.CAMERA) ? s.camera() : null);
    }

    @Override
    public void accept(TelemetrySample sample) {
        inner.accept(select(sample));
    }

    @Override
    public void close() {
        inner.close();
    }
}

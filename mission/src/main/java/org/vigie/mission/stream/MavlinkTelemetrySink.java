package org.vigie.mission.stream;

import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.NamedValueFloat;
import io.dronefleet.mavlink.common.Statustext;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Forwards the dispatch-relevant values that the autopilot does not already send, as MAVLink messages a ground station
 * (QGroundControl's MAVLink inspector) can show: NAMED_VALUE_FLOAT "VG_ETA_S" (seconds to the current goal),
 * "VG_PRIV" (1 while the camera may show a privacy zone), "VG_LINK" (link quality percent), and a STATUSTEXT (INFO)
 * "Vigie phase: X" whenever the flight phase changes.
 *
 * <p>The mission layer supplies the sender (typically {@code port::send} of the link, which routes it).
 *
 * <p>Threading: no lock. Called on the subscription's executor, one sample at a time; the last phase announced is
 * swapped atomically, so even concurrent calls announce each phase change once. The sender must be thread-safe.
 */
public final class MavlinkTelemetrySink implements TelemetrySink {

    private final Consumer<Object> sender;
    private final long bootNanos;
    private final java.util.function.LongSupplier nanoClock;
    private final AtomicReference<@Nullable String> lastPhase = new AtomicReference<>();

    /**
     * Creates the sink.
     *
     * @param sender sends a dronefleet message on the link
     * @param nanoClock monotonic clock for time_boot_ms (e.g. the scheduler's {@code nanoTime})
     * @throws IllegalArgumentException if an argument is null
     */
    public MavlinkTelemetrySink(Consumer<Object> sender, java.util.function.LongSupplier nanoClock) {
        if (sender == null || nanoClock == null) {
            throw new IllegalArgumentException("sender and clock are required");
        }
        this.sender = sender;
        this.nanoClock = nanoClock;
        this.bootNanos = nanoClock.getAsLong();
    }

    @Override
    public void accept(TelemetrySample s) {
        long bootMs = (nanoClock.getAsLong() - bootNanos) / 1_000_000L;
        if (!s.flightPhase().equals(lastPhase.getAndSet(s.flightPhase()))) {
            String text = "Vigie phase: " + s.flightPhase();
            sender.accept(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_INFO)
                    .text(text.length() > 50 ? text.substring(0, 50) : text).build());
        }
        if (s.eta() != null && Double.isFinite(s.eta().seconds())) {
            sender.accept(named(bootMs, "VG_ETA_S", (float) s.eta().seconds()));
        }
        if (s.camera() != null) {
            sender.accept(named(bootMs, "VG_PRIV", s.camera().overPrivacyZone() ? 1f : 0f));
        }
        if (Double.isFinite(s.linkQualityPct())) {
            sender.accept(named(bootMs, "VG_LINK", (float) s.linkQualityPct()));
        }
    }

    private static NamedValueFloat named(long bootMs, String name, float value) {
        return NamedValueFloat.builder().timeBootMs(bootMs).name(name).value(value).build();
    }
}

package org.vigie.mission.flight;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceShape;

/**
 * The district's fence as exported for one autopilot, and the check of planned routes against it. Immutable.
 *
 * @param export the exporter's result (exported shapes, or a refusal)
 * @param check  the route check against the exported fence, null when the export was refused
 */
public record AutopilotFence(FenceExport export, @Nullable AutopilotFenceCheck check) {

    /** Rejects a null export. */
    public AutopilotFence {
        Objects.requireNonNull(export, "export");
    }

    /** @return null when exported, else the exporter's refusal */
    public @Nullable String refusal() {
        return export instanceof FenceExport.Refused r ? r.message() : null;
    }

    /**
     * @return the exported shapes, in upload order
     * @throws IllegalStateException when the export was refused
     */
    public List<FenceShape> shapes() {
        if (export instanceof FenceExport.Exported e) {
            return e.shapes();
        }
        throw new IllegalStateException("fence export refused: " + refusal());
    }
}

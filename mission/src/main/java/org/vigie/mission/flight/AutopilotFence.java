package org.vigie.mission.flight;

import java.util.List;
import java.util.Objects;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceItem;

/**
 * The district's fence as exported for one autopilot, and the check of planned routes against it. Immutable.
 *
 * @param export the exporter's result (exported items, or a refusal)
 * @param check  the route check against the exported fence, null when the export was refused
 */
public record AutopilotFence(FenceExport export, AutopilotFenceCheck check) {

    /** Rejects a null export. */
    public AutopilotFence {
        Objects.requireNonNull(export, "export");
    }

    /** @return null when exported, else the exporter's refusal */
    public String refusal() {
        return export instanceof FenceExport.Refused r ? r.message() : null;
    }

    /**
     * @return the exported items
     * @throws IllegalStateException when the export was refused
     */
    public List<FenceItem> items() {
        if (export instanceof FenceExport.Exported e) {
            return e.items();
        }
        throw new IllegalStateException("fence export refused: " + refusal());
    }
}

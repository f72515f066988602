package org.vigie.geofence.export;

import java.util.List;

/** The outcome of {@link FenceExporter#export}: the items, or a refusal with a sentence. */
public sealed interface FenceExport permits FenceExport.Exported, FenceExport.Refused {

    /**
     * The fence fits the capacity.
     *
     * @param shapes           the shapes in upload order (inclusion polygon, exclusion polygons, exclusion circles,
     *                         return point)
     * @param removedVertices  how many polygon vertices the conservative simplification removed (0 if none)
     * @param shrunkAreaM2     area the inclusion lost, m² (approximate, local planar)
     */
    record Exported(List<FenceShape> shapes, int removedVertices, double shrunkAreaM2) implements FenceExport {
        /** Copies the list. */
        public Exported {
            shapes = List.copyOf(shapes);
        }

        /** @return mission-protocol items: one per polygon vertex, circle and return point */
        public int itemCount() {
            return FenceCapacity.itemCount(shapes);
        }

        /** @return bytes in ArduPilot's fence storage layout */
        public int storageBytes() {
            return FenceCapacity.storageBytes(shapes);
        }
    }

    /**
     * No conservative fence fits.
     *
     * @param message why, e.g. how many items the smallest conservative fence needs against the budget
     */
    record Refused(String message) implements FenceExport {
    }
}

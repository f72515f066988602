package org.vigie.geofence.export;

import java.util.List;
import java.util.Locale;

/**
 * What an autopilot can store of a fence: items, bytes and vertices per polygon.
 *
 * <p>ArduPilot (AC_PolyFence_loader) stores a fence in a fixed storage area of the board: a 4-byte header, then per
 * polygon 1 type byte, 1 vertex-count byte and 8 bytes per vertex (so at most 255 vertices), per circle 13 bytes
 * (type, latitude, longitude, radius), 9 bytes for a return point, and a 1-byte end-of-storage marker. An upload whose
 * layout exceeds the area is refused after the last item with MAV_MISSION_ERROR and "Fence exceeds storage size"; a
 * count above {@code area / 8} items is refused at once with MAV_MISSION_NO_SPACE and "Only N items are supported".
 * ArduPilot's own size check leaves out the end marker: a fence that fills the area exactly is accepted, stored without
 * its marker, and then cannot be read back (found by the real-autopilot suite: ArduCopter 4.7 SITL panics "did not find
 * end-of-storage-marker before running out of space" and stops; a board would lose its fence). The marker is counted
 * here, so such a fence is never sent. On the
 * flight controllers with 16 KiB or more of storage (Pixhawk class, and SITL) ArduCopter's fence area is 560 bytes
 * (48 + 256 + 256 in its StorageManager layout): 70 items, but one polygon of at most 69 vertices, or fewer with
 * exclusions and circles; an SD card can add more ({@code BRD_SD_FENCE}). PX4 stores each item in its own dataman
 * record (no byte layout), 64 items by default.
 *
 * @param maxItems              the most items one upload may count, &ge; 4
 * @param maxStorageBytes       the most bytes the ArduPilot layout of the fence may take, or 0 for no byte limit
 * @param maxVerticesPerPolygon the most vertices of one polygon, &ge; 3
 */
public record FenceCapacity(int maxItems, int maxStorageBytes, int maxVerticesPerPolygon) {

    /** ArduPilot's storage header, bytes. */
    public static final int ARDUPILOT_HEADER_BYTES = 4;
    /** ArduPilot's end-of-storage marker after the last item, bytes (its own size check forgets it). */
    public static final int ARDUPILOT_END_MARKER_BYTES = 1;
    /** ArduPilot's fence area on boards with 16 KiB or more of storage (and SITL), bytes. */
    public static final int ARDUPILOT_DEFAULT_STORAGE_BYTES = 560;
    /** PX4's default fence item limit. */
    public static final int PX4_DEFAULT_ITEMS = 64;

    /** @throws IllegalArgumentException naming the value out of range */
    public FenceCapacity {
        if (maxItems < 4) {
            throw new IllegalArgumentException("maxItems " + maxItems + " must be >= 4");
        }
        if (maxStorageBytes < 0 || (maxStorageBytes > 0 && maxStorageBytes < MIN_STORAGE_BYTES)) {
            throw new IllegalArgumentException("maxStorageBytes " + maxStorageBytes
                    + " must be 0 (no limit) or hold at least one triangle (" + MIN_STORAGE_BYTES + " bytes)");
        }
        if (maxVerticesPerPolygon < 3) {
            throw new IllegalArgumentException("maxVerticesPerPolygon " + maxVerticesPerPolygon + " must be >= 3");
        }
    }

    /**
     * ArduPilot with a fence storage area of the given size.
     *
     * @param storageBytes the area, bytes (560 on Pixhawk-class boards; {@code 8 × N} when the autopilot says
     *                     "Only N items are supported")
     * @return the capacity: {@code storageBytes / 8} items, the byte layout, 255 vertices per polygon
     * @throws IllegalArgumentException if the area cannot hold a triangle
     */
    public static FenceCapacity arduPilot(int storageBytes) {
        return new FenceCapacity(Math.max(4, storageBytes / 8), storageBytes, 255);
    }

    /** @return ArduCopter on a Pixhawk-class board or SITL: 560 bytes, 70 items */
    public static FenceCapacity arduPilotDefault() {
        return arduPilot(ARDUPILOT_DEFAULT_STORAGE_BYTES);
    }

    /**
     * A limit on items only (PX4, or a test).
     *
     * @param maxItems the most items
     * @return the capacity
     * @throws IllegalArgumentException if maxItems &lt; 4
     */
    public static FenceCapacity items(int maxItems) {
        return new FenceCapacity(maxItems, 0, Math.max(3, maxItems));
    }

    /** @return PX4's default: 64 items */
    public static FenceCapacity px4Default() {
        return items(PX4_DEFAULT_ITEMS);
    }

    /**
     * Bytes a fence takes in ArduPilot's storage layout.
     *
     * @param shapes the fence
     * @return header + per-shape bytes + the end-of-storage marker
     */
    public static int storageBytes(List<FenceShape> shapes) {
        int bytes = ARDUPILOT_HEADER_BYTES + ARDUPILOT_END_MARKER_BYTES;
        for (FenceShape s : shapes) {
            if (s instanceof FenceShape.Polygon p) {
                bytes += polygonBytes(p.vertices().size());
            } else {
                bytes += s instanceof FenceShape.Circle ? CIRCLE_BYTES : RETURN_POINT_BYTES;
            }
        }
        return bytes;
    }

    /**
     * Items a fence takes on the mission protocol: one per polygon vertex, circle and return point.
     *
     * @param shapes the fence
     * @return the item count
     */
    public static int itemCount(List<FenceShape> shapes) {
        int n = 0;
        for (FenceShape s : shapes) {
            n += s instanceof FenceShape.Polygon p ? p.vertices().size() : 1;
        }
        return n;
    }

    /**
     * Whether a fence of these counts fits.
     *
     * @param polygonVertexCounts vertices of each polygon
     * @param circles             number of circles
     * @param returnPoint         whether there is a return point
     * @return whether items, bytes and vertices per polygon all fit
     */
    public boolean fits(int[] polygonVertexCounts, int circles, boolean returnPoint) {
        return excess(polygonVertexCounts, circles, returnPoint) == 0;
    }

    /**
     * How many polygon vertices must still go for a fence of these counts to fit items and bytes (ignoring the
     * per-polygon limit, which the caller checks per polygon).
     *
     * @param polygonVertexCounts vertices of each polygon
     * @param circles             number of circles
     * @param returnPoint         whether there is a return point
     * @return 0 when it fits
     */
    public int excess(int[] polygonVertexCounts, int circles, boolean returnPoint) {
        int items = circles + (returnPoint ? 1 : 0);
        int bytes = ARDUPILOT_HEADER_BYTES + ARDUPILOT_END_MARKER_BYTES + circles * CIRCLE_BYTES
                + (returnPoint ? RETURN_POINT_BYTES : 0);
        int over = 0;
        for (int n : polygonVertexCounts) {
            items += n;
            bytes += polygonBytes(n);
            over += Math.max(0, n - maxVerticesPerPolygon);
        }
        int byItems = Math.max(0, items - maxItems);
        int byBytes = maxStorageBytes == 0 ? 0 : Math.max(0, (bytes - maxStorageBytes + 7) / 8);
        return Math.max(over, Math.max(byItems, byBytes));
    }

    /**
     * The capacity to try after the autopilot refused a fence of {@code refused} shapes for space without saying how
     * much it stores: three quarters of what was refused (items and bytes), so a re-export is strictly smaller and a
     * board with half the assumed storage is found in three tries.
     *
     * @param refused the fence that was refused
     * @return a smaller capacity
     */
    public FenceCapacity below(List<FenceShape> refused) {
        int items = Math.min(maxItems, Math.min(itemCount(refused) - 1, itemCount(refused) * 3 / 4));
        int bytes = Math.min(storageBytes(refused) - 8, storageBytes(refused) * 3 / 4);
        int limitBytes = maxStorageBytes == 0 ? 0 : Math.max(MIN_STORAGE_BYTES, Math.min(maxStorageBytes, bytes));
        return new FenceCapacity(Math.max(4, items), limitBytes, maxVerticesPerPolygon);
    }

    /** @return e.g. "70 items, 560 bytes, 255 vertices per polygon" */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d items, %s, %d vertices per polygon", maxItems,
                maxStorageBytes == 0 ? "no byte limit" : maxStorageBytes + " bytes", maxVerticesPerPolygon);
    }

    private static final int CIRCLE_BYTES = 13;
    /** A triangle with its header and end marker. */
    private static final int MIN_STORAGE_BYTES = ARDUPILOT_HEADER_BYTES + 2 + 3 * 8 + ARDUPILOT_END_MARKER_BYTES;
    private static final int RETURN_POINT_BYTES = 9;

    private static int polygonBytes(int vertices) {
        return 2 + 8 * vertices;
    }
}

package org.vigie.geofence.plan;

/**
 * A uniform grid over boundary segments for segment queries that walk the grid from the query segment's first end to
 * its last, so a visitor that finds a blocking edge near the start can stop at once. Each edge is registered in every
 * cell its bounding box touches; queries visit every cell the segment's (slightly widened) track crosses, so no edge
 * that can touch the segment is missed. An edge may be visited more than once. Immutable after construction.
 */
final class SegmentGrid {

    /** Receives candidate edges; returns false to stop the walk. */
    interface EdgeVisitor {
        boolean visit(int edge);
    }

    private final double minX;
    private final double minY;
    private final double cell;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    private final int[] cellEdges;

    SegmentGrid(double[] ax, double[] ay, double[] bx, double[] by) {
        int m = ax.length;
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            x0 = Math.min(x0, Math.min(ax[i], bx[i]));
            y0 = Math.min(y0, Math.min(ay[i], by[i]));
            x1 = Math.max(x1, Math.max(ax[i], bx[i]));
            y1 = Math.max(y1, Math.max(ay[i], by[i]));
        }
        if (m == 0) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        double w = Math.max(x1 - x0, 1e-3);
        double h = Math.max(y1 - y0, 1e-3);
        double c = Math.sqrt(w * h / Math.max(1, 2.0 * m));
        c = Math.max(c, Math.max(w, h) / 2048.0);
        c = Math.max(c, 1.0);
        this.cell = c;
        this.minX = x0 - c;
        this.minY = y0 - c;
        this.cols = (int) Math.ceil(w / c) + 3;
        this.rows = (int) Math.ceil(h / c) + 3;
        int[] counts = new int[cols * rows + 1];
        int[] cellStartTmp = counts;
        int[] cellEdgesTmp = new int[0];
        int[] fill = new int[0];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < m; i++) {
                int cx0 = col(Math.min(ax[i], bx[i]));
                int cx1 = col(Math.max(ax[i], bx[i]));
                int cy0 = row(Math.min(ay[i], by[i]));
                int cy1 = row(Math.max(ay[i], by[i]));
                for (int cx = cx0; cx <= cx1; cx++) {
                    for (int cy = cy0; cy <= cy1; cy++) {
                        int k = cy * cols + cx;
                        if (pass == 0) {
                            counts[k + 1]++;
                        } else {
                            fill[k]++;
                            cellEdgesTmp[cellStartTmp[k] + fill[k] - 1] = i;
                        }
                    }
                }
            }
            if (pass == 0) {
                for (int k = 0; k < cols * rows; k++) {
                    counts[k + 1] += counts[k];
                }
                cellStartTmp = counts;
                cellEdgesTmp = new int[counts[cols * rows]];
                fill = new int[cols * rows];
            }
        }
        this.cellStart = cellStartTmp;
        this.cellEdges = cellEdgesTmp;
    }


    private int col(double x) {
        return Math.max(0, Math.min(cols - 1, (int) Math.floor((x - minX) / cell)));
    }

    private int row(double y) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - minY) / cell)));
    }

    /** Visits candidate edges cell by cell from (px, py) towards (qx, qy) until the visitor returns false. */
    void walk(double px, double py, double qx, double qy, EdgeVisitor v) {
        int c0 = col(px);
        int c1 = col(qx);
        int step = c1 >= c0 ? 1 : -1;
        double dx = qx - px;
        double dy = qy - py;
        double eps = cell * 1e-6;
        for (int c = c0; ; c += step) {
            double xa = minX + c * cell;
            double xb = xa + cell;
            double ya;
            double yb;
            if (dx == 0 || c0 == c1) {
                ya = py;
                yb = qy;
            } else {
                double ta = Math.max(0, Math.min(1, (xa - px) / dx));
                double tb = Math.max(0, Math.min(1, (xb - px) / dx));
                ya = py + ta * dy;
                yb = py + tb * dy;
            }
            int r0 = row(Math.min(ya, yb) - eps);
            int r1 = row(Math.max(ya, yb) + eps);
            if (dy < 0) {
                for (int r = r1; r >= r0; r--) {
                    if (!visitCell(r * cols + c, v)) {
                        return;
                    }
                }
            } else {
                for (int r = r0; r <= r1; r++) {
                    if (!visitCell(r * cols + c, v)) {
                        return;
                    }
                }
            }
            if (c == c1) {
                return;
            }
        }
    }

    private boolean visitCell(int k, EdgeVisitor v) {
        for (int i = cellStart[k]; i < cellStart[k + 1]; i++) {
            if (!v.visit(cellEdges[i])) {
                return false;
            }
        }
        return true;
    }
}

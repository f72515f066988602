package org.vigie.geofence.zone;

/**
 * A district (or a file describing one) breaks a geometric or safety rule. The message names the feature and, where
 * one is to blame, the vertex, e.g. {@code "exclusion #2 'Lycée Charlemagne': ring self-intersects near vertex 5
 * (48.85341,2.36122)"}.
 */
public final class InvalidDistrictException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String feature;
    private final int vertexIndex;

    /**
     * @param feature     which feature, e.g. {@code "inclusion"} or {@code "exclusion #2 'School'"}
     * @param vertexIndex 0-based vertex index within the feature's ring, or -1 when no vertex is to blame
     * @param problem     what is wrong
     */
    public InvalidDistrictException(String feature, int vertexIndex, String problem) {
        super(feature + ": " + problem);
        this.feature = feature;
        this.vertexIndex = vertexIndex;
    }

    /** @return the feature description */
    public String feature() {
        return feature;
    }

    /** @return 0-based vertex index, or -1 */
    public int vertexIndex() {
        return vertexIndex;
    }
}

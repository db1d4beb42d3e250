package org.vaekit.data;

/** How CSV features are mapped to [0,1]. */
public enum FeatureScaling {
    /** Keep the values as they are. */
    NONE,
    /** Map a given [min, max] (the same for every column) to [0,1]. */
    RANGE,
    /** Map each column's minimum and maximum on the training split to 0 and 1; other splits are clipped to [0,1]. */
    MINMAX
}

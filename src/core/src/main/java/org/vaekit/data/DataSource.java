package org.vaekit.data;

import java.nio.file.Path;
import java.util.Map;
import org.datavec.api.records.reader.RecordReader;

/** A dataset split three ways, each split readable as a DataVec {@link RecordReader}. */
public interface DataSource {
    /** Values per example (e.g. 784 for 28x28 images). */
    int inputSize();

    /** Number of label classes, 0 when the data has no labels. */
    int numClasses();

    /** What the labels stand for, for tables and legends. */
    default Labels labels() {
        return Labels.numbered("label");
    }

    /** Number of examples in a split. */
    int size(Split split);

    /**
     * A reader over one split; records are [features (NDArrayWritable, values in [0,1]), label (IntWritable)].
     *
     * @param shuffle reshuffle on every reset, from an RNG seeded with {@code seed}
     */
    RecordReader reader(Split split, boolean shuffle, long seed);

    /** What the data is, for the run's provenance: file names and their SHA-256, sizes. */
    Map<String, String> provenance();

    /** Bounds of the feature values of a split: their smallest and largest value, or bounds by construction. */
    ValueRange valueRange(Split split);

    /**
     * Writes what the source learned from the training split (e.g. feature scaling) into a run folder, so that
     * {@link DataSources#open} with that folder prepares the data the same way. Nothing by default.
     */
    default void saveLearned(Path runDir) {
    }
}

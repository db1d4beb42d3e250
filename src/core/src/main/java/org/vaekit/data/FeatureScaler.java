package org.vaekit.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.config.CsvSettings;

/**
 * Scales features to [0,1]: by a given range, or by each column's minimum and maximum on the training split,
 * learned in one pass over it and kept in ND4J's {@link NormalizerMinMaxScaler}; rows are scaled as they are read.
 * The learned minima and maxima are saved in the run folder ({@value #FILE}) so that evaluating the run scales the
 * data the same way.
 */
final class FeatureScaler {
    static final String FILE = "feature-scaling.bin";

    private final FeatureScaling mode;
    private final double rangeMin;
    private final double rangeMax;
    private final NormalizerMinMaxScaler learned;

    private FeatureScaler(FeatureScaling mode, double rangeMin, double rangeMax, NormalizerMinMaxScaler learned) {
        this.mode = mode;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
        this.learned = learned;
    }

    /**
     * The scaler {@code data.csv.scale} asks for; with {@code minmax} and a run folder, the one that run learned.
     *
     * @param learnedFrom a run folder whose saved scaling to reuse, or null to learn it from the training split
     */
    static FeatureScaler of(CsvSettings s, Path learnedFrom) {
        NormalizerMinMaxScaler saved = null;
        if (s.scale() == FeatureScaling.MINMAX && learnedFrom != null) {
            Path file = learnedFrom.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                throw new VaekitException(learnedFrom + " lacks " + FILE + ", the feature scaling learned in training"
                        + " (data.csv.scale = minmax)");
            }
            try {
                saved = NormalizerSerializer.getDefault().restore(file.toFile());
            } catch (Exception e) {
                throw new VaekitException(file + ": cannot read the saved feature scaling: " + e.getMessage(), e);
            }
        }
        return new FeatureScaler(s.scale(), s.rangeMin(), s.rangeMax(), saved);
    }

    /**
     * This scaler made ready for the training split ({@code items} of {@code train}): with minmax, its minima and
     * maxima learned in one pass over those rows unless known already.
     */
    FeatureScaler fitted(Table train, int[] items) {
        if (mode != FeatureScaling.MINMAX || learned != null) {
            return this;
        }
        int width = train.width();
        float[] min = new float[width];
        float[] max = new float[width];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        float[] row = new float[width];
        for (int item : items) {
            train.copy(item, row, 0);
            for (int j = 0; j < width; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        for (int j = 0; j < width; j++) {
            // A constant column has no range: map it to 0 instead of dividing by zero.
            max[j] += max[j] - min[j] <= 0 ? 1 : 0;
        }
        NormalizerMinMaxScaler scaler = new NormalizerMinMaxScaler();
        scaler.setFeatureStats(Nd4j.createFromArray(min), Nd4j.createFromArray(max));
        return new FeatureScaler(mode, rangeMin, rangeMax, scaler);
    }

    /** Checks that this scaler fits rows of {@code width} values read from {@code origin}. */
    void requireWidth(int width, String origin) {
        if (learned != null && learned.getMin().length() != width) {
            throw new VaekitException("the saved feature scaling covers " + learned.getMin().length()
                    + " columns but " + origin + " has " + width);
        }
    }

    /** The per-row transform for the record readers: [offset, divisor, clip to [0,1]] per column, or null. */
    Transform transform(int width) {
        switch (mode) {
            case RANGE: {
                float[] offset = new float[width];
                float[] divisor = new float[width];
                Arrays.fill(offset, (float) rangeMin);
                Arrays.fill(divisor, (float) (rangeMax - rangeMin));
                return new Transform(offset, divisor, false);
            }
            case MINMAX: {
                float[] min = learned.getMin().toFloatVector();
                float[] max = learned.getMax().toFloatVector();
                float[] range = new float[width];
                for (int j = 0; j < width; j++) {
                    range[j] = max[j] - min[j];
                }
                return new Transform(min, range, true);
            }
            default:
                return null;
        }
    }

    /** (x - offset) / divisor per column, then, for minmax, clipped to [0,1] (other splits may exceed the range). */
    record Transform(float[] offset, float[] divisor, boolean clip) {
        void apply(float[] row, int from) {
            for (int j = 0; j < offset.length; j++) {
                float v = (row[from + j] - offset[j]) / divisor[j];
                row[from + j] = clip ? Math.max(0f, Math.min(1f, v)) : v;
            }
        }
    }

    /** Writes the learned minima and maxima into {@code dir} (nothing for the other modes). */
    void save(Path dir) {
        if (learned == null) {
            return;
        }
        File file = dir.resolve(FILE).toFile();
        try {
            NormalizerSerializer.getDefault().write(learned, file);
        } catch (IOException e) {
            throw new VaekitException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

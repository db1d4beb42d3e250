package org.vaekit.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaekit.VaekitException;
import org.vaekit.config.CsvSettings;

/**
 * Scales features to [0,1] with ND4J's {@link NormalizerMinMaxScaler}: by a given range, or by each column's
 * minimum and maximum on the training split. The learned minima and maxima are saved in the run folder
 * ({@value #FILE}) so that evaluating the run scales the data the same way.
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

    /** This scaler made ready for {@code train}: its minima and maxima learned from it unless known already. */
    FeatureScaler fitted(Table train) {
        if (mode != FeatureScaling.MINMAX || learned != null) {
            return this;
        }
        INDArray x = matrix(train);
        INDArray min = x.min(0);
        INDArray max = x.max(0);
        // A constant column has no range: map it to 0 instead of dividing by zero.
        INDArray constant = max.sub(min).lte(0).castTo(DataType.FLOAT);
        NormalizerMinMaxScaler scaler = new NormalizerMinMaxScaler();
        scaler.setFeatureStats(min, max.add(constant));
        return new FeatureScaler(mode, rangeMin, rangeMax, scaler);
    }

    /** The table scaled; with minmax, values of other splits beyond the training range are clipped to [0,1]. */
    Table apply(Table t) {
        if (mode == FeatureScaling.NONE || t.size() == 0) {
            return t;
        }
        INDArray x = matrix(t);
        if (mode == FeatureScaling.RANGE) {
            x.subi(rangeMin).divi(rangeMax - rangeMin);
        } else {
            if (learned.getMin().length() != t.width()) {
                throw new VaekitException("the saved feature scaling covers " + learned.getMin().length()
                        + " columns but " + t.origin() + " has " + t.width());
            }
            learned.transform(x);
            x = Transforms.max(Transforms.min(x, 1.0, false), 0.0, false);
        }
        return new Table(t.origin(), x.toFloatMatrix(), t.labels(), t.classes());
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

    private static INDArray matrix(Table t) {
        return Nd4j.create(t.rows());
    }
}

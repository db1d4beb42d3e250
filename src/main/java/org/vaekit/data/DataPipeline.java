package org.vaekit.data;

import java.util.List;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.vaekit.config.DataSettings;

/**
 * Turns a {@link DataSource} into what training and evaluation consume: a shuffled training iterator whose
 * examples are binarized afresh every epoch, and validation/test batches binarized with a fixed seed.
 */
public final class DataPipeline {
    private final DataSource source;
    private final DataSettings settings;
    private final int evalBatchSize;

    public DataPipeline(DataSource source, DataSettings settings, int evalBatchSize) {
        this.source = source;
        this.settings = settings;
        this.evalBatchSize = evalBatchSize;
    }

    public DataSource source() {
        return source;
    }

    /**
     * The training split as minibatches of features only (labels dropped, as the VAE is unsupervised).
     * Each {@code reset()} reshuffles (when {@code data.shuffle}) and the binarizer draws anew.
     */
    public TrainingBatches training(int batchSize, long seed) {
        return new TrainingBatches(source.reader(Split.TRAIN, settings.shuffle(), seed), batchSize,
                Math.max(source.numClasses(), 1),
                new Binarizer(settings.binarization(), settings.threshold(), seed + 1));
    }

    /**
     * A split in batches, binarized with {@code data.eval-seed}, labels kept. The batches are read afresh on every
     * pass rather than kept, so a split larger than memory can be evaluated; every pass gives the same batches.
     */
    public List<DataSet> evaluation(Split split) {
        int n = source.size(split);
        return new EvaluationBatches(() -> iterator(split, evalBatchSize, false, 0),
                () -> new Binarizer(settings.binarization(), settings.threshold(), settings.evalSeed() + split.ordinal()),
                (n + evalBatchSize - 1) / evalBatchSize);
    }

    /** A split's records as minibatches: features in column 0, the label (one-hot) in column 1. */
    private RecordReaderDataSetIterator iterator(Split split, int batchSize, boolean shuffle, long seed) {
        return new RecordReaderDataSetIterator(source.reader(split, shuffle, seed), batchSize, 1,
                Math.max(source.numClasses(), 1));
    }
}

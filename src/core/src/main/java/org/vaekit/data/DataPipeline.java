package org.vaekit.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
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
    /** Evaluation batches are kept when their features take at most 1/8 of JavaCPP's off-heap limit. */
    private static final long KEEP_LIMIT_DIVISOR = 8;
    private final Map<Split, List<DataSet>> evaluationCache = new EnumMap<>(Split.class);

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
     * A split in batches, binarized with {@code data.eval-seed}, labels kept. A split whose features take at most an
     * eighth of ND4J's off-heap limit (JavaCPP's {@code maxbytes}) is kept once read (validation runs
     * every epoch); a larger one is read afresh on every pass, so a split larger than memory can be evaluated. Every
     * pass gives the same batches either way.
     */
    public List<DataSet> evaluation(Split split) {
        int n = source.size(split);
        boolean keep = 4L * n * source.inputSize() <= Pointer.maxBytes() / KEEP_LIMIT_DIVISOR;
        return evaluationCache.computeIfAbsent(split, s -> new EvaluationBatches(
                () -> iterator(s, evalBatchSize, false, 0),
                () -> new Binarizer(settings.binarization(), settings.threshold(), settings.evalSeed() + s.ordinal()),
                (n + evalBatchSize - 1) / evalBatchSize, keep));
    }

    /** A split's records as minibatches: features in column 0, the label (one-hot) in column 1. */
    private RecordReaderDataSetIterator iterator(Split split, int batchSize, boolean shuffle, long seed) {
        return new RecordReaderDataSetIterator(source.reader(split, shuffle, seed), batchSize, 1,
                Math.max(source.numClasses(), 1));
    }
}

package org.vaekit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.vaekit.config.DataSettings;

/**
 * Turns a {@link DataSource} into what training and evaluation consume: a shuffled training iterator whose
 * examples are binarized afresh every epoch, and validation/test batches binarized once with a fixed seed.
 */
public final class DataPipeline {
    private final DataSource source;
    private final DataSettings settings;
    private final int evalBatchSize;
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

    /** A split in batches, binarized once with {@code data.eval-seed}, labels kept; cached. */
    public List<DataSet> evaluation(Split split) {
        return evaluationCache.computeIfAbsent(split, s -> {
            var iterator = iterator(s, evalBatchSize, false, 0);
            Binarizer binarizer = new Binarizer(settings.binarization(), settings.threshold(),
                    settings.evalSeed() + s.ordinal());
            List<DataSet> batches = new ArrayList<>();
            while (iterator.hasNext()) {
                DataSet ds = iterator.next();
                binarizer.preProcess(ds);
                batches.add(ds);
            }
            return Collections.unmodifiableList(batches);
        });
    }

    /** A split's records as minibatches: features in column 0, the label (one-hot) in column 1. */
    private RecordReaderDataSetIterator iterator(Split split, int batchSize, boolean shuffle, long seed) {
        return new RecordReaderDataSetIterator(source.reader(split, shuffle, seed), batchSize, 1,
                Math.max(source.numClasses(), 1));
    }
}

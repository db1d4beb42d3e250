package org.vaekit.data;

import org.datavec.api.records.reader.RecordReader;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.vaekit.VaekitException;

/**
 * The training split as minibatches of binarized features (labels dropped, as the VAE is unsupervised), able to
 * say where it is and to go back there: a pass (epoch) is fixed by the number of shuffles so far and the
 * binarizer's RNG state when it began, a point inside it by the number of batches taken.
 */
public final class TrainingBatches extends RecordReaderDataSetIterator {
    private final Binarizer binarizer;
    private int passes;
    private long[] passStart;
    private boolean started;

    TrainingBatches(RecordReader reader, int batchSize, int numClasses, Binarizer binarizer) {
        super(reader, batchSize, 1, numClasses);
        this.binarizer = binarizer;
        this.passStart = binarizer.rngState();
        setPreProcessor(ds -> {
            binarizer.preProcess(ds);
            ds.setLabels(null);
        });
    }

    /** Starts a new pass: the reader reshuffles (when shuffling) and the binarizer draws on. */
    @Override
    public void reset() {
        super.reset();
        passes++;
        passStart = binarizer.rngState();
    }

    /** Where the current pass stands after {@code batches} of its minibatches (draws may have run ahead since). */
    public Position position(int batches) {
        return new Position(passes, passStart.clone(), batches);
    }

    /** Where the stream stands once the current pass has been read to its end. */
    public Position endOfPass() {
        if (hasNext()) {
            throw new IllegalStateException("the pass is not finished");
        }
        return new Position(passes, binarizer.rngState(), 0);
    }

    @Override
    public DataSet next() {
        started = true;
        return super.next();
    }

    @Override
    public DataSet next(int num) {
        started = true;
        return super.next(num);
    }

    /**
     * Moves a fresh iterator (same source, batch size and seed) to {@code p}: replays the shuffles, restores the
     * binarizer and draws the pass's first {@code p.batches()} minibatches again, so the next one is the one that
     * came next before.
     */
    public void seek(Position p) {
        if (passes > p.passes() || started) {
            throw new IllegalStateException("seek needs a fresh iterator");
        }
        if (p.binarizerRng().length != passStart.length) {
            throw new VaekitException("the checkpoint's binarizer state does not fit data.binarization");
        }
        binarizer.restoreRngState(p.binarizerRng());
        int taken = 0;
        while (passes < p.passes()) {
            reset();
            taken = 0;
            if (!started) {
                // As in training: DataVec's iterator sets itself up on its first next() and reshuffles the
                // reader then (the reset() before it does nothing yet).
                next();
                taken = 1;
            }
        }
        if (taken == 0 || p.batches() == 0) {
            binarizer.restoreRngState(p.binarizerRng());
        }
        passStart = p.binarizerRng().clone();
        for (int i = taken; i < p.batches(); i++) {
            if (!hasNext()) {
                throw new VaekitException("checkpoint is at batch " + p.batches() + " of a pass that has only " + i);
            }
            next();
        }
    }

    /**
     * A point in the stream of training batches.
     *
     * @param passes       shuffles since the iterator was made
     * @param binarizerRng the binarizer's RNG state after the first {@code passes} shuffles, before the draws of the
     *                     {@code batches} minibatches
     * @param batches      minibatches taken from the pass
     */
    public record Position(int passes, long[] binarizerRng, int batches) {
    }
}

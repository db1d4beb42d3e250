package org.vaekit.train;

import org.vaekit.data.DataPipeline;

/**
 * Follows a training run from outside the loop: progress bars, metrics sinks, early reporting. Every method has
 * an empty default, so a listener implements only what it needs. Called on the training thread: keep it quick.
 */
public interface TrainingListener {
    /** The run folder exists and training is about to start (or resume). */
    default void runStarted(RunFolder run, int epochs) {
    }

    /**
     * The data training reads, before the first epoch (also on resume): e.g. to keep a fixed validation subset.
     * {@code data.evaluation(...)} is the cached, once-binarized split that validation uses.
     */
    default void dataReady(DataPipeline data) {
    }

    /** An epoch begins; {@code examples} is the size of the training split. */
    default void epochStarted(int epoch, int epochs, long examples) {
    }

    /**
     * A minibatch was trained.
     *
     * @param batchSize examples in the minibatch
     * @param meanCost  the epoch's running mean negative ELBO so far (nats per example)
     */
    default void batchDone(int epoch, long batchSize, double meanCost) {
    }

    /** An epoch ended: its metrics row was written and the model saved. */
    default void epochDone(EpochMetrics metrics) {
    }
}

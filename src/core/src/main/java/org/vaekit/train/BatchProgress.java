package org.vaekit.train;

import java.util.List;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Tells the run's {@link TrainingListener}s about each trained minibatch, from inside SameDiff's fit loop. */
final class BatchProgress extends BaseListener {
    private final List<TrainingListener> listeners;
    private final EpochCosts costs;
    private final int epoch;

    BatchProgress(List<TrainingListener> listeners, EpochCosts costs, int epoch) {
        this.listeners = listeners;
        this.costs = costs;
        this.epoch = epoch;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        long batchSize = dataSet.getFeatures(0).size(0);
        double mean = costs.meanCost();
        for (TrainingListener l : listeners) {
            l.batchDone(epoch, batchSize, mean);
        }
    }
}

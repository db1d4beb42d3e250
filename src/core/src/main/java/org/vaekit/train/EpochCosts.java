package org.vaekit.train;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.vaekit.VaekitException;
import org.vaekit.model.BatchElbo;

/**
 * Collects the cost and its reconstruction and KL parts of every training minibatch, weighted by batch size,
 * and stops training at the first non-finite cost. Under IWAE the cost is minus the importance-weighted bound and
 * the parts are those of the ELBO averaged over the k samples (see {@link BatchElbo}).
 */
public final class EpochCosts extends BaseListener {
    private double cost;
    private double rec;
    private double kl;
    private final BatchElbo batchElbo = new BatchElbo();
    private long examples;
    private long iterations;

    public EpochCosts() {
    }

    /** Continues an epoch from the sums a checkpoint saved after {@code batches} minibatches. */
    EpochCosts(Sums saved, int batches) {
        cost = saved.cost();
        rec = saved.rec();
        kl = saved.kl();
        examples = saved.examples();
        iterations = batches;
    }

    /** The running sums so far, with the seconds spent, for a checkpoint. */
    Sums sums(double seconds) {
        return new Sums(cost, rec, kl, examples, seconds);
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        batchElbo.take(varName, activation);
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        // SameDiff's Loss stays 0 here: the final add producing 'cost' is not run in the backward pass.
        double batchCost = batchElbo.cost();
        if (!Double.isFinite(batchCost)) {
            throw new VaekitException("training diverged: cost is " + batchCost + " at epoch " + (at.epoch() + 1)
                    + ", iteration " + at.iteration() + " (try a smaller train.learning-rate); the last checkpoint is"
                    + " kept");
        }
        long n = dataSet.getFeatures(0).size(0);
        cost += batchCost * n;
        rec += batchElbo.rec() * n;
        kl += batchElbo.kl() * n;
        examples += n;
        iterations++;
    }

    long examples() {
        return examples;
    }

    long iterations() {
        return iterations;
    }

    double meanCost() {
        return examples == 0 ? Double.NaN : cost / examples;
    }

    double meanRec() {
        return examples == 0 ? Double.NaN : rec / examples;
    }

    double meanKl() {
        return examples == 0 ? Double.NaN : kl / examples;
    }

    /**
     * An epoch's sums so far (costs weighted by batch size).
     *
     * @param seconds training time spent on the epoch so far
     */
    public record Sums(double cost, double rec, double kl, long examples, double seconds) {
        static final Sums NONE = new Sums(0, 0, 0, 0, 0);
    }
}

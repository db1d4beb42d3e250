package org.vaekit.train;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.VaekitException;

/**
 * Stops training before a non-finite update (from a non-finite gradient) reaches a parameter, naming the parameter,
 * the epoch and the iteration.
 */
final class NonFiniteGuard extends BaseListener {
    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void preUpdate(SameDiff sd, At at, Variable v, INDArray update) {
        // One reduction: a NaN or infinity anywhere makes the sum non-finite (finite updates are far too small to overflow).
        if (!Double.isFinite(update.sumNumber().doubleValue())) {
            throw new VaekitException("training diverged: the gradient of '" + v.getName() + "' is not finite at"
                    + " epoch " + (at.epoch() + 1) + ", iteration " + at.iteration()
                    + " (try a smaller train.learning-rate); the last checkpoint is kept");
        }
    }
}

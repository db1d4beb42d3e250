package org.vaekit.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The current minibatch's {@code cost_rec} and {@code cost_KL} (batch means, nats per example), picked up by a
 * training listener as SameDiff computes them; their sum is the batch's negative ELBO.
 */
public final class BatchElbo {
    private double rec;
    private double kl;

    /** Keeps the value when {@code varName} is one of the two costs; returns whether it was. */
    public boolean take(String varName, INDArray activation) {
        if (VaeGraph.COST_REC.equals(varName)) {
            rec = activation.getDouble(0);
        } else if (VaeGraph.COST_KL.equals(varName)) {
            kl = activation.getDouble(0);
        } else {
            return false;
        }
        return true;
    }

    public double rec() {
        return rec;
    }

    public double kl() {
        return kl;
    }

    public double cost() {
        return rec + kl;
    }
}

package org.vaekit.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The current minibatch's training cost and its reconstruction and KL parts (nats per example), picked up by a
 * training listener as SameDiff computes them. SameDiff computes only what the loss's gradient needs, so:
 * ELBO models give {@code cost_rec} and {@code cost_KL}, whose sum is the loss; IWAE models give the per-sample
 * {@code rec} and {@code log_weight} and the per-example {@code iwae_bound}: the parts are then the mean over the k
 * samples of -log p(x|z_i) and of the sampled KL log q(z_i|x) - log p(z_i), and the cost, minus the bound, is never
 * above their sum (the log of a mean is at least the mean of the logs).
 */
public final class BatchElbo {
    private double rec;
    private double kl;
    private double sampleRec;
    private double logWeight;
    private double iwaeBound = Double.NaN;

    /** Keeps the value when {@code varName} is one of the costs or their parts; returns whether it was. */
    public boolean take(String varName, INDArray activation) {
        switch (varName) {
            case VaeGraph.COST_REC -> rec = activation.getDouble(0);
            case VaeGraph.COST_KL -> kl = activation.getDouble(0);
            case VaeGraph.REC -> sampleRec = activation.meanNumber().doubleValue();
            case VaeGraph.LOG_WEIGHT -> logWeight = activation.meanNumber().doubleValue();
            case VaeGraph.IWAE_BOUND -> iwaeBound = activation.meanNumber().doubleValue();
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean iwae() {
        return !Double.isNaN(iwaeBound);
    }

    public double rec() {
        return iwae() ? sampleRec : rec;
    }

    public double kl() {
        return iwae() ? -logWeight - sampleRec : kl;
    }

    /** The training loss: the negative ELBO, or under IWAE minus the importance-weighted bound. */
    public double cost() {
        return iwae() ? -iwaeBound : rec + kl;
    }
}

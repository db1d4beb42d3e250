package org.vaekit.train;

/**
 * The weight of the KL term in the training loss per epoch: beta, reached linearly over the first
 * {@code warmupEpochs} epochs (weight beta * epoch / warmupEpochs until then). beta = 1 without warm-up is the
 * plain ELBO. Reported costs are always the plain ELBO.
 */
public record KlSchedule(double beta, int warmupEpochs) {
    /** The plain ELBO: weight 1 from the first epoch. */
    public static final KlSchedule ELBO = new KlSchedule(1.0, 0);

    /** The KL weight during epoch {@code epoch} (1-based). */
    public double weight(int epoch) {
        return warmupEpochs == 0 ? beta : beta * Math.min(1.0, (double) epoch / warmupEpochs);
    }
}

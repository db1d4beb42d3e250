package org.vaekit.model;

/**
 * The negative ELBO of a set of examples and its two parts, as means per example in nats.
 *
 * @param reconstruction mean of -log p(x|z) over the examples
 * @param kl             mean of KL(q(z|x) || p(z))
 * @param count          number of examples
 */
public record Elbo(double reconstruction, double kl, long count) {
    /** The negative ELBO: reconstruction + KL. */
    public double cost() {
        return reconstruction + kl;
    }
}

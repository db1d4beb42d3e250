package org.vaekit.eval;

/**
 * What {@code score} writes for one example.
 *
 * @param index        the example's index in its split
 * @param label        its class index, -1 without labels
 * @param negativeElbo -log p(x|z) + KL(q(z|x) || p(z)) with one z drawn, in nats
 * @param rec          -log p(x|z)
 * @param kl           KL(q(z|x) || p(z))
 * @param logPx        the importance-sampled log p(x), NaN when not asked for
 */
public record ScoredExample(long index, int label, double negativeElbo, double rec, double kl, double logPx) {
    /** How badly the model explains the example: -log p(x) when estimated, else the negative ELBO. */
    public double badness() {
        return Double.isNaN(logPx) ? negativeElbo : -logPx;
    }
}

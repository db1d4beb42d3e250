package org.vaekit.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Draws from the model: codes from the prior, the means of p(x|z) they decode to, and Bernoulli samples from
 * those means (the means themselves are not samples of binary data).
 *
 * @param z     [n, latent] codes z ~ N(0, I)
 * @param means [n, inputSize] means of p(x|z)
 * @param draws [n, inputSize] one Bernoulli draw per pixel from {@code means}
 */
public record Samples(INDArray z, INDArray means, INDArray draws) {
}

package org.vaekit.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Draws from the model: codes from the prior, the means of p(x|z) they decode to, and draws from p(x|z) itself
 * (Bernoulli or Gaussian, as the model's likelihood; the means of binary data are not samples of it).
 *
 * @param z     [n, latent] codes z ~ N(0, I)
 * @param means [n, inputSize] means of p(x|z)
 * @param draws [n, inputSize] one draw per value from p(x|z)
 */
public record Samples(INDArray z, INDArray means, INDArray draws) {
}

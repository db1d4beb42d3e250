package org.vaekit.eval;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * The latent dimensions the model uses, by Burda et al.'s measure: dimension d is active when Cov_x(E_q(z|x)[z_d]),
 * the variance over the examples of the posterior mean mu_d(x), exceeds {@value #THRESHOLD}. An inactive dimension
 * has q(z_d|x) close to the prior for every x and carries no information about x.
 *
 * @param count    number of active dimensions
 * @param variance per dimension, the variance of mu_d(x) over the examples
 * @param examples number of examples
 */
public record ActiveUnits(int count, double[] variance, long examples) {
    /** The activity above which a dimension counts as active (Burda et al. 2015). */
    public static final double THRESHOLD = 0.01;

    /** The active units of {@code vae} on the examples of the batches (the posterior means, no sampling). */
    public static ActiveUnits of(Vae vae, List<DataSet> batches) {
        if (batches.isEmpty()) {
            throw new VaekitException("no examples to count active units on");
        }
        INDArray mu = Nd4j.vstack(batches.stream()
                .map(b -> vae.encode(b.getFeatures()).get(VaeGraph.MU).castTo(DataType.DOUBLE)).toList());
        double[] variance = mu.var(false, 0).toDoubleVector();
        int count = (int) Arrays.stream(variance).filter(v -> v > THRESHOLD).count();
        return new ActiveUnits(count, variance, mu.size(0));
    }

    /** The latent dimensions counted. */
    public int latent() {
        return variance.length;
    }
}

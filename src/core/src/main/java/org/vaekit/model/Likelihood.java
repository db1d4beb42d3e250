package org.vaekit.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.vaekit.data.Binarization;
import org.vaekit.data.DataSource;

/** The decoder's distribution p(x|z): what its last layer outputs and the reconstruction term of the ELBO. */
public sealed interface Likelihood permits BernoulliLikelihood, GaussianLikelihood {
    /** Name of the decoder's last linear output (layer W4, b4). */
    String outputName();

    /**
     * Adds {@code x_rec}, the mean of p(x|z), to the graph.
     *
     * @param out the decoder's last linear output, [batch, inputSize]
     */
    SDVariable mean(SameDiff sd, SDVariable out);

    /** The mean of p(x|z) from the decoder's output values (as {@link #mean} computes it in the graph). */
    INDArray mean(INDArray out);

    /** Adds -log p(x|z) per example, {@code rec} of shape [batch], and returns it. */
    SDVariable negLogLikelihood(SameDiff sd, SDVariable x, SDVariable out, int inputSize, DataType dataType);

    /** Trainable variables of the likelihood itself (beyond the decoder's layers), by name. */
    Map<String, long[]> parameterShapes(int inputSize);

    /** One draw from p(x|z) per value of {@code means}, with the likelihood's variables as trained in {@code sd}. */
    INDArray draw(INDArray means, SameDiff sd, Random rng);

    /** The distribution's name, e.g. for figure titles. */
    String distribution();

    /** Rejects data this likelihood cannot model, naming the split and what to change. */
    void checkData(DataSource source, Binarization binarization);
}

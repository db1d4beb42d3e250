package org.vaekit.model;

import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaekit.VaekitException;
import org.vaekit.data.Binarization;
import org.vaekit.data.DataSource;

/**
 * Independent Gaussians for real-valued data: the decoder outputs the means {@code x_mean}; the log-variances are
 * a learned vector {@code x_logvar} (one per input dimension, starting at 0) or fixed.
 *
 * @param fixedVariance the variance of every dimension, or NaN to learn {@code x_logvar}
 */
public record GaussianLikelihood(double fixedVariance) implements Likelihood {
    public static final String MEAN = "x_mean";
    public static final String LOGVAR = "x_logvar";
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Per-dimension log-variances learned with the rest of the model. */
    public static GaussianLikelihood learned() {
        return new GaussianLikelihood(Double.NaN);
    }

    public boolean learnsVariance() {
        return Double.isNaN(fixedVariance);
    }

    @Override
    public String outputName() {
        return MEAN;
    }

    @Override
    public SDVariable mean(SameDiff sd, SDVariable out) {
        return sd.identity(VaeGraph.X_REC, out);
    }

    @Override
    public INDArray mean(INDArray out) {
        return out;
    }

    /** Per example {@code 1/2 sum_d [log(2 pi) + logvar_d + (x_d - mean_d)^2 exp(-logvar_d)]}. */
    @Override
    public SDVariable negLogLikelihood(SameDiff sd, SDVariable x, SDVariable mean, int inputSize, DataType dt) {
        SDVariable logvar = learnsVariance()
                ? sd.var(LOGVAR, Nd4j.zeros(dt, inputSize))
                : sd.constant(LOGVAR, Nd4j.valueArrayOf(new long[] {inputSize}, Math.log(fixedVariance), dt));
        SDVariable diff = x.sub(mean);
        SDVariable perDim = diff.mul(diff).mul(sd.math.exp(logvar.neg())).add(logvar).add(LOG_2PI);
        return perDim.sum(1).mul(VaeGraph.REC, 0.5);
    }

    @Override
    public Map<String, long[]> parameterShapes(int inputSize) {
        return learnsVariance() ? Map.of(LOGVAR, new long[] {inputSize}) : Map.of();
    }

    /** mean + exp(x_logvar / 2) * N(0, 1) per value. */
    @Override
    public INDArray draw(INDArray means, SameDiff sd, Random rng) {
        INDArray stdev = Transforms.exp(sd.getVariable(LOGVAR).getArr().castTo(means.dataType()).mul(0.5), false);
        return Nd4j.randn(rng, means.shape()).castTo(means.dataType()).muliRowVector(stdev).addi(means);
    }

    @Override
    public String distribution() {
        return "Gaussian";
    }

    @Override
    public void checkData(DataSource source, Binarization binarization) {
        if (binarization != Binarization.NONE) {
            throw new VaekitException("model.likelihood = gaussian models real values: set data.binarization = none"
                    + " (it is " + binarization.name().toLowerCase(Locale.ROOT) + ")");
        }
    }
}

package org.vaekit.model;

import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaekit.VaekitException;
import org.vaekit.data.Binarization;
import org.vaekit.data.DataSource;
import org.vaekit.data.Split;
import org.vaekit.data.ValueRange;

/** Independent Bernoulli pixels with means sigmoid(logits): for binary data or gray levels in [0,1]. */
public record BernoulliLikelihood() implements Likelihood {
    /** Logits are capped here before the cost (see {@link #negLogLikelihood}). */
    static final double MAX_LOGIT = 80.0;

    @Override
    public String outputName() {
        return VaeGraph.LOGITS;
    }

    @Override
    public SDVariable mean(SameDiff sd, SDVariable logits) {
        return sd.nn.sigmoid(VaeGraph.X_REC, logits);
    }

    @Override
    public INDArray mean(INDArray logits) {
        return Transforms.sigmoid(logits, true);
    }

    /**
     * Per pixel {@code softplus(l) - x l} from the logits l, summed per example. Four ops forward and four backward,
     * where ND4J's fused sigmoid cross-entropy takes one each but runs a scalar function per element over several
     * passes (a training step 15% slower at batch 500, 9% at batch 50; docs/bench.md). ND4J's softplus overflows
     * to infinity above 88, so logits are capped at {@value #MAX_LOGIT} first: a pixel the model calls on with
     * such a logit costs at most that many nats when it is off (a probability of e^-80, about 1.8e-35, which
     * float's sigmoid already rounds to 1), and its gradient there is 0. Negative logits need no cap: softplus
     * goes to 0 and {@code -x l} stays exact, gradient included.
     */
    @Override
    public SDVariable negLogLikelihood(SameDiff sd, SDVariable x, SDVariable logits, int inputSize, DataType dt) {
        SDVariable capped = sd.math.clipByValue(logits, -Float.MAX_VALUE, MAX_LOGIT);
        return sd.nn.softplus(capped).sub(x.mul(capped)).sum(VaeGraph.REC, 1);
    }

    @Override
    public Map<String, long[]> parameterShapes(int inputSize) {
        return Map.of();
    }

    @Override
    public INDArray draw(INDArray means, SameDiff sd, Random rng) {
        return Nd4j.getExecutioner().exec(
                new BernoulliDistribution(Nd4j.createUninitialized(means.dataType(), means.shape()), means), rng);
    }

    @Override
    public String distribution() {
        return "Bernoulli";
    }

    @Override
    public void checkData(DataSource source, Binarization binarization) {
        for (Split split : Split.values()) {
            ValueRange range = source.valueRange(split);
            if (range.min() < 0 || range.max() > 1) {
                throw new VaekitException(String.format(Locale.ROOT, "model.likelihood = bernoulli needs values in"
                        + " [0,1] but the %s split spans [%s, %s]: scale the data (data.csv.scale = minmax or range)"
                        + " or set model.likelihood = gaussian", split.label(), num(range.min()), num(range.max())));
            }
        }
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }
}

package org.vaekit.model;

import java.util.List;
import java.util.Locale;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaekit.VaekitException;
import org.vaekit.data.Binarization;
import org.vaekit.data.DataSource;
import org.vaekit.data.Split;
import org.vaekit.data.ValueRange;

/** Independent Bernoulli pixels with means sigmoid(logits): for binary data or gray levels in [0,1]. */
public record BernoulliLikelihood() implements Likelihood {
    @Override
    public String outputName() {
        return VaeGraph.LOGITS;
    }

    /**
     * Per pixel {@code max(l,0) - x l + log(1 + exp(-|l|))}, finite for saturated logits. (M2.1's fused
     * sigmoidCrossEntropy loss back-propagates wrong gradients with LossReduce.NONE.)
     */
    @Override
    public SDVariable negLogLikelihood(SameDiff sd, SDVariable x, SDVariable logits, int inputSize, DataType dt) {
        sd.nn.sigmoid(VaeGraph.X_REC, logits);
        SDVariable nll = sd.nn.relu(logits, 0.0).sub(x.mul(logits))
                .add(sd.math.log1p(sd.math.exp(sd.math.abs(logits).neg())));
        return nll.sum(VaeGraph.REC, 1);
    }

    @Override
    public List<String> parameterNames() {
        return List.of();
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

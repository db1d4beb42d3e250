package org.vaekit.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binarizes a minibatch's features in one vectorised op. Stochastic draws come from the
 * binarizer's own seeded RNG, so they are reproducible and independent of the model's RNG.
 */
public final class Binarizer implements DataSetPreProcessor {
    private final Binarization mode;
    private final double threshold;
    private final Random rng;

    public Binarizer(Binarization mode, double threshold, long seed) {
        this.mode = mode;
        this.threshold = threshold;
        this.rng = mode == Binarization.STOCHASTIC ? Nd4j.getRandomFactory().getNewRandomInstance(seed) : null;
    }

    @Override
    public void preProcess(DataSet dataSet) {
        dataSet.setFeatures(binarize(dataSet.getFeatures()));
    }

    /** The state of the stochastic draws' RNG ({root, node}); empty for the deterministic modes. */
    public long[] rngState() {
        return rng == null ? new long[0] : new long[] {rng.rootState(), rng.nodeState()};
    }

    /** Continues the draws from a state returned by {@link #rngState()}. */
    public void restoreRngState(long[] state) {
        if (rng != null) {
            rng.setStates(state[0], state[1]);
        }
    }

    /** Returns binarized gray levels (a new array; the input is left as it is). */
    public INDArray binarize(INDArray gray) {
        switch (mode) {
            case STOCHASTIC: {
                INDArray probabilities = gray.dup('c');
                INDArray out = Nd4j.createUninitialized(gray.dataType(), gray.shape());
                return Nd4j.getExecutioner().exec(new BernoulliDistribution(out, probabilities), rng);
            }
            case THRESHOLD:
                return gray.gt(threshold).castTo(gray.dataType());
            case NONE:
                return gray;
            default:
                throw new IllegalStateException("unknown binarization " + mode);
        }
    }
}

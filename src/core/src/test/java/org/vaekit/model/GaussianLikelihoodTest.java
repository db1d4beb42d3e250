package org.vaekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.config.ModelSettings;
import org.vaekit.data.Binarization;

class GaussianLikelihoodTest {
    private static final int D = 5;

    private static ModelSettings model(Likelihood likelihood) {
        return new ModelSettings(List.of(4), List.of(3), 2, HiddenActivation.TANH, 1.0, WeightInit.GLOROT, likelihood);
    }

    private static INDArray normal(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return Nd4j.createFromArray(a);
    }

    /** -log N(x; mean, exp(logvar)) summed over dimensions, written out directly. */
    private static double closedForm(INDArray x, INDArray mean, double[] logvar, int i) {
        double nll = 0;
        for (int d = 0; d < D; d++) {
            double var = Math.exp(logvar[d]);
            double diff = x.getDouble(i, d) - mean.getDouble(i, d);
            nll += 0.5 * Math.log(2 * Math.PI * var) + diff * diff / (2 * var);
        }
        return nll;
    }

    @Test
    void learnedVarianceLogLikelihoodEqualsTheClosedForm() {
        SameDiff sd = VaeGraph.build(model(GaussianLikelihood.learned()), D, 1, DataType.DOUBLE,
                VaeGraph.Noise.PLACEHOLDER);
        double[] logvar = {-2, -0.5, 0, 0.7, 1.5};
        sd.getVariable("x_logvar").getArr().assign(Nd4j.createFromArray(logvar));
        INDArray x = normal(3, D, 1).mul(3);
        Map<String, INDArray> o = sd.output(Map.of("input", x, "eps", normal(3, 2, 2)), "x_mean", "x_rec", "rec");
        assertEquals(o.get("x_mean"), o.get("x_rec"));
        for (int i = 0; i < 3; i++) {
            assertEquals(closedForm(x, o.get("x_mean"), logvar, i), o.get("rec").getDouble(i), 1e-10);
        }
        assertEquals("x_logvar", VaeGraph.parameterNames(model(GaussianLikelihood.learned())).get(10));
    }

    @Test
    void fixedVarianceLogLikelihoodEqualsTheClosedForm() {
        GaussianLikelihood fixed = new GaussianLikelihood(0.25);
        SameDiff sd = VaeGraph.build(model(fixed), D, 1, DataType.DOUBLE, VaeGraph.Noise.PLACEHOLDER);
        INDArray x = normal(2, D, 3);
        Map<String, INDArray> o = sd.output(Map.of("input", x, "eps", normal(2, 2, 4)), "x_mean", "rec");
        double[] logvar = new double[D];
        java.util.Arrays.fill(logvar, Math.log(0.25));
        for (int i = 0; i < 2; i++) {
            assertEquals(closedForm(x, o.get("x_mean"), logvar, i), o.get("rec").getDouble(i), 1e-10);
        }
        assertEquals(10, VaeGraph.parameterNames(model(fixed)).size(), "nothing to learn");
    }

    @Test
    void gradientsMatchFiniteDifferencesIncludingTheLogVariance() {
        ModelSettings m = model(GaussianLikelihood.learned());
        SameDiff sd = VaeGraph.build(m, D, 1, DataType.DOUBLE, VaeGraph.Noise.PLACEHOLDER);
        sd.getVariable("x_logvar").getArr().assign(Nd4j.createFromArray(-1.0, -0.3, 0.0, 0.4, 1.0));
        Map<String, INDArray> placeholders = Map.of("input", normal(3, D, 5), "eps", normal(3, 2, 6));
        int checked = GradientCheck.assertMatchesFiniteDifferences(sd, placeholders,
                VaeGraph.parameterNames(m));
        assertEquals(20 + 4 + 8 + 2 + 8 + 2 + 6 + 3 + 15 + 5 + 5, checked);
    }

    @Test
    void klWeightScalesOnlyTheTrainingLoss() {
        ModelSettings m = model(new BernoulliLikelihood());
        Vae vae = Vae.create(m, D, 1);
        SameDiff sd = vae.graph();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, D).gt(0.5).castTo(DataType.FLOAT);
        vae.setKlWeight(0.25);
        Vae.seed(3);
        Map<String, INDArray> o = sd.output(Map.of("input", x), "cost", "cost_rec", "cost_KL");
        assertEquals(o.get("cost_rec").getDouble() + 0.25 * o.get("cost_KL").getDouble(), o.get("cost").getDouble(),
                1e-5);
        assertTrue(o.get("cost_KL").getDouble() > 0);
    }

    @Test
    void drawsScatterAroundTheMeansWithTheLearnedVariance() {
        Vae vae = Vae.create(model(GaussianLikelihood.learned()), D, 1);
        double[] logvar = {-2, -1, 0, 0.5, 1};
        vae.graph().getVariable(GaussianLikelihood.LOGVAR).getArr().assign(Nd4j.createFromArray(logvar)
                .castTo(DataType.FLOAT));
        int n = 20_000;
        INDArray means = Nd4j.rand(DataType.FLOAT, 1, D).repeat(0, n);
        INDArray draws = GaussianLikelihood.learned().draw(means, vae.graph(),
                Nd4j.getRandomFactory().getNewRandomInstance(7));
        INDArray residual = draws.sub(means);
        for (int d = 0; d < D; d++) {
            double variance = residual.getColumn(d).varNumber().doubleValue();
            // the sample variance of 20,000 normal draws is within 5% of the truth with overwhelming probability
            assertEquals(Math.exp(logvar[d]), variance, 0.05 * Math.exp(logvar[d]), "dimension " + d);
            assertEquals(0, residual.getColumn(d).meanNumber().doubleValue(), 4 * Math.sqrt(Math.exp(logvar[d]) / n));
        }
    }

    @Test
    void gaussianRefusesBinarizedData() {
        VaekitException e = assertThrows(VaekitException.class,
                () -> GaussianLikelihood.learned().checkData(null, Binarization.STOCHASTIC));
        assertEquals("model.likelihood = gaussian models real values: set data.binarization = none (it is stochastic)",
                e.getMessage());
    }
}

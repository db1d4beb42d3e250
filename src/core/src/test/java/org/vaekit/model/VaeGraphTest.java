package org.vaekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.config.ModelSettings;

class VaeGraphTest {
    private static final ModelSettings TINY =
            new ModelSettings(List.of(5), List.of(4), 3, HiddenActivation.TANH, 1.0, WeightInit.GLOROT);
    private static final ModelSettings SEED =
            new ModelSettings(List.of(500), List.of(500), 2, HiddenActivation.TANH, 1.0, WeightInit.GLOROT);
    private static final int D = 6;

    private static INDArray binary(int rows, long seed) {
        return RandomArrays.binary(rows, D, seed);
    }

    private static INDArray gaussian(int rows, int cols, long seed) {
        return RandomArrays.gaussian(rows, cols, seed);
    }

    private static SameDiff tinyGraph() {
        return VaeGraph.build(TINY, D, 1, DataType.DOUBLE, VaeGraph.Noise.PLACEHOLDER);
    }

    @Test
    void variablesAreNamedAsTheSeedWithTheirShapes() {
        SameDiff sd = VaeGraph.build(SEED, 784, 1, DataType.FLOAT, VaeGraph.Noise.SAMPLED);
        assertEquals(List.of("W1", "b1", "W2_mu", "b2_mu", "W2_logvar", "b2_logvar", "W3", "b3", "W4", "b4"),
                VaeGraph.parameterNames(SEED));
        assertArrayEquals(new long[] {784, 500}, sd.getVariable("W1").getArr().shape());
        assertArrayEquals(new long[] {500, 2}, sd.getVariable("W2_logvar").getArr().shape());
        assertArrayEquals(new long[] {2, 500}, sd.getVariable("W3").getArr().shape());
        assertArrayEquals(new long[] {784}, sd.getVariable("b4").getArr().shape());
        assertEquals(0.0, sd.getVariable("b1").getArr().sumNumber().doubleValue());
        double limit = Math.sqrt(6.0 / (784 + 500));
        INDArray w1 = sd.getVariable("W1").getArr();
        assertTrue(w1.maxNumber().doubleValue() <= limit && w1.minNumber().doubleValue() >= -limit);
        assertEquals(limit * limit / 3, w1.varNumber().doubleValue(), limit * limit / 30, "Glorot-uniform variance");
        for (String out : List.of("cost", "cost_rec", "cost_KL", "x_rec", "mu", "logvar", "z")) {
            assertTrue(sd.hasVariable(out), out);
        }
    }

    @Test
    void fanInInitialisationDrawsWeightsAndBiasesWithinOneOverRootFanIn() {
        ModelSettings fanIn = new ModelSettings(List.of(500), List.of(500), 2, HiddenActivation.TANH, 1.0,
                WeightInit.FAN_IN);
        SameDiff sd = VaeGraph.build(fanIn, 784, 1, DataType.FLOAT, VaeGraph.Noise.SAMPLED);
        INDArray w3 = sd.getVariable("W3").getArr();
        INDArray b3 = sd.getVariable("b3").getArr();
        double bound = 1 / Math.sqrt(2);
        assertTrue(w3.amaxNumber().doubleValue() <= bound && w3.amaxNumber().doubleValue() > 0.9 * bound);
        assertTrue(b3.amaxNumber().doubleValue() <= bound && b3.amaxNumber().doubleValue() > 0.9 * bound);
        assertEquals(bound * bound / 3, w3.varNumber().doubleValue(), bound * bound / 20);
        assertEquals(DataType.FLOAT, w3.dataType());
    }

    @Test
    void termsEqualTheirClosedFormsOnSmallArrays() {
        SameDiff sd = tinyGraph();
        INDArray x = binary(4, 2);
        INDArray eps = gaussian(4, 3, 3);
        Map<String, INDArray> o = sd.output(Map.of("input", x, "eps", eps),
                "mu", "logvar", "z", "logits", "x_rec", "rec", "kl", "cost_rec", "cost_KL", "cost");
        INDArray mu = o.get("mu");
        INDArray logvar = o.get("logvar");
        double klSum = 0;
        double recSum = 0;
        for (int i = 0; i < 4; i++) {
            double kl = 0;
            for (int j = 0; j < 3; j++) {
                double m = mu.getDouble(i, j);
                double lv = logvar.getDouble(i, j);
                kl += -0.5 * (1 + lv - m * m - Math.exp(lv));
                assertEquals(m + Math.exp(0.5 * lv) * eps.getDouble(i, j), o.get("z").getDouble(i, j), 1e-12);
            }
            assertEquals(kl, o.get("kl").getDouble(i), 1e-10);
            double rec = 0;
            for (int d = 0; d < D; d++) {
                double p = 1 / (1 + Math.exp(-o.get("logits").getDouble(i, d)));
                assertEquals(p, o.get("x_rec").getDouble(i, d), 1e-12);
                double xd = x.getDouble(i, d);
                rec -= xd * Math.log(p) + (1 - xd) * Math.log(1 - p);
            }
            assertEquals(rec, o.get("rec").getDouble(i), 1e-10);
            klSum += kl;
            recSum += rec;
        }
        assertEquals(recSum / 4, o.get("cost_rec").getDouble(), 1e-10);
        assertEquals(klSum / 4, o.get("cost_KL").getDouble(), 1e-10);
        assertEquals((recSum + klSum) / 4, o.get("cost").getDouble(), 1e-10);
    }

    @Test
    void logWeightIsTheLogJointMinusTheLogPosteriorDensity() {
        SameDiff sd = tinyGraph();
        INDArray x = binary(4, 7);
        INDArray eps = gaussian(4, 3, 8);
        Map<String, INDArray> o = sd.output(Map.of("input", x, "eps", eps), "mu", "logvar", "z", "rec", "log_weight");
        for (int i = 0; i < 4; i++) {
            double logPrior = 0;
            double logPosterior = 0;
            for (int j = 0; j < 3; j++) {
                double z = o.get("z").getDouble(i, j);
                double m = o.get("mu").getDouble(i, j);
                double var = Math.exp(o.get("logvar").getDouble(i, j));
                logPrior += -0.5 * Math.log(2 * Math.PI) - 0.5 * z * z;
                logPosterior += -0.5 * Math.log(2 * Math.PI * var) - 0.5 * (z - m) * (z - m) / var;
            }
            double expected = -o.get("rec").getDouble(i) + logPrior - logPosterior;
            assertEquals(expected, o.get("log_weight").getDouble(i), 1e-10, "example " + i);
        }
    }

    @Test
    void parameterShapesAreTheGraphsShapes() {
        ModelSettings deep = new ModelSettings(List.of(7, 5), List.of(4, 6), 3, HiddenActivation.RELU, 1.0,
                WeightInit.FAN_IN);
        SameDiff sd = VaeGraph.build(deep, D, 1, DataType.FLOAT, VaeGraph.Noise.SAMPLED);
        Map<String, long[]> shapes = VaeGraph.parameterShapes(deep, D);
        assertEquals(VaeGraph.parameterNames(deep), List.copyOf(shapes.keySet()));
        assertEquals(List.of("W1", "b1", "W1_2", "b1_2", "W2_mu", "b2_mu", "W2_logvar", "b2_logvar", "W3", "b3",
                "W3_2", "b3_2", "W4", "b4"), List.copyOf(shapes.keySet()));
        shapes.forEach((name, shape) -> assertArrayEquals(shape, sd.getVariable(name).getArr().shape()));
    }

    @Test
    void klMatchesAMonteCarloEstimate() {
        SameDiff sd = tinyGraph();
        INDArray x = binary(2, 5);
        Map<String, INDArray> o = sd.output(Map.of("input", x, "eps", gaussian(2, 3, 1)), "mu", "logvar", "kl");
        Random r = new Random(9);
        int samples = 200_000;
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (int s = 0; s < samples; s++) {
                double logRatio = 0; // log q(z|x) - log p(z) at z ~ q
                for (int j = 0; j < 3; j++) {
                    double m = o.get("mu").getDouble(i, j);
                    double sigma = Math.exp(0.5 * o.get("logvar").getDouble(i, j));
                    double e = r.nextGaussian();
                    double z = m + sigma * e;
                    logRatio += -Math.log(sigma) - 0.5 * e * e + 0.5 * z * z;
                }
                sum += logRatio;
            }
            assertEquals(o.get("kl").getDouble(i), sum / samples, 0.02, "example " + i);
        }
    }

    @Test
    void reconstructionStaysFiniteForSaturatedOutputs() {
        SameDiff sd = tinyGraph();
        sd.getVariable("W4").getArr().assign(0);
        // logits of +-200: sigmoid is exactly 0 or 1 in floating point, log(0) would be -inf, and ND4J's softplus
        // overflows above 88. Logits are capped at 80: an off pixel at +200 costs 80 nats, an on pixel at -200 its
        // exact 200.
        sd.getVariable("b4").getArr().assign(Nd4j.createFromArray(200.0, -200.0, 200.0, -200.0, 200.0, -200.0));
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0, 1, 0, 1, 0}, {0, 1, 1, 0, 1, 0}});
        INDArray rec = sd.output(Map.of("input", x, "eps", gaussian(2, 3, 1)), "rec").get("rec");
        assertEquals(0.0, rec.getDouble(0), 1e-9);
        assertEquals(80.0 + 200.0, rec.getDouble(1), 1e-9);
    }

    @Test
    void gradientsMatchFiniteDifferencesWithEpsHeldFixed() {
        SameDiff sd = tinyGraph();
        Map<String, INDArray> placeholders = Map.of("input", binary(3, 4), "eps", gaussian(3, 3, 6));
        int checked = GradientCheck.assertMatchesFiniteDifferences(sd, placeholders,
                VaeGraph.parameterNames(TINY));
        assertEquals(30 + 5 + 15 + 3 + 15 + 3 + 12 + 4 + 24 + 6, checked);
    }

    @Test
    void sampledNoiseIsFreshOnEveryCallAndReproducibleFromTheSeed() {
        ModelSettings noisy = new ModelSettings(List.of(5), List.of(4), 3, HiddenActivation.TANH, 0.5,
                WeightInit.GLOROT);
        SameDiff sd = VaeGraph.build(noisy, D, 1, DataType.FLOAT, VaeGraph.Noise.SAMPLED);
        Map<String, INDArray> in = Map.of("input", Nd4j.ones(DataType.FLOAT, 64, D));
        Nd4j.getRandom().setSeed(3);
        Map<String, INDArray> first = sd.output(in, "eps", "input_noisy");
        Map<String, INDArray> second = sd.output(in, "eps", "input_noisy");
        assertTrue(!first.get("eps").equals(second.get("eps")), "eps must be redrawn on every call");
        assertTrue(!first.get("input_noisy").equals(second.get("input_noisy")), "the input mask too");
        assertEquals(0.0, first.get("eps").meanNumber().doubleValue(), 0.25);
        assertEquals(0.5, first.get("input_noisy").meanNumber().doubleValue(), 0.1);
        Nd4j.getRandom().setSeed(3);
        assertEquals(first.get("eps"), sd.output(in, "eps").get("eps"), "same seed, same draws");
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}

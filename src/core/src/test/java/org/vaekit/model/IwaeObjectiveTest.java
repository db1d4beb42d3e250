package org.vaekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.Fixtures;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.ModelSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.MnistSource;
import org.vaekit.data.Split;
import org.vaekit.train.RunFolder;
import org.vaekit.train.TrainingRun;

class IwaeObjectiveTest {
    private static final ModelSettings ELBO =
            new ModelSettings(List.of(5), List.of(4), 3, HiddenActivation.TANH, 1.0, WeightInit.GLOROT);
    private static final int D = 6;

    private static INDArray binary(int rows, long seed) {
        return RandomArrays.binary(rows, D, seed);
    }

    private static INDArray gaussian(int rows, int cols, long seed) {
        return RandomArrays.gaussian(rows, cols, seed);
    }

    /** Graphs built with the same seed start with the same weights whatever the objective. */
    private static SameDiff graph(Objective objective, int k) {
        return VaeGraph.build(ELBO.withObjective(objective, k), D, 1, DataType.DOUBLE, VaeGraph.Noise.PLACEHOLDER);
    }

    private static double cost(SameDiff sd, INDArray x, INDArray eps) {
        return sd.output(Map.of("input", x, "eps", eps), "cost").get("cost").getDouble();
    }

    @Test
    void withOneSampleTheLossIsTheElboWithTheKlEstimatedBySameNoise() {
        INDArray x = binary(4, 2);
        INDArray eps = gaussian(4, 3, 3);
        SameDiff elbo = graph(Objective.ELBO, 1);
        Map<String, INDArray> o = elbo.output(Map.of("input", x, "eps", eps), "log_weight", "cost");
        double sampledElbo = -o.get("log_weight").meanNumber().doubleValue();
        assertEquals(sampledElbo, cost(graph(Objective.IWAE, 1), x, eps), 1e-10);
        // The closed-form KL differs from the sampled one for a given eps, only their expectations agree.
        assertTrue(Math.abs(sampledElbo - o.get("cost").getDouble()) > 1e-3);
    }

    @Test
    void theLossIsMinusTheMeanLogAverageWeightOverEachExamplesSamples() {
        int k = 3;
        INDArray x = binary(2, 4);
        INDArray eps = gaussian(2 * k, 3, 5);
        // The ELBO graph's log weights of each example repeated k times, row i*k + j with noise row i*k + j.
        INDArray logWeight = graph(Objective.ELBO, 1).output(Map.of("input", x.repeat(0, k), "eps", eps),
                "log_weight").get("log_weight");
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(logWeight.getDouble(i * k + j));
            }
            expected -= Math.log(sum / k) / 2;
        }
        SameDiff iwae = graph(Objective.IWAE, k);
        Map<String, INDArray> o = iwae.output(Map.of("input", x, "eps", eps), "cost", "iwae_bound", "kl", "mu");
        assertEquals(expected, o.get("cost").getDouble(), 1e-10);
        assertEquals(2, o.get("iwae_bound").length());
        assertEquals(2, o.get("kl").length(), "the KL is computed once per example");
    }

    @Test
    void gradientsMatchFiniteDifferencesWithEpsHeldFixed() {
        int k = 4;
        SameDiff sd = graph(Objective.IWAE, k);
        Map<String, INDArray> placeholders = Map.of("input", binary(3, 4), "eps", gaussian(3 * k, 3, 6));
        int checked = GradientCheck.assertMatchesFiniteDifferences(sd, placeholders, VaeGraph.parameterNames(ELBO));
        assertEquals(30 + 5 + 15 + 3 + 15 + 3 + 12 + 4 + 24 + 6, checked);
    }

    @Test
    void theBoundAndItsGradientStayFiniteWhereEveryWeightUnderflows() {
        int k = 3;
        SameDiff sd = graph(Objective.IWAE, k);
        sd.getVariable("W4").getArr().assign(0);
        // Logits of -400 on pixels that are on: log weights near -1200 nats, exp() of which is 0 even in double.
        sd.getVariable("b4").getArr().assign(-400);
        Map<String, INDArray> in = Map.of("input", Nd4j.ones(DataType.DOUBLE, 2, D), "eps", gaussian(2 * k, 3, 7));
        Map<String, INDArray> o = sd.output(in, "cost", "log_weight");
        assertTrue(o.get("log_weight").maxNumber().doubleValue() < -2000);
        double cost = o.get("cost").getDouble();
        assertTrue(Double.isFinite(cost) && cost > 2000, "cost " + cost);
        VaeGraph.createGradFunction(sd);
        INDArray grad = sd.calculateGradients(in, "b4").get("b4");
        // d cost / d b4_d = -(x_d - sigmoid(-400)) per example, averaged: -1 for every pixel.
        assertEquals(-1.0, grad.minNumber().doubleValue(), 1e-9);
        assertEquals(-1.0, grad.maxNumber().doubleValue(), 1e-9);
    }

    @Test
    void moreSamplesGiveALowerLossInExpectationOnATrainedModel() {
        TrainingRun run = Fixtures.trainedMini();
        VaeConfig cfg = ConfigLoader.load(run.folder().file(RunFolder.CONFIG), List.of());
        Vae trained = Vae.load(run.folder().file(RunFolder.MODEL), cfg.model());
        INDArray x = new DataPipeline(MnistSource.prepare(cfg.data()), cfg.data(), 1000)
                .evaluation(Split.TEST).get(0).getFeatures();
        Map<Integer, double[]> costs = Map.of(1, new double[30], 10, new double[30]);
        Vae.seed(11);
        double[] elbo = new double[30];
        for (int draw = 0; draw < 30; draw++) {
            elbo[draw] = trained.evaluate(x, "cost").get("cost").getDouble();
        }
        costs.forEach((k, out) -> {
            Vae iwae = Vae.fromWeights(cfg.model().withObjective(Objective.IWAE, k), trained.parameters(), "trained");
            for (int draw = 0; draw < out.length; draw++) {
                out[draw] = iwae.graph().output(Map.of("input", x), "cost").get("cost").getDouble();
            }
        });
        // k = 1 estimates the same ELBO as the closed-form loss; k = 10 is a tighter bound by a few nats.
        assertEquals(mean(elbo), mean(costs.get(1)), 4 * (stderr(elbo) + stderr(costs.get(1))));
        assertTrue(mean(costs.get(10)) < mean(elbo) - 4 * (stderr(elbo) + stderr(costs.get(10))),
                "IWAE k=10 " + mean(costs.get(10)) + " against ELBO " + mean(elbo));
    }

    @Test
    void evaluationDrawsOneSampleAndTheSampleCountSurvivesSaving() {
        ModelSettings iwae = new ModelSettings(List.of(8), List.of(8), 3, HiddenActivation.TANH, 1.0,
                WeightInit.GLOROT).withObjective(Objective.IWAE, 7);
        Vae vae = Vae.create(iwae, D, 3);
        INDArray x = binary(5, 9).castTo(DataType.FLOAT);
        assertEquals(5, vae.evaluate(x, "rec", "z").get("z").size(0));
        assertEquals(5 * 7, vae.graph().output(Map.of("input", x), "z").get("z").size(0));
        Vae loaded = Vae.fromBytes(vae.toBytes(), "bytes", iwae);
        assertEquals(7, loaded.graph().getVariable(VaeGraph.IWAE_SAMPLES).getArr().getInt(0));
        assertEquals(5, loaded.logLikelihood(x, 4).length());
        assertFalse(Vae.create(ELBO, D, 3).graph().hasVariable(VaeGraph.IWAE_SAMPLES));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double stderr(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double d : v) {
            ss += (d - m) * (d - m);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }
}

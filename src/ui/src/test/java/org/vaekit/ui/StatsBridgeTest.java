package org.vaekit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.Histogram;
import org.deeplearning4j.ui.model.stats.api.StatsInitializationReport;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.VaeTrainer;

class StatsBridgeTest {
    @TempDir
    Path runs;

    @Test
    void writesTheReportsDl4jsStatsListenerWritesForEveryReportedIteration() {
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=bridge", "train.epochs=2", "ui.report-every=5");
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        List<StatsBridge> bridge = new ArrayList<>();
        Map<Integer, Double> batchCosts = new HashMap<>();
        Listener costs = new BaseListener() { // the cost of every batch, as SameDiff computes it
            private double rec;
            private double kl;

            @Override
            public boolean isActive(Operation operation) {
                return operation == Operation.TRAINING;
            }

            @Override
            public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                            INDArray activation) {
                if (varName.equals("cost_rec")) {
                    rec = activation.getDouble(0);
                } else if (varName.equals("cost_KL")) {
                    kl = activation.getDouble(0);
                }
            }

            @Override
            public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
                batchCosts.put(at.iteration(), rec + kl);
            }
        };
        VaeTrainer.of(cfg).graphListeners((folder, vae) -> {
                    bridge.add(new StatsBridge(storage, "bridge",
                            new DashboardGraph(vae.settings(), cfg.train(), vae.inputSize()), 5));
                    return List.of(bridge.get(0), costs);
                }).train();
        bridge.get(0).close(); // the reports are stored when each fit ends, and the writer thread stops

        assertEquals(List.of("bridge"), storage.listSessionIDs());
        List<String> workers = storage.listWorkerIDsForSessionAndType("bridge", StatsListener.TYPE_ID);
        assertEquals(1, workers.size());
        StatsInitializationReport init = (StatsInitializationReport) storage.getStaticInfo("bridge",
                StatsListener.TYPE_ID, workers.get(0));
        assertTrue(init.getModelClassName().endsWith("ComputationGraph"), init.getModelClassName());
        assertEquals(10, init.getModelParamNames().length);
        assertTrue(init.getSwJvmVersion().startsWith("17"), init.getSwJvmVersion());

        // 900 examples / batch 50 = 18 iterations per epoch; iterations 0..35, reported every 5th
        List<Persistable> updates = storage.getAllUpdatesAfter("bridge", StatsListener.TYPE_ID, workers.get(0), 0);
        int[] iterations = updates.stream().mapToInt(u -> ((StatsReport) u).getIterationCount()).toArray();
        assertEquals(Arrays.toString(new int[] {0, 5, 10, 15, 20, 25, 30, 35}), Arrays.toString(iterations));

        StatsReport first = (StatsReport) updates.get(0);
        StatsReport last = (StatsReport) updates.get(updates.size() - 1);
        // the score is the batch's negative ELBO: near 784 ln 2 = 543 nats at the start, lower by the end
        for (Persistable u : updates) {
            StatsReport r = (StatsReport) u;
            assertEquals(batchCosts.get(r.getIterationCount()), r.getScore(), 1e-9, "iteration " + r.getIterationCount());
        }
        assertTrue(first.getScore() > 400 && first.getScore() < 700, "first score " + first.getScore());
        assertTrue(last.getScore() < first.getScore() - 100, first.getScore() + " -> " + last.getScore());
        assertEquals(36, last.getTotalMinibatches());
        assertEquals(1800, last.getTotalExamples());

        for (StatsType type : List.of(StatsType.Parameters, StatsType.Gradients, StatsType.Updates)) {
            Map<String, Double> mm = last.getMeanMagnitudes(type);
            assertEquals(10, mm.size(), type + " " + mm.keySet());
            assertTrue(mm.get("1_W") > 0, type + " 1_W");
            Map<String, Histogram> hist = last.getHistograms(type);
            // W1 has 784 x 64 = 50,176 values: every 2nd is summarised
            assertEquals(784 * 64 / 2, Arrays.stream(hist.get("1_W").getBinCounts()).sum(), type + " histogram of 1_W");
            assertEquals(64, Arrays.stream(hist.get("1_b").getBinCounts()).sum(), type + " histogram of b1");
        }
        // Adam's step is far smaller than the weights: the update:parameter ratio the overview charts
        double ratio = last.getMeanMagnitudes(StatsType.Updates).get("1_W")
                / last.getMeanMagnitudes(StatsType.Parameters).get("1_W");
        assertTrue(ratio > 1e-5 && ratio < 0.1, "ratio " + ratio);
        for (Persistable u : updates) {
            Map<String, Double> activations = ((StatsReport) u).getStdev(StatsType.Activations);
            assertEquals(List.of("1", "2_logvar", "2_mu", "3", "4", "z"), activations.keySet().stream().sorted().toList());
        }
        // the output layer's activations are probabilities
        Map<String, Histogram> outputs = last.getHistograms(StatsType.Activations);
        assertTrue(outputs.get("4").getMin() >= 0 && outputs.get("4").getMax() <= 1);
        assertEquals(1e-3, last.getLearningRates().get("4_b"), 1e-12);
        assertTrue(last.hasMemoryUse() && last.getJvmMaxBytes() > 0);
    }
}

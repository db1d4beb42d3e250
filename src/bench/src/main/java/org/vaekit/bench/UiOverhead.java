package org.vaekit.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.file.PathUtils;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.vaekit.config.RunSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;
import org.vaekit.train.EpochCosts;
import org.vaekit.train.EpochMetrics;
import org.vaekit.train.RunFolder;
import org.vaekit.train.Trainer;
import org.vaekit.ui.TrainingDashboard;
import org.vaekit.ui.VaePageListener;

/**
 * The training UI's cost: training epochs without and with the UI's listener (writing to a stats file and a
 * live UI server) alternate, so that both see the same machine load; both run the per-batch cost listener of
 * {@code train}. Reports the median of the on/off epoch-time ratios of adjacent pairs.
 */
public final class UiOverhead {
    private final VaeConfig config;
    private final int runs;
    private final PrintStream out;

    public UiOverhead(VaeConfig config, int runs, PrintStream out) {
        this.config = config;
        this.runs = runs;
        this.out = out;
    }

    /** Measures each batch size and prints samples/s off and on and the median ratio; returns the ratios. */
    public List<Double> run(List<Integer> batchSizes) {
        DataSource source = DataSources.open(config.data());
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        long examples = source.size(Split.TRAIN);
        out.printf(Locale.ROOT, "%d training examples, %d pairs of epochs (UI off, UI on) after 1 warm-up each%n",
                examples, runs);
        List<Double> ratios = new ArrayList<>();
        for (int batch : batchSizes) {
            DataSetIterator it = data.training(batch, config.run().seed());
            Vae vae = Vae.create(config.model(), source.inputSize(), config.run().seed());
            // prepare() sets Adam and the input mapping only: the batch size comes from the iterator.
            new Trainer(config.train(), config.run().seed()).prepare(vae);
            Path dir = temporaryDirectory();
            try (TrainingDashboard dashboard = TrainingDashboard.start(config, out)) {
                RunFolder run = RunFolder.create(new RunSettings("bench-ui-" + batch, dir, config.run().seed()),
                        "bench");
                Listener[] off = {new EpochCosts()};
                EpochCosts onCosts = new EpochCosts();
                List<Listener> on = new ArrayList<>(List.of(onCosts));
                VaePageListener page = dashboard.vaePage();
                page.dataReady(data);
                on.addAll(dashboard.listeners(run, vae));
                // an epoch report with the figures after each UI-on epoch, as train sends at ui.vae-every-epochs = 1
                Elbo noValidation = new Elbo(Double.NaN, Double.NaN, 0);
                int[] epoch = {0};
                double[][] rates = rates(examples, () -> {
                    it.reset();
                    vae.graph().fit(it, 1, off);
                }, () -> {
                    it.reset();
                    vae.graph().fit(it, 1, on.toArray(new Listener[0]));
                    page.epochDone(new EpochMetrics(++epoch[0], Double.NaN, Double.NaN, Double.NaN, noValidation,
                            0, 0));
                    // the figures are timed with this epoch, not left to overlap the next (UI-off) one
                    page.flush();
                });
                double[] pairs = new double[runs];
                for (int i = 0; i < runs; i++) {
                    pairs[i] = rates[0][i] / rates[1][i];
                }
                double ratio = Median.of(pairs);
                out.printf(Locale.ROOT, "batch %4d  UI off %8.0f samples/s  UI on %8.0f samples/s  on/off epoch time"
                        + " %.3f (median of %d pairs; report every %d iterations)%n", batch, Median.of(rates[0]),
                        Median.of(rates[1]), ratio, runs, config.ui().reportEvery());
                ratios.add(ratio);
            } finally {
                delete(dir);
            }
        }
        return ratios;
    }

    /** Samples/s of {@code runs} rounds of the epoch kinds run in turn, each warmed up once. */
    private double[][] rates(long examples, Runnable... epochs) {
        double[][] rates = new double[epochs.length][runs];
        for (Runnable epoch : epochs) {
            epoch.run();
        }
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < epochs.length; k++) {
                long start = System.nanoTime();
                epochs[k].run();
                rates[k][i] = examples / ((System.nanoTime() - start) / 1e9);
            }
        }
        return rates;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("vaekit-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

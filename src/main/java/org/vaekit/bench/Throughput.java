package org.vaekit.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.file.PathUtils;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.vaekit.config.RunSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.MnistSource;
import org.vaekit.data.Split;
import org.vaekit.model.Vae;
import org.vaekit.train.EpochCosts;
import org.vaekit.train.RunFolder;
import org.vaekit.train.Trainer;
import org.vaekit.ui.TrainingDashboard;

/**
 * Measures, side by side in one process, the training split's DataVec pipeline alone (read, scale,
 * binarize, batch) and full training epochs (pipeline + forward + backward + Adam) per batch size.
 * Each figure is the median of {@code runs} timed epochs after one warm-up epoch. With the training UI on, training
 * epochs without and with the UI's listener (writing to a stats file and a live UI server) alternate, so that
 * both see the same machine load; both run the per-batch cost listener of {@code train}.
 */
public final class Throughput {
    private final VaeConfig config;
    private final int runs;
    private final boolean ui;
    private final PrintStream out;

    /** @param ui also time training with the training UI on, side by side with it off */
    public Throughput(VaeConfig config, int runs, boolean ui, PrintStream out) {
        this.config = config;
        this.runs = runs;
        this.ui = ui;
        this.out = out;
    }

    /** Runs the measurements and prints a table; returns the rows (name, batch, median samples/s). */
    public List<Row> run(List<Integer> batchSizes) {
        MnistSource source = MnistSource.prepare(config.data(), out::println);
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        long examples = source.size(Split.TRAIN);
        out.printf(Locale.ROOT, "%d training examples, median of %d epochs after 1 warm-up, %d cores%n", examples,
                runs, Runtime.getRuntime().availableProcessors());
        List<Row> rows = new ArrayList<>();
        for (int batch : batchSizes) {
            DataSetIterator it = data.training(batch, config.run().seed());
            double pipeline = median(() -> {
                it.reset();
                while (it.hasNext()) {
                    it.next();
                }
            }, examples);
            rows.add(print(new Row("pipeline", batch, pipeline)));

            Vae vae = Vae.create(config.model(), source.inputSize(), config.run().seed());
            // prepare() sets Adam and the input mapping only: the batch size comes from the iterator.
            new Trainer(config.train(), config.run().seed(), false).prepare(vae);
            if (!ui) {
                double training = median(() -> {
                    it.reset();
                    vae.graph().fit(it, 1);
                }, examples);
                rows.add(print(new Row("training", batch, training)));
                out.printf(Locale.ROOT, "%-10s %6d %14.1fx%n", "ratio", batch, pipeline / training);
                continue;
            }
            Path dir = temporaryDirectory();
            try (TrainingDashboard dashboard = TrainingDashboard.start(config, out)) {
                RunFolder run = RunFolder.create(new RunSettings("bench-ui-" + batch, dir, config.run().seed()),
                        "bench", out);
                // both arms run the per-batch cost listener that training always runs
                Listener[] off = {new EpochCosts()};
                List<Listener> on = new ArrayList<>(List.of(new EpochCosts()));
                on.addAll(dashboard.listeners(run, vae));
                double[][] rates = rates(examples, () -> {
                    it.reset();
                    vae.graph().fit(it, 1, off);
                }, () -> {
                    it.reset();
                    vae.graph().fit(it, 1, on.toArray(new Listener[0]));
                });
                rows.add(print(new Row("training", batch, median(rates[0]))));
                rows.add(print(new Row("training+ui", batch, median(rates[1]))));
                // the median of each on/off pair's ratio: adjacent epochs share the machine's load
                double[] pairs = new double[runs];
                for (int i = 0; i < runs; i++) {
                    pairs[i] = rates[0][i] / rates[1][i];
                }
                out.printf(Locale.ROOT, "%-11s %5d %14.3f (epoch time with the UI on / off, median of %d pairs;"
                        + " report every %d iterations)%n", "ui ratio", batch, median(pairs), runs,
                        config.ui().reportEvery());
            } finally {
                delete(dir);
            }
        }
        return rows;
    }

    /** Samples/s of {@code runs} rounds of several epoch kinds run in turn, each warmed up once. */
    private double[][] rates(long examples, Runnable... epochs) {
        double[][] rates = new double[epochs.length][runs];
        for (Runnable epoch : epochs) {
            epoch.run(); // warm-up
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

    private Row print(Row row) {
        out.printf(Locale.ROOT, "%-10s %6d %14.0f samples/s%n", row.name(), row.batch(), row.samplesPerSecond());
        return row;
    }

    private double median(Runnable epoch, long examples) {
        return median(rates(examples, epoch)[0]);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** One measured figure. */
    public record Row(String name, int batch, double samplesPerSecond) {
    }
}

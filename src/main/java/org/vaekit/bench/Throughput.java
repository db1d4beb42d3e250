package org.vaekit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.model.Vae;
import org.vaekit.train.Trainer;

/**
 * Measures, side by side in one process, the training split's DataVec pipeline alone (read, scale,
 * binarize, batch) and full training epochs (pipeline + forward + backward + Adam) per batch size.
 * Each figure is the median of {@code runs} timed epochs after one warm-up epoch.
 */
public final class Throughput {
    private final VaeConfig config;
    private final int runs;
    private final PrintStream out;

    public Throughput(VaeConfig config, int runs, PrintStream out) {
        this.config = config;
        this.runs = runs;
        this.out = out;
    }

    /** Runs the measurements and prints a table; returns the rows (name, batch, median samples/s). */
    public List<Row> run(List<Integer> batchSizes) {
        DataSource source = DataSources.open(config.data(), out::println);
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
            double training = median(() -> {
                it.reset();
                vae.graph().fit(it, 1);
            }, examples);
            rows.add(print(new Row("training", batch, training)));
            out.printf(Locale.ROOT, "%-10s %6d %14.1fx%n", "ratio", batch, pipeline / training);
        }
        return rows;
    }

    private Row print(Row row) {
        out.printf(Locale.ROOT, "%-10s %6d %14.0f samples/s%n", row.name(), row.batch(), row.samplesPerSecond());
        return row;
    }

    private double median(Runnable epoch, long examples) {
        epoch.run(); // warm-up
        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            epoch.run();
            rates[i] = examples / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return runs % 2 == 1 ? rates[runs / 2] : (rates[runs / 2 - 1] + rates[runs / 2]) / 2;
    }

    /** One measured figure. */
    public record Row(String name, int batch, double samplesPerSecond) {
    }
}

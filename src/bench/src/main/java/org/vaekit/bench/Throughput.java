package org.vaekit.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.io.FileUtils;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.vaekit.config.ModelSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.eval.BlockNoise;
import org.vaekit.eval.ExampleBlocks;
import org.vaekit.eval.StreamingEncoder;
import org.vaekit.eval.StreamingScorer;
import org.vaekit.model.Vae;

/**
 * The benchmark of one setting, all in this JVM under its own environment: per batch size, the DataVec pipeline
 * alone (reading the files as training does, and from a heap copy of the data), then training (pipeline + forward
 * + backward + Adam, one epoch per pass) and inference (full forward pass) of vaekit's SameDiff model and of DL4J's
 * {@code VariationalAutoencoder} layer, encode and score, and PyTorch in a child process that inherits the
 * environment. Each figure is the median samples/s of {@code runs} passes after one warm-up pass; before the first
 * figure every subject trains for {@code warmupSeconds}. The peak memory of the default batch size's training is
 * measured around its timed epochs. {@link ThreadGrid} compares the subjects each at its own best setting instead.
 */
public final class Throughput {
    static final String PIPELINE = "pipeline";
    static final String PIPELINE_IN_MEMORY = "pipeline, in memory";
    static final String TRAINING = "training";
    static final String INFERENCE = "inference";
    static final String ENCODE = "encode";
    static final String SCORE = "score";

    private final VaeConfig config;
    private final int runs;
    private final int warmupSeconds;
    private final PyTorchOptions pytorch;
    private final PrintStream out;

    /** Where the PyTorch peer script is and which interpreters to try. */
    public record PyTorchOptions(Path script, List<String> pythons) {
    }

    public Throughput(VaeConfig config, int runs, int warmupSeconds, PyTorchOptions pytorch, PrintStream out) {
        this.config = config;
        this.runs = runs;
        this.warmupSeconds = warmupSeconds;
        this.pytorch = pytorch;
        this.out = out;
    }

    /** Runs every measurement, printing each figure as it comes; returns them all. */
    public BenchReport run(List<Integer> batchSizes) {
        Machine machine = Machine.probe();
        out.println(machine.describe());
        DataSource source = DataSources.open(config.data());
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        long examples = source.size(Split.TRAIN);
        out.printf(Locale.ROOT, "%d training examples; median of %d passes after 1 warm-up pass, each subject trained"
                + " for %d s first%n", examples, runs, warmupSeconds);

        JvmSubjects subjects = new JvmSubjects(config, source.inputSize(), runs, warmupSeconds, out);
        PyTorchPeer torch = new PyTorchPeer(pytorch.script(), pytorch.pythons(), source, config);
        int memoryBatch = memoryBatch(config, batchSizes);
        subjects.warmUp(data.training(batchSizes.get(0), config.run().seed()));

        List<BenchReport.Figure> figures = new ArrayList<>();
        Map<String, PeakMemory.Usage> memory = new LinkedHashMap<>();
        DataPipeline inMemory = new DataPipeline(DataSources.open(config.data().withInMemory(true)),
                config.data(), config.train().evalBatchSize());
        for (int batch : batchSizes) {
            DataSetIterator train = data.training(batch, config.run().seed());
            figures.add(print(new BenchReport.Figure(PIPELINE, batch, BenchReport.VAEKIT,
                    Median.samplesPerSecond(() -> drain(train), examples, runs))));
            DataSetIterator fromHeap = inMemory.training(batch, config.run().seed());
            figures.add(print(new BenchReport.Figure(PIPELINE_IN_MEMORY, batch, BenchReport.VAEKIT,
                    Median.samplesPerSecond(() -> drain(fromHeap), examples, runs))));
            subjects.measure(batch, train, examples, batch == memoryBatch ? memory : null)
                    .forEach(f -> figures.add(print(f)));
            Vae vae = Vae.create(config.model(), source.inputSize(), config.run().seed());
            figures.add(print(new BenchReport.Figure(ENCODE, batch, BenchReport.VAEKIT, Median.samplesPerSecond(
                    () -> streamed(out -> new StreamingEncoder(vae, source.labels()).write(
                            blocks(source, batch), out)), examples, runs))));
            figures.add(print(new BenchReport.Figure(SCORE, batch, BenchReport.VAEKIT, Median.samplesPerSecond(
                    () -> streamed(out -> new StreamingScorer(vae, source.labels(),
                            new BlockNoise(config.data().evalSeed(), batch), 0).write(blocks(source, batch), out, 10,
                            Optional.empty())), examples, runs))));
        }
        Optional<List<BenchReport.Figure>> peer = torch.measure(config, batchSizes, runs, warmupSeconds,
                new ThreadSetting(Map.of()));
        if (peer.isEmpty()) {
            out.println("PyTorch skipped: " + torch.description());
        }
        peer.orElse(List.of()).forEach(f -> figures.add(print(f)));
        BenchReport report = new BenchReport(machine, Machine.loadAverage(), config, examples, runs, warmupSeconds,
                memoryBatch, figures, memory, torch.description(), flopsPerExample(config.model(), source.inputSize()));
        out.println();
        out.print(report.markdown());
        return report;
    }

    /** The batch size whose training the memory figures cover: the config's, when it is measured. */
    static int memoryBatch(VaeConfig config, List<Integer> batchSizes) {
        return batchSizes.contains(config.train().batchSize()) ? config.train().batchSize() : batchSizes.get(0);
    }

    private BenchReport.Figure print(BenchReport.Figure f) {
        out.printf(Locale.ROOT, "%-10s batch %4d  %-20s %10.0f samples/s%n", f.name(), f.batch(), f.subject(),
                f.samplesPerSecond());
        return f;
    }

    private static void drain(DataSetIterator it) {
        it.reset();
        while (it.hasNext()) {
            it.next();
        }
    }

    /** The training split as the blocks encode and score read, {@code batch} examples each. */
    private ExampleBlocks blocks(DataSource source, int batch) {
        return ExampleBlocks.of(source, Split.TRAIN, config.data(), new BlockNoise(config.data().evalSeed(), batch),
                "the training split");
    }

    /** One pass of {@code write} into a scratch CSV file, removed afterwards. */
    private static void streamed(Consumer<Path> write) {
        try {
            Path dir = Files.createTempDirectory("vaekit-bench");
            try {
                write.accept(dir.resolve("out.csv"));
            } finally {
                FileUtils.deleteQuietly(dir.toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * FLOP of one training step per example: every weight is used in one multiply-add (2 FLOP) forward and
     * two backward (the gradients of the weights and of the layer's input), 6 FLOP in all.
     */
    static long flopsPerExample(ModelSettings m, int inputSize) {
        long weights = 0;
        int fanIn = inputSize;
        for (int units : m.encoder()) {
            weights += (long) fanIn * units;
            fanIn = units;
        }
        weights += 2L * fanIn * m.latent(); // mu and logvar heads
        fanIn = m.latent();
        for (int units : m.decoder()) {
            weights += (long) fanIn * units;
            fanIn = units;
        }
        weights += (long) fanIn * inputSize;
        return 6 * weights;
    }
}

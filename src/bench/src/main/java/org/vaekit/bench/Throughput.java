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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
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
 * The benchmark: per batch size, the DataVec pipeline alone (reading the files as training does, and from a heap
 * copy of the data), then training (pipeline + forward + backward +
 * Adam, one epoch per pass) and inference (full forward pass) of vaekit's SameDiff model, of DL4J's
 * {@code VariationalAutoencoder} layer and of PyTorch, side by side on the same data. Each figure is the median
 * samples/s of {@code runs} passes after one warm-up pass; before the first figure every subject trains for
 * {@code warmupSeconds}. The peak memory of the default batch size's training is measured around its timed epochs.
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

    /** Where the PyTorch peer script is, which interpreters to try, and the threads both sides compute with. */
    public record PyTorchOptions(Path script, List<String> pythons, int threads) {
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
        useThreads(pytorch.threads());
        Machine machine = Machine.probe();
        out.println(machine.describe());
        DataSource source = DataSources.open(config.data());
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        long examples = source.size(Split.TRAIN);
        out.printf(Locale.ROOT, "%d training examples; median of %d passes after 1 warm-up pass, each subject trained"
                + " for %d s first%n", examples, runs, warmupSeconds);

        List<Subject> subjects = List.of(new SameDiffVae(config, source.inputSize()),
                new Dl4jVaeLayer(config, source.inputSize()));
        PyTorchPeer torch = new PyTorchPeer(pytorch.script(), pytorch.pythons(), pytorch.threads(), source, config);
        int memoryBatch = batchSizes.contains(config.train().batchSize()) ? config.train().batchSize() : batchSizes.get(0);
        for (Subject s : subjects) {
            warmUp(s, data.training(batchSizes.get(0), config.run().seed()));
        }

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
            List<INDArray> batches = binarizedBatches(train);
            for (Subject s : subjects) {
                Runnable epoch = s.training(train);
                double[] rate = new double[1];
                Runnable measure = () -> rate[0] = Median.samplesPerSecond(epoch, examples, runs);
                if (batch == memoryBatch) {
                    memory.put(s.name(), PeakMemory.of(measure));
                } else {
                    measure.run();
                }
                figures.add(print(new BenchReport.Figure(TRAINING, batch, s.name(), rate[0])));
                figures.add(print(new BenchReport.Figure(INFERENCE, batch, s.name(),
                        Median.samplesPerSecond(s.inference(batches), examples, runs))));
            }
            Vae vae = Vae.create(config.model(), source.inputSize(), config.run().seed());
            figures.add(print(new BenchReport.Figure(ENCODE, batch, BenchReport.VAEKIT, Median.samplesPerSecond(
                    () -> streamed(out -> new StreamingEncoder(vae, source.labels()).write(
                            blocks(source, batch), out)), examples, runs))));
            figures.add(print(new BenchReport.Figure(SCORE, batch, BenchReport.VAEKIT, Median.samplesPerSecond(
                    () -> streamed(out -> new StreamingScorer(vae, source.labels(),
                            new BlockNoise(config.data().evalSeed(), batch), 0).write(blocks(source, batch), out, 10,
                            Optional.empty())), examples, runs))));
            Optional<Map<String, Double>> peer = torch.measure(config, batch, runs, warmupSeconds);
            if (peer.isEmpty()) {
                out.println("PyTorch skipped: " + torch.description());
            }
            for (var f : peer.orElse(Map.of()).entrySet()) {
                figures.add(print(new BenchReport.Figure(f.getKey(), batch, BenchReport.PYTORCH, f.getValue())));
            }
        }
        BenchReport report = new BenchReport(machine, config, examples, runs, warmupSeconds, memoryBatch, figures,
                memory, torch.description(), flopsPerExample(config.model(), source.inputSize()));
        out.println();
        out.print(report.markdown());
        return report;
    }

    /**
     * Trains for {@code warmupSeconds} (whole epochs, at least one). The JVM keeps compiling the training step for
     * that long: on two cores vaekit's rate at batch 50 rose from about 1,100 to 2,300 samples/s over the first
     * 30 s, with the JIT compiler taking a quarter of the CPU meanwhile, so passes timed earlier measure the compiler.
     */
    private void warmUp(Subject s, DataSetIterator train) {
        long start = System.nanoTime();
        int epochs = Median.repeatFor(s.training(train), warmupSeconds);
        out.printf(Locale.ROOT, "warm-up      %-20s %d epochs in %.0f s%n", s.name(), epochs,
                (System.nanoTime() - start) / 1e9);
    }

    /** ND4J's op threads, OpenMP and BLAS threads, so that both sides compute with as many threads. */
    private static void useThreads(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
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

    /** One epoch of the pipeline's binarized minibatches, kept so inference times the model alone. */
    private static List<INDArray> binarizedBatches(DataSetIterator it) {
        List<INDArray> out = new ArrayList<>();
        it.reset();
        while (it.hasNext()) {
            out.add(it.next().getFeatures());
        }
        return out;
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

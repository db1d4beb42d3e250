package org.vaekit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;

/**
 * The Java subjects, vaekit's SameDiff model and DL4J's VAE layer, measured in this JVM: each trained for the
 * warm-up time, then training and inference at each batch size. Its {@link #main} is the child process of one
 * thread setting of the grid, since ND4J's thread settings only take effect when its native library loads.
 */
public final class JvmSubjects {
    private final int runs;
    private final int warmupSeconds;
    private final PrintStream log;
    private final List<Subject> subjects;

    JvmSubjects(VaeConfig config, int inputSize, int runs, int warmupSeconds, PrintStream log) {
        this.runs = runs;
        this.warmupSeconds = warmupSeconds;
        this.log = log;
        this.subjects = List.of(new SameDiffVae(config, inputSize), new Dl4jVaeLayer(config, inputSize));
    }

    /**
     * Trains each subject for {@code warmupSeconds} (whole epochs, at least one). The JVM keeps compiling the
     * training step for that long: on two cores vaekit's rate at batch 50 rose from about 1,100 to 2,300 samples/s
     * over the first 30 s, with the JIT compiler taking a quarter of the CPU meanwhile, so passes timed earlier
     * measure the compiler.
     */
    void warmUp(DataSetIterator train) {
        for (Subject s : subjects) {
            long start = System.nanoTime();
            int epochs = Median.repeatFor(s.training(train), warmupSeconds);
            log.printf(Locale.ROOT, "warm-up      %-20s %d epochs in %.0f s%n", s.name(), epochs,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Training (a fresh model, one epoch per pass) and inference figures of each subject at one batch size.
     *
     * @param memory where each subject's peak memory while training goes, or null not to measure it
     */
    List<BenchReport.Figure> measure(int batch, DataSetIterator train, long examples,
                                     Map<String, PeakMemory.Usage> memory) {
        List<INDArray> batches = binarizedBatches(train);
        List<BenchReport.Figure> figures = new ArrayList<>();
        for (Subject s : subjects) {
            Runnable epoch = s.training(train);
            double[] rate = new double[1];
            Runnable timed = () -> rate[0] = Median.samplesPerSecond(epoch, examples, runs);
            if (memory != null) {
                memory.put(s.name(), PeakMemory.of(timed));
            } else {
                timed.run();
            }
            figures.add(new BenchReport.Figure(Throughput.TRAINING, batch, s.name(), rate[0]));
            figures.add(new BenchReport.Figure(Throughput.INFERENCE, batch, s.name(),
                    Median.samplesPerSecond(s.inference(batches), examples, runs)));
        }
        return figures;
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
     * Child process: {@code CONFIG_FILE BATCHES RUNS WARMUP_SECONDS MEMORY_BATCH}. Prints one JSON object per line
     * on stdout: the thread counts ND4J loaded with ({@code "name": "threads"}), then each figure and each
     * subject's peak memory; progress goes to stderr.
     */
    public static void main(String[] args) throws IOException {
        VaeConfig config = ConfigLoader.fromString(Files.readString(Path.of(args[0])), List.of());
        List<Integer> batchSizes = Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList();
        int runs = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int memoryBatch = Integer.parseInt(args[4]);
        ObjectMapper json = new ObjectMapper();

        var info = Nd4j.getExecutioner().getEnvironmentInformation();
        ObjectNode threads = json.createObjectNode().put("name", "threads")
                .put("nd4j", Nd4j.getEnvironment().maxThreads())
                .put("nd4j_master", Nd4j.getEnvironment().maxMasterThreads())
                .put("openmp", String.valueOf(info.get(Nd4jEnvironment.OMP_THREADS_KEY)))
                .put("blas", String.valueOf(info.get(Nd4jEnvironment.BLAS_THREADS_KEY)));
        System.out.println(json.writeValueAsString(threads));

        DataSource source = DataSources.open(config.data());
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        long examples = source.size(Split.TRAIN);
        JvmSubjects subjects = new JvmSubjects(config, source.inputSize(), runs, warmup, System.err);
        subjects.warmUp(data.training(batchSizes.get(0), config.run().seed()));
        for (int batch : batchSizes) {
            Map<String, PeakMemory.Usage> memory = batch == memoryBatch ? new LinkedHashMap<>() : null;
            for (BenchReport.Figure f : subjects.measure(batch, data.training(batch, config.run().seed()), examples,
                    memory)) {
                System.out.println(json.writeValueAsString(json.createObjectNode().put("name", f.name())
                        .put("batch", f.batch()).put("subject", f.subject())
                        .put("samples_per_second", f.samplesPerSecond())));
            }
            if (memory != null) {
                for (var m : memory.entrySet()) {
                    System.out.println(json.writeValueAsString(json.createObjectNode().put("name", "memory")
                            .put("subject", m.getKey()).put("resident", m.getValue().residentBytes())
                            .put("heap", m.getValue().heapBytes()).put("offheap", m.getValue().offHeapBytes())));
                }
            }
        }
        System.exit(0); // ends the child even if a library left a non-daemon thread running
    }
}

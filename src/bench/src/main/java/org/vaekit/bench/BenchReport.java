package org.vaekit.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaekit.config.VaeConfig;

/** The benchmark's figures and the machine they were measured on, as a Markdown report. */
public record BenchReport(Machine machine, String loadAtEnd, VaeConfig config, long examples, int runs, int warmupSeconds,
                          int memoryBatch, List<Figure> figures, Map<String, PeakMemory.Usage> memory, String pytorch,
                          long flopsPerExample) {
    static final String VAEKIT = "vaekit (SameDiff)";
    static final String DL4J = "DL4J VAE layer";
    static final String PYTORCH = "PyTorch";

    /** One median samples/s figure: what was timed ({@code pipeline}, {@code training}, {@code inference}), by whom. */
    public record Figure(String name, int batch, String subject, double samplesPerSecond) {
    }

    /** The figure, or NaN when it was not measured. */
    public double get(String name, int batch, String subject) {
        return figures.stream().filter(f -> f.name().equals(name) && f.batch() == batch && f.subject().equals(subject))
                .mapToDouble(Figure::samplesPerSecond).findFirst().orElse(Double.NaN);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "- %s%n- load average (1, 5, 15 min): %s at the start, %s at the end%n"
                        + "- model: %s%n- PyTorch: %s%n- environment: %s%n",
                machine.describe().replace("\n", "\n- "), machine.loadAtStart(), loadAtEnd,
                describeModel(config), pytorch, threadEnvironment()));
        md.append(String.format(Locale.ROOT, "%nSamples/s, median of %d passes over %d training examples after one "
                + "warm-up pass, each subject first trained for %d s; ratios are vaekit's figure over the peer's.%n%n",
                runs, examples, warmupSeconds));
        md.append("| figure | batch | " + VAEKIT + " | " + DL4J + " | " + PYTORCH + " | vs DL4J | vs PyTorch |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        List<Integer> batches = figures.stream().map(Figure::batch).distinct().toList();
        for (String name : List.of(Throughput.TRAINING, Throughput.INFERENCE, Throughput.PIPELINE,
                Throughput.PIPELINE_IN_MEMORY)) {
            boolean pipeline = name.startsWith(Throughput.PIPELINE);
            for (int b : batches) {
                double own = get(name, b, VAEKIT);
                // DL4J's layer reads the very same DataVec pipeline; PyTorch's reads a tensor in memory
                double dl4j = pipeline ? own : get(name, b, DL4J);
                double torch = get(pipeline ? Throughput.PIPELINE : name, b, PYTORCH);
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", name, b, rate(own),
                        pipeline ? "(same)" : rate(dl4j), rate(torch), pipeline ? "" : ratio(own / dl4j),
                        ratio(own / torch)));
            }
        }
        md.append("\nencode and score stream the training split to a CSV file in blocks of the batch size (DataVec "
                + "reading, binarizing, the graph, formatting and writing), vaekit only:\n\n"
                + "| batch | inference | encode | score | encode / inference | score / inference |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
        for (int b : batches) {
            double inference = get(Throughput.INFERENCE, b, VAEKIT);
            double encode = get(Throughput.ENCODE, b, VAEKIT);
            double score = get(Throughput.SCORE, b, VAEKIT);
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", b, rate(inference), rate(encode),
                    rate(score), ratio(encode / inference), ratio(score / inference)));
        }
        md.append(String.format(Locale.ROOT, "%nTraining FLOP: %.2f MFLOP per example (6 per weight); share of the "
                + "estimated peak (%.0f GFLOP/s):%n%n", flopsPerExample / 1e6, machine.peakFlops() / 1e9));
        md.append("| batch | " + VAEKIT + " | " + DL4J + " | " + PYTORCH + " |\n|---:|---:|---:|---:|\n");
        for (int b : batches) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s |%n", b, share(get(Throughput.TRAINING, b, VAEKIT)),
                    share(get(Throughput.TRAINING, b, DL4J)), share(get(Throughput.TRAINING, b, PYTORCH))));
        }
        md.append(String.format(Locale.ROOT, "%nPeak memory while training at batch %d (warm-up and timed epochs):%n%n"
                + "| | resident set (VmHWM) | JVM heap | ND4J off-heap (memory manager) |%n|---|---:|---:|---:|%n", memoryBatch));
        memory.forEach((who, u) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", who,
                mb(u.residentBytes()), mb(u.heapBytes()), mb(u.offHeapBytes()))));
        md.append("\nInference is the full forward pass to the reconstruction means: encode, sample z, decode "
                + "(DL4J's layer decodes the mean of q(z|x)). The pipeline is DataVec reading, scaling, shuffling, "
                + "binarizing and batching for vaekit and DL4J, reading the data files through memory maps as "
                + "training does (page cache warm: the files were read just before); \"in memory\" reads the same "
                + "records from a heap copy (data.in-memory = true). PyTorch's is a shuffled slice of an in-memory "
                + "tensor and torch.bernoulli.\n");
        return md.toString();
    }

    /** Writes the report to {@code dir/<date>.md} (or {@code <date>-2.md}, ... : earlier results are kept). */
    public Path save(Path dir, String command) {
        return ReportFile.save(dir, command, markdown());
    }

    /** The threading variables this JVM and the PyTorch child ran under. */
    static String threadEnvironment() {
        StringBuilder env = new StringBuilder();
        for (String key : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_THREAD_TIMEOUT", "SD_MAX_THREADS",
                "SD_MASTER_THREADS", "OPENBLAS_NUM_THREADS")) {
            String value = System.getenv(key);
            if (value != null) {
                env.append(env.length() == 0 ? "" : " ").append(key).append('=').append(value);
            }
        }
        return env.length() == 0 ? "no threading variables set" : env.toString();
    }

    static String describeModel(VaeConfig config) {
        var m = config.model();
        return String.format(Locale.ROOT, "encoder %s, latent %d, decoder %s, %s, Adam lr %s",
                m.encoder(), m.latent(), m.decoder(), m.activation().name().toLowerCase(Locale.ROOT),
                config.train().learningRate());
    }

    private String share(double samplesPerSecond) {
        if (Double.isNaN(samplesPerSecond)) {
            return "-";
        }
        double flops = samplesPerSecond * flopsPerExample;
        return String.format(Locale.ROOT, "%.1f GFLOP/s = %.1f%%", flops / 1e9, 100 * flops / machine.peakFlops());
    }

    static String rate(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
    }
}

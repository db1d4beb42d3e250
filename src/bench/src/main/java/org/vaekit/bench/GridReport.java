package org.vaekit.bench;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vaekit.config.VaeConfig;

/**
 * The figures of a thread-setting grid: each subject at its own best setting with the setting named, the ratios
 * between the subjects each at its best, and the whole grid with every pass's figure.
 *
 * @param seen     per setting, the thread counts each child reported it ran with
 * @param memory   per setting, each subject's peak memory (last pass; PyTorch's is its whole process's)
 */
public record GridReport(Machine machine, String loadAtEnd, VaeConfig config, long examples, String axes, int passes,
                         int runs, int warmupSeconds, int memoryBatch, List<ThreadSetting> settings,
                         List<Measured> measured, Map<ThreadSetting, ThreadsSeen> seen, List<Memory> memory,
                         String pytorch) {
    private static final List<String> SUBJECTS = List.of(BenchReport.VAEKIT, BenchReport.DL4J, BenchReport.PYTORCH);
    private static final List<String> FIGURES = List.of(Throughput.TRAINING, Throughput.INFERENCE);

    /** One figure of one pass under one setting. */
    public record Measured(ThreadSetting setting, int pass, BenchReport.Figure figure) {
    }

    /** Peak memory of one subject under one setting; -1 where not measured. */
    public record Memory(ThreadSetting setting, String subject, long residentBytes, long heapBytes, long offHeapBytes) {
    }

    /** What the children said they ran with: ND4J's and OpenMP's and BLAS's thread counts, PyTorch's. */
    public record ThreadsSeen(String jvm, String pytorch) {
    }

    /** A subject's best median and the setting it came from. */
    public record Best(ThreadSetting setting, double samplesPerSecond) {
    }

    /** Every pass's figure, in pass order. */
    List<Double> passesOf(ThreadSetting setting, String name, int batch, String subject) {
        return measured.stream().filter(m -> m.setting().equals(setting) && m.figure().name().equals(name)
                        && m.figure().batch() == batch && m.figure().subject().equals(subject))
                .sorted(Comparator.comparingInt(Measured::pass))
                .map(m -> m.figure().samplesPerSecond()).toList();
    }

    /** The median over the passes, or NaN when not measured. */
    public double median(ThreadSetting setting, String name, int batch, String subject) {
        List<Double> values = passesOf(setting, name, batch, subject);
        return values.isEmpty() ? Double.NaN : Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The setting under which a subject's median was highest. */
    public Optional<Best> best(String name, int batch, String subject) {
        return settings.stream().map(s -> new Best(s, median(s, name, batch, subject)))
                .filter(b -> !Double.isNaN(b.samplesPerSecond()))
                .max(Comparator.comparingDouble(Best::samplesPerSecond));
    }

    private double bestRate(String name, int batch, String subject) {
        return best(name, batch, subject).map(Best::samplesPerSecond).orElse(Double.NaN);
    }

    public String markdown() {
        List<Integer> batches = measured.stream().map(m -> m.figure().batch()).distinct().sorted().toList();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "- %s%n- load average (1, 5, 15 min): %s at the start, %s at the end%n"
                        + "- model: %s%n- PyTorch: %s%n- grid: %s (%d settings); per setting each subject runs in a "
                        + "process of its own started with that environment (vaekit and DL4J's layer in a child JVM, "
                        + "PyTorch in a child Python); %d passes, alternated (even passes take the settings in reverse "
                        + "order and start PyTorch first); the ND4J line above is the bench's own JVM, the children's "
                        + "thread counts are under \"The grid\"%n",
                machine.describe().replace("\n", "\n- "), machine.loadAtStart(), loadAtEnd,
                BenchReport.describeModel(config), pytorch, axes, settings.size(), passes));
        md.append(String.format(Locale.ROOT, "%nSamples/s. Each pass's figure is the median of %d passes over %d "
                + "training examples after one warm-up pass, each child process first training for %d s; a setting's "
                + "figure is the median over the grid's passes.%n", runs, examples, warmupSeconds));

        md.append("\n### Each subject at its own best\n\n| figure | batch | subject | samples/s | best setting |\n"
                + "|---|---:|---|---:|---|\n");
        for (String name : FIGURES) {
            for (int b : batches) {
                for (String subject : SUBJECTS) {
                    Optional<Best> best = best(name, b, subject);
                    md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", name, b, subject,
                            BenchReport.rate(best.map(Best::samplesPerSecond).orElse(Double.NaN)),
                            best.map(x -> "`" + x.setting().name() + "`").orElse("-")));
                }
            }
        }
        md.append("\nvaekit's figure over the peer's, each at its own best setting:\n\n"
                + "| figure | batch | vs DL4J | vs PyTorch |\n|---|---:|---:|---:|\n");
        for (String name : FIGURES) {
            for (int b : batches) {
                double own = bestRate(name, b, BenchReport.VAEKIT);
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s |%n", name, b,
                        BenchReport.ratio(own / bestRate(name, b, BenchReport.DL4J)),
                        BenchReport.ratio(own / bestRate(name, b, BenchReport.PYTORCH))));
            }
        }

        md.append("\n### The grid\n\nThread counts each child reported it ran with:\n\n"
                + "| setting | vaekit's JVM | PyTorch |\n|---|---|---|\n");
        for (ThreadSetting s : settings) {
            ThreadsSeen t = seen.getOrDefault(s, new ThreadsSeen("-", "-"));
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s |%n", s.name(), t.jvm(), t.pytorch()));
        }
        md.append("\nMedian over the passes (each pass's figure in brackets, in pass order):\n\n"
                + "| setting | figure | batch | " + String.join(" | ", SUBJECTS) + " |\n|---|---|---:|---:|---:|---:|\n");
        for (ThreadSetting s : settings) {
            for (String name : FIGURES) {
                for (int b : batches) {
                    md.append(String.format(Locale.ROOT, "| `%s` | %s | %d |", s.name(), name, b));
                    for (String subject : SUBJECTS) {
                        md.append(' ').append(cell(s, name, b, subject)).append(" |");
                    }
                    md.append('\n');
                }
            }
        }

        md.append(String.format(Locale.ROOT, "%n### Peak memory%n%nJava subjects: while training at batch %d, in the "
                + "child JVM that trains both (the DL4J layer after vaekit); PyTorch: its whole process, all batch "
                + "sizes. Last pass.%n%n| setting | subject | resident set | JVM heap | ND4J off-heap |%n"
                + "|---|---|---:|---:|---:|%n", memoryBatch));
        for (Memory m : memory) {
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", m.setting().name(), m.subject(),
                    BenchReport.mb(m.residentBytes()), BenchReport.mb(m.heapBytes()), BenchReport.mb(m.offHeapBytes())));
        }
        return md.toString();
    }

    private String cell(ThreadSetting s, String name, int batch, String subject) {
        List<Double> values = passesOf(s, name, batch, subject);
        if (values.isEmpty()) {
            return "-";
        }
        return BenchReport.rate(median(s, name, batch, subject)) + " ("
                + values.stream().map(BenchReport::rate).collect(Collectors.joining(" / ")) + ")";
    }

    /** Writes the report to {@code dir/<date>.md} (or {@code <date>-2.md}, ...). */
    public Path save(Path dir, String command) {
        return ReportFile.save(dir, command, markdown());
    }
}

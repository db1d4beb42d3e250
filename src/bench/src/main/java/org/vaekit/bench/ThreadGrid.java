package org.vaekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;

/**
 * Each subject at its own best thread setting. OpenMP, OpenBLAS and libnd4j read their thread settings from the
 * environment when they load, and one setting can speed up one subject and slow down another (on a shared
 * two-core machine {@code OMP_WAIT_POLICY=passive} made PyTorch 1.5-2.2x faster and left vaekit within its
 * noise), so every setting of the grid gets fresh processes: a child JVM for vaekit and DL4J's layer, a child
 * Python for PyTorch. Passes alternate the order of the settings and of the subjects, so that a change in the
 * machine's load during the run does not favour one setting or one subject.
 */
public final class ThreadGrid {
    private final VaeConfig config;
    private final List<String> axes;
    private final List<ThreadSetting> settings;
    private final int passes;
    private final int runs;
    private final int warmupSeconds;
    private final Throughput.PyTorchOptions pytorch;
    private final PrintStream out;

    /**
     * @param axes each {@code NAME=value1,value2,...}; the grid is every combination (see {@link ThreadSetting})
     */
    public ThreadGrid(VaeConfig config, List<String> axes, int passes, int runs, int warmupSeconds,
                      Throughput.PyTorchOptions pytorch, PrintStream out) {
        this.config = config;
        this.axes = axes;
        this.settings = ThreadSetting.grid(axes);
        this.passes = passes;
        this.runs = runs;
        this.warmupSeconds = warmupSeconds;
        this.pytorch = pytorch;
        this.out = out;
    }

    public GridReport run(List<Integer> batchSizes) {
        Machine machine = Machine.probe();
        out.println(machine.describe());
        out.println("load average (1, 5, 15 min): " + machine.loadAtStart());
        DataSource source = DataSources.open(config.data());
        long examples = source.size(Split.TRAIN);
        PyTorchPeer torch = new PyTorchPeer(pytorch.script(), pytorch.pythons(), source, config);
        int memoryBatch = Throughput.memoryBatch(config, batchSizes);
        Path configFile = writeConfig();
        out.printf(Locale.ROOT, "%d settings x %d passes; %d training examples, median of %d passes after 1 warm-up "
                + "pass, each child trained for %d s first%n", settings.size(), passes, examples, runs, warmupSeconds);

        List<GridReport.Measured> measured = new ArrayList<>();
        Map<ThreadSetting, String> jvmThreads = new LinkedHashMap<>();
        Map<ThreadSetting, String> torchThreads = new LinkedHashMap<>();
        Map<ThreadSetting, List<GridReport.Memory>> memory = new LinkedHashMap<>();
        for (int pass = 1; pass <= passes; pass++) {
            boolean forward = pass % 2 == 1;
            List<ThreadSetting> order = new ArrayList<>(settings);
            if (!forward) {
                Collections.reverse(order);
            }
            for (ThreadSetting s : order) {
                int p = pass;
                List<GridReport.Memory> used = new ArrayList<>();
                Runnable java = () -> runJvm(s, p, batchSizes, memoryBatch, configFile, measured, jvmThreads, used);
                Runnable python = () -> {
                    var figures = torch.measure(config, batchSizes, runs, warmupSeconds, s);
                    torchThreads.put(s, torch.description());
                    figures.orElse(List.of()).forEach(f -> measured.add(print(s, p, f)));
                    if (figures.isPresent()) {
                        used.add(new GridReport.Memory(s, BenchReport.PYTORCH, torch.residentBytes(), -1, -1));
                    } else {
                        out.println("PyTorch skipped: " + torch.description());
                    }
                };
                out.printf(Locale.ROOT, "pass %d of %d: %s (load average %s)%n", pass, passes, s.name(),
                        Machine.loadAverage());
                (forward ? java : python).run();
                (forward ? python : java).run();
                memory.put(s, used);
            }
        }
        Map<ThreadSetting, GridReport.ThreadsSeen> seen = new LinkedHashMap<>();
        settings.forEach(s -> seen.put(s, new GridReport.ThreadsSeen(jvmThreads.getOrDefault(s, "-"),
                torchThreads.getOrDefault(s, "-"))));
        GridReport report = new GridReport(machine, Machine.loadAverage(), config, examples,
                String.join(" x ", axes), passes, runs, warmupSeconds, memoryBatch, settings, measured, seen,
                memory.values().stream().flatMap(List::stream).toList(), torch.description());
        out.println();
        out.print(report.markdown());
        return report;
    }

    /** Runs {@link JvmSubjects} in a child JVM under the setting and collects what it prints. */
    private void runJvm(ThreadSetting s, int pass, List<Integer> batchSizes, int memoryBatch, Path configFile,
                        List<GridReport.Measured> measured, Map<ThreadSetting, String> seen,
                        List<GridReport.Memory> memory) {
        List<String> command = ChildJvm.command(JvmSubjects.class, List.of(configFile.toString(),
                batchSizes.stream().map(String::valueOf).collect(Collectors.joining(",")), String.valueOf(runs),
                String.valueOf(warmupSeconds), String.valueOf(memoryBatch)));
        ObjectMapper json = new ObjectMapper();
        try {
            Path errors = Files.createTempFile("vaekit-bench-", ".err");
            errors.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            s.applyTo(builder.environment(), true);
            Process child = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (!line.startsWith("{")) {
                        continue; // the libraries' own log lines
                    }
                    JsonNode n = json.readTree(line);
                    switch (n.path("name").asText()) {
                        case "threads" -> seen.put(s, String.format(Locale.ROOT, "ND4J %d (master %d), OpenMP %s, BLAS %s",
                                n.path("nd4j").asInt(), n.path("nd4j_master").asInt(), n.path("openmp").asText(),
                                n.path("blas").asText()));
                        case "memory" -> memory.add(new GridReport.Memory(s, n.path("subject").asText(),
                                n.path("resident").asLong(), n.path("heap").asLong(), n.path("offheap").asLong()));
                        default -> measured.add(print(s, pass, new BenchReport.Figure(n.path("name").asText(),
                                n.path("batch").asInt(), n.path("subject").asText(),
                                n.path("samples_per_second").asDouble())));
                    }
                }
            }
            int status = child.waitFor();
            if (status != 0) {
                throw new IllegalStateException("the child JVM for " + s.name() + " failed with exit status " + status
                        + ": " + Files.readString(errors).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring " + s.name(), e);
        }
    }

    private GridReport.Measured print(ThreadSetting s, int pass, BenchReport.Figure f) {
        out.printf(Locale.ROOT, "  %-10s batch %4d  %-20s %10.0f samples/s%n", f.name(), f.batch(), f.subject(),
                f.samplesPerSecond());
        return new GridReport.Measured(s, pass, f);
    }

    /** The resolved config, for the child JVMs to read. */
    private Path writeConfig() {
        try {
            Path file = Files.createTempFile("vaekit-bench-", ".conf");
            file.toFile().deleteOnExit();
            Files.writeString(file, config.render());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

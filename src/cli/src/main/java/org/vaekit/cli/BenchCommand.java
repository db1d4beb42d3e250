package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaekit.VaekitException;
import org.vaekit.bench.BenchReport;
import org.vaekit.bench.StepProfile;
import org.vaekit.bench.Throughput;
import org.vaekit.bench.UiOverhead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: vaekit's training and inference throughput against DL4J's VAE layer and PyTorch, and the pipeline's. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark training, inference and the DataVec pipeline (median samples/s) against DL4J's "
                + "VariationalAutoencoder layer and PyTorch, with peak memory; prints a table and saves it.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--batch", split = ",", defaultValue = "50,500", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--runs", defaultValue = "5", description = "Timed passes per figure (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "30", paramLabel = "SECONDS",
            description = "Seconds each subject trains before the first figure, so the JIT has compiled the step "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--python", split = ",", defaultValue = "python3,/usr/bin/python3",
            description = "Interpreters to try for the PyTorch peer, first that imports torch wins (default: ${DEFAULT-VALUE}).")
    List<String> pythons;

    @Option(names = "--threads", defaultValue = "2",
            description = "Compute threads of ND4J (ops, OpenMP, BLAS) and of PyTorch alike (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--results", defaultValue = "bench/results", paramLabel = "DIR",
            description = "Folder for the Markdown report <date>.md (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--ui", description = "Instead: time training with the training UI off and on, alternating epochs.")
    boolean ui;

    @Option(names = "--profile", description = "Instead: where a training step's time goes (the graph's ops, the "
            + "updater, the rest), over --runs epochs.")
    boolean profile;

    @Override
    public Integer call() {
        if (runs < 1 || threads < 1 || batches.stream().anyMatch(b -> b < 1)) {
            throw new VaekitException("bench: --runs, --threads and --batch need whole numbers >= 1");
        }
        if (warmup < 0) {
            throw new VaekitException("bench: --warmup needs a whole number of seconds >= 0, got " + warmup);
        }
        if (ui) {
            new UiOverhead(config.load(), runs, System.out).run(batches);
            return 0;
        }
        if (profile) {
            new StepProfile(config.load(), runs, warmup, System.out).run(batches);
            return 0;
        }
        var pytorch = new Throughput.PyTorchOptions(Path.of("bench", "pytorch_vae.py"), pythons, threads);
        BenchReport report = new Throughput(config.load(), runs, warmup, pytorch, System.out).run(batches);
        String command = ompEnvironment() + "mvn -q compile exec:java -Dexec.args=\""
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()) + "\"";
        System.out.println("saved " + report.save(results, command));
        return 0;
    }

    /** The OpenMP settings of this run, which change the figures much on a busy machine. */
    private static String ompEnvironment() {
        StringBuilder env = new StringBuilder();
        for (String key : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY")) {
            String value = System.getenv(key);
            if (value != null) {
                env.append(key).append('=').append(value).append(' ');
            }
        }
        return env.toString();
    }
}

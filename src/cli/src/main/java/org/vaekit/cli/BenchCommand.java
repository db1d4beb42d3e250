package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaekit.VaekitException;
import org.vaekit.bench.StepProfile;
import org.vaekit.bench.ThreadGrid;
import org.vaekit.bench.Throughput;
import org.vaekit.bench.UiOverhead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: vaekit's training and inference throughput against DL4J's VAE layer and PyTorch, each at its own
 * best thread setting; or, with {@code --single}, everything including the pipeline in this JVM's environment.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark training and inference (median samples/s) of vaekit, DL4J's VariationalAutoencoder "
                + "layer and PyTorch, each subject under every thread setting of a grid in processes of its own, "
                + "and report each at its best; prints the report and saves it.")
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

    @Option(names = "--grid", split = ";", paramLabel = "NAME=V1,V2",
            defaultValue = "OMP_WAIT_POLICY=active,passive;OMP_NUM_THREADS=2,1",
            description = "Environment variables to try, every combination a setting; a value 'unset' removes the "
                    + "variable. OMP_NUM_THREADS also sets ND4J's SD_MAX_THREADS and PyTorch's thread count. "
                    + "Repeatable or ';'-separated (default: ${DEFAULT-VALUE}).")
    List<String> grid;

    @Option(names = "--passes", defaultValue = "2",
            description = "Passes over the grid, alternating the order (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--single", description = "Instead: one setting, the bench's own environment, every subject "
            + "in this JVM (PyTorch in a child that inherits it), with the pipeline, encode and score figures.")
    boolean single;

    @Option(names = "--results", defaultValue = "target/bench", paramLabel = "DIR",
            description = "Folder for the Markdown report <date>.md (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--ui", description = "Instead: time training with the training UI off and on, alternating epochs.")
    boolean ui;

    @Option(names = "--profile", description = "Instead: where a training step's time goes (the graph's ops, the "
            + "updater, the rest), over --runs epochs.")
    boolean profile;

    @Override
    public Integer call() {
        if (runs < 1 || passes < 1 || batches.stream().anyMatch(b -> b < 1)) {
            throw new VaekitException("bench: --runs, --passes and --batch need whole numbers >= 1");
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
        var pytorch = new Throughput.PyTorchOptions(Path.of("bench", "pytorch_vae.py"), pythons);
        String command = threadEnvironment() + "mvn -q compile exec:java -Dexec.args=\""
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()) + "\"";
        Path saved = single
                ? new Throughput(config.load(), runs, warmup, pytorch, System.out).run(batches).save(results, command)
                : new ThreadGrid(config.load(), grid, passes, runs, warmup, pytorch, System.out).run(batches)
                        .save(results, command);
        System.out.println("saved " + saved);
        return 0;
    }

    /** The threading variables the bench was started with: the single setting's, and what the grid starts from. */
    private static String threadEnvironment() {
        StringBuilder env = new StringBuilder();
        for (String key : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_THREAD_TIMEOUT", "SD_MAX_THREADS")) {
            String value = System.getenv(key);
            if (value != null) {
                env.append(key).append('=').append(value).append(' ');
            }
        }
        return env.toString();
    }
}

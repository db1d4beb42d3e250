package org.vaekit.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vaekit.bench.Throughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench}: median samples/s of the data pipeline alone and of training, per batch size. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the DataVec pipeline and training throughput side by side (median of several epochs).")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--batch", split = ",", defaultValue = "50,500", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--runs", defaultValue = "5", description = "Timed epochs per figure (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--ui", description = "Time training with the training UI off and on, alternating epochs.")
    boolean ui;

    @Override
    public Integer call() {
        new Throughput(config.load(), runs, ui, System.out).run(batches);
        return 0;
    }
}

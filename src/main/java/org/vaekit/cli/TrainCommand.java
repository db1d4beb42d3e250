package org.vaekit.cli;

import java.util.concurrent.Callable;
import org.vaekit.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train [--config FILE] [--set key=value]...} */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE and write runs/<name>/ (config, metrics.csv, model, log, run.json).")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--no-progress", description = "Print only one line per epoch, no progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        TrainingRun.execute(config.load(), System.out, !noProgress && System.console() != null);
        return 0;
    }
}

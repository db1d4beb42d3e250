package org.vaekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train [--config FILE] [--set key=value]...} */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE and write runs/<name>/ (config, metrics.csv, model, log, run.json).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "conf/mnist-vae.conf",
            description = "HOCON config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. --set train.epochs=5 --set model.encoder=[500,250]. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--no-progress", description = "Print only one line per epoch, no progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        VaeConfig cfg = ConfigLoader.load(config, overrides);
        TrainingRun.execute(cfg, System.out, !noProgress && System.console() != null);
        return 0;
    }
}

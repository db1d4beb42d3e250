package org.vaekit.cli;

import java.util.concurrent.Callable;
import org.vaekit.VaekitException;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.TrainingRun;
import org.vaekit.ui.TrainingDashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train [--config FILE] [--set key=value]... [--keep-ui]} */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE and write runs/<name>/ (config, metrics.csv, model, log, run.json, UI stats),"
                + " showing it live in the DL4J training UI.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--no-progress", description = "Print only one line per epoch, no progress bar.")
    boolean noProgress;

    @Option(names = "--keep-ui", description = "Keep serving the training UI after training, until Ctrl+C (ui.keep).")
    boolean keepUi;

    @Override
    public Integer call() {
        VaeConfig cfg = config.load();
        boolean progress = !noProgress && System.console() != null;
        if (!cfg.ui().enabled()) {
            if (keepUi) {
                throw new VaekitException("--keep-ui needs the training UI: ui.enabled is false");
            }
            TrainingRun.execute(cfg, System.out, progress);
            return 0;
        }
        try (TrainingDashboard dashboard = TrainingDashboard.start(cfg, System.out)) {
            TrainingRun.execute(cfg, System.out, progress, dashboard::listeners);
            if (keepUi || cfg.ui().keep()) {
                dashboard.ui().serveUntilStopped(System.out);
            }
        }
        return 0;
    }
}

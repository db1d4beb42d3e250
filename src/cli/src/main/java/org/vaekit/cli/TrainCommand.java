package org.vaekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaekit.VaekitException;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.RunFolder;
import org.vaekit.train.VaeTrainer;
import org.vaekit.ui.TrainingDashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train [--config FILE] [--set key=value]... [--resume RUN_DIR] [--keep-ui]} */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE and write runs/<name>/ (config, metrics.csv, model, checkpoints, log, run.json,"
                + " UI stats), showing it live in the DL4J training UI.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run from its newest readable checkpoint, with its own config.conf.")
    Path resume;

    @Option(names = "--no-progress", description = "Print only one line per epoch, no progress bar.")
    boolean noProgress;

    @Option(names = "--keep-ui", description = "Keep serving the training UI after training, until Ctrl+C (ui.keep).")
    boolean keepUi;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean progress = !noProgress && System.console() != null;
        VaeConfig cfg;
        if (resume == null) {
            cfg = config.load();
        } else {
            var parsed = spec.commandLine().getParseResult();
            if (parsed.hasMatchedOption("--config") || parsed.hasMatchedOption("--set")) {
                throw new VaekitException("--resume continues " + resume + " with its own config.conf: --config and"
                        + " --set cannot be combined with it");
            }
            cfg = RunFolder.open(resume).config();
        }
        if (!cfg.ui().enabled()) {
            if (keepUi) {
                throw new VaekitException("--keep-ui needs the training UI: ui.enabled is false");
            }
            train(VaeTrainer.of(cfg), progress);
            return 0;
        }
        try (TrainingDashboard dashboard = TrainingDashboard.start(cfg, System.out)) {
            train(dashboard.watch(VaeTrainer.of(cfg)), progress);
            if (keepUi || cfg.ui().keep()) {
                dashboard.ui().serveUntilStopped(System.out);
            }
        }
        return 0;
    }

    private void train(VaeTrainer trainer, boolean progress) {
        trainer.checkpointOnShutdown(true);
        if (progress) {
            trainer.listener(new ProgressBarListener());
        }
        if (resume == null) {
            trainer.train();
        } else {
            trainer.resume(resume, null);
        }
    }
}

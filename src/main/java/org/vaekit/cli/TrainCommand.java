package org.vaekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaekit.VaekitException;
import org.vaekit.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train [--config FILE] [--set key=value]... [--resume RUN_DIR]} */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE and write runs/<name>/ (config, metrics.csv, model, checkpoints, log, run.json).")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run from its newest readable checkpoint, with its own config.conf.")
    Path resume;

    @Option(names = "--no-progress", description = "Print only one line per epoch, no progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean progress = !noProgress && System.console() != null;
        if (resume == null) {
            TrainingRun.execute(config.load(), System.out, progress);
            return 0;
        }
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--config") || parsed.hasMatchedOption("--set")) {
            throw new VaekitException("--resume continues " + resume + " with its own config.conf: --config and --set"
                    + " cannot be combined with it");
        }
        TrainingRun.resume(resume, System.out, progress);
        return 0;
    }
}

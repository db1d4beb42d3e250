package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaekit.train.TrainedRun;
import org.vaekit.VaekitException;
import org.vaekit.config.EvalSettings;
import org.vaekit.eval.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate RUN_DIR}: the negative ELBO per split and digit and the log p(x) estimate of a trained run. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Print the negative ELBO (and its parts) of a run's model on train, validation and test, per"
                + " digit, and the importance-sampled log p(x) on test; write RUN_DIR/" + Evaluation.FILE + "."})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train or import.")
    Path runDir;

    @Option(names = "--iwae-samples", split = ",", paramLabel = "K",
            description = "Importance samples per example, e.g. 1,10,100 (default: the run's eval.iwae-samples).")
    List<Integer> samples;

    @Option(names = "--iwae-examples", paramLabel = "N",
            description = "Test examples for log p(x), 0 = all (default: the run's eval.iwae-examples).")
    Integer examples;

    @Override
    public Integer call() {
        TrainedRun run = TrainedRun.open(runDir);
        EvalSettings configured = run.config().eval();
        EvalSettings settings = new EvalSettings(samples == null ? configured.iwaeSamples() : samples,
                examples == null ? configured.iwaeExamples() : examples);
        if (settings.iwaeSamples().stream().anyMatch(k -> k < 1) || settings.iwaeExamples() < 0) {
            throw new VaekitException("--iwae-samples must be whole numbers >= 1 and --iwae-examples >= 0");
        }
        Evaluation evaluation = Evaluation.of(run.vae(), run.data(), settings, run.config().data().evalSeed());
        System.out.println(evaluation.table());
        run.folder().write(Evaluation.FILE, evaluation.toJson());
        System.out.println("wrote " + run.folder().file(Evaluation.FILE));
        return 0;
    }
}

package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.eval.SplitEvaluation;
import org.vaekit.model.Vae;
import org.vaekit.train.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code evaluate RUN_DIR}: the negative ELBO per split of a trained run. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print the negative ELBO (and its parts) of a run's model on train, validation and test.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train.")
    Path runDir;

    @Override
    public Integer call() {
        RunFolder run = RunFolder.open(runDir, System.out);
        VaeConfig cfg = ConfigLoader.load(run.file(RunFolder.CONFIG), List.of());
        DataSource source = DataSources.open(cfg.data(), run.dir(), System.out::println);
        Vae vae = Vae.load(run.file(RunFolder.MODEL), cfg.model());
        vae.requireInputSize(source.inputSize(), "the data (data.source = " + cfg.data().source() + ")");
        DataPipeline data = new DataPipeline(source, cfg.data(), cfg.train().evalBatchSize());
        System.out.println("negative ELBO in nats per example:");
        System.out.println(SplitEvaluation.of(vae, data, cfg.data().evalSeed()).table());
        return 0;
    }
}

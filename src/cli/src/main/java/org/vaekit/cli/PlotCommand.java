package org.vaekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaekit.plot.Figures;
import org.vaekit.train.RunFolder;
import org.vaekit.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plot RUN_DIR}: every figure of a run as PNG files in RUN_DIR/figures/. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Write the run's figures (cost curves, latent space, reconstructions, samples, manifold,"
                + " reconstruction error per digit and against posterior variance) as PNG files in RUN_DIR/figures/.")
final class PlotCommand implements Callable<Integer> {
    static final String FIGURES = "figures";

    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train or import.")
    Path runDir;

    @Override
    public Integer call() {
        TrainedRun run = TrainedRun.open(runDir);
        for (Path png : Figures.write(run.vae(), run.data(), run.config().plot(), run.folder().file(RunFolder.METRICS),
                run.folder().file(FIGURES), run.config().data().evalSeed(), System.out::println)) {
            System.out.println("wrote " + png);
        }
        return 0;
    }
}

package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.model.Samples;
import org.vaekit.plot.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sample RUN_DIR -n N}: N samples from the prior as one PNG grid. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw N images from the model (z ~ N(0, I)) and write them as a PNG grid, by default"
                + " RUN_DIR/figures/samples-N.png.")
final class SampleCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train or import.")
    Path runDir;

    @Option(names = "-n", required = true, paramLabel = "N", description = "Number of images.")
    int n;

    @Option(names = "--bernoulli", description = "Draw binary images from p(x|z) instead of showing its means.")
    boolean bernoulli;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the PNG.")
    Path out;

    @Override
    public Integer call() {
        if (n < 1) {
            throw new VaekitException("-n " + n + ": expected a number of images >= 1");
        }
        TrainedRun run = TrainedRun.open(runDir);
        Path png = out != null ? out : run.folder().file(PlotCommand.FIGURES).resolve("samples-" + n + ".png");
        Samples s = run.vae().sample(n, Nd4j.getRandomFactory().getNewRandomInstance(seed));
        int columns = (int) Math.ceil(Math.sqrt(n));
        String what = bernoulli ? "Bernoulli draws from p(x|z)" : "means of p(x|z)";
        ImageGrid.write(ImageGrid.titled(ImageGrid.of(bernoulli ? s.draws() : s.means(), columns, 2, false),
                n + " samples, z ~ N(0, I): " + what, List.of(), 0), png);
        System.out.println("wrote " + png);
        return 0;
    }
}

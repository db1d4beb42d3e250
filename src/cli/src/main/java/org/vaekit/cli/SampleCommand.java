package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.train.TrainedRun;
import org.vaekit.VaekitException;
import org.vaekit.model.Samples;
import org.vaekit.plot.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sample RUN_DIR -n N}: N samples from the prior as one PNG grid (images) or a CSV table (other data). */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw N samples from the model (z ~ N(0, I)) and write them as a PNG grid, by default"
                + " RUN_DIR/figures/samples-N.png, or for data that are not square images as a CSV table (z and x per"
                + " row), by default RUN_DIR/samples-N.csv.")
final class SampleCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train or import.")
    Path runDir;

    @Option(names = "-n", required = true, paramLabel = "N", description = "Number of samples.")
    int n;

    @Option(names = {"--draw", "--bernoulli"}, description = "Draw from p(x|z) (binary images for the Bernoulli"
            + " likelihood, mean plus noise for the Gaussian) instead of showing its means.")
    boolean draw;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the PNG (or CSV).")
    Path out;

    @Override
    public Integer call() {
        if (n < 1) {
            throw new VaekitException("-n " + n + ": expected a number of images >= 1");
        }
        TrainedRun run = TrainedRun.open(runDir);
        Samples s = run.vae().sample(n, Nd4j.getRandomFactory().getNewRandomInstance(seed));
        INDArray values = draw ? s.draws() : s.means();
        String what = draw ? run.config().model().likelihood().distribution() + " draws from p(x|z)" : "means of p(x|z)";
        Path file;
        if (ImageGrid.isSquare(run.vae().inputSize())) {
            file = out != null ? out : run.folder().file(PlotCommand.FIGURES).resolve("samples-" + n + ".png");
            int columns = (int) Math.ceil(Math.sqrt(n));
            ImageGrid.write(ImageGrid.titled(ImageGrid.of(values, columns, 2, false),
                    n + " samples, z ~ N(0, I): " + what, List.of(), 0), file);
        } else {
            // not images: one row per sample, in the (scaled) units the model was trained on
            file = out != null ? out : run.folder().file("samples-" + n + ".csv");
            SampleTable.write(s.z(), values, file);
        }
        System.out.println("wrote " + file);
        return 0;
    }
}

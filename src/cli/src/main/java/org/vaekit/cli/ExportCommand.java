package org.vaekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaekit.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export RUN_DIR --npz FILE}: the model's weights by name as a NumPy .npz file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the run's weights (W1 b1 W2_mu b2_mu W2_logvar b2_logvar W3 b3 W4 b4, and deeper layers'"
                + " W1_2 ... W3_2 ...) as a NumPy .npz file; weights are [inputs, outputs], a layer is x W + b.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train or import.")
    Path runDir;

    @Option(names = "--npz", required = true, paramLabel = "FILE", description = "The .npz file to write (new).")
    Path npz;

    @Override
    public Integer call() {
        TrainedRun run = TrainedRun.open(runDir);
        run.vae().exportNpz(npz);
        System.out.println("wrote " + npz + " (" + String.join(" ", run.vae().parameters().keySet()) + ")");
        return 0;
    }
}

package org.vaekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaekit.train.ImportedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code import FILE --config FILE}: a run folder whose model holds the weights of a NumPy .npz file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Build a model of the config's architecture from named weights in a NumPy .npz file (shapes"
                + " checked) and write it as a new run folder, ready for evaluate, plot, sample and export.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The .npz file (e.g. from numpy.savez).")
    Path npz;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        ImportedRun.execute(config.load(), npz);
        return 0;
    }
}

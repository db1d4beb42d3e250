package org.vaekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaekit.eval.CsvTable;
import org.vaekit.eval.StreamingEncoder;
import org.vaekit.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code encode RUN_DIR --out FILE}: the posterior mean and log-variance of every example, streamed to CSV. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Write the posterior q(z|x) of every example of a split (default: the run's test split) or of"
                + " given data as CSV: index,label,mu_0,...,logvar_0,... Streamed block by block.")
final class EncodeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train or import.")
    Path runDir;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (must not"
            + " exist).")
    Path out;

    @Override
    public Integer call() {
        CsvTable.requireAbsent(out);
        TrainedRun run = TrainedRun.open(runDir);
        DataOptions.Input input = data.open(run);
        long rows = new StreamingEncoder(run.vae(), input.source().labels()).write(input.blocks(), out);
        System.out.println("wrote " + rows + " rows to " + out);
        return 0;
    }
}

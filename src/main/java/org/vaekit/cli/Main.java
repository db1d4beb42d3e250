package org.vaekit.cli;

import java.io.PrintWriter;
import org.vaekit.VaekitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code vaekit SUBCOMMAND ...}; with no arguments, trains with conf/mnist-vae.conf. */
@Command(name = "vaekit", mixinStandardHelpOptions = true, version = "vaekit 0.1.0",
        description = "Train and inspect variational autoencoders (SameDiff, DataVec, ND4J Adam).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PlotCommand.class, SampleCommand.class,
            ExportCommand.class, ImportCommand.class, UiCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 bad usage or input. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof VaekitException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args.length == 0 ? new String[] {"train"} : args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(new PrintWriter(System.out, true));
    }
}

package org.vaekit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.vaekit.VaekitException;
import org.vaekit.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code vaekit SUBCOMMAND ...}; with no arguments, trains with conf/mnist-vae.conf. */
@Command(name = "vaekit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Train and inspect variational autoencoders (SameDiff, DataVec, ND4J Adam).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PlotCommand.class, SampleCommand.class,
            EncodeCommand.class, ScoreCommand.class, ExportCommand.class, ImportCommand.class, UiCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // JavaCPP reads /proc/self/statm each time ND4J wraps a native pointer (~290 times per training step) to
        // force a GC when the process passes this size; 0 skips that check (10% more samples/s at batch 50 here)
        // while its heap-sized limit on tracked native memory stays. A value given with -D is kept.
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null
                && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(Locale.ROOT)) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        System.setOut(new QuietStdout(System.out));
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

    /** {@code --version}: the build's own version, and DL4J's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vaekit " + Versions.vaekit() + " (Deeplearning4j " + Versions.dl4j() + ")"};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(new PrintWriter(System.out, true));
    }
}

package org.vaekit.spark;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.vaekit.VaekitException;
import org.vaekit.data.Split;
import org.vaekit.eval.BlockNoise;

/**
 * The job's command line, checked: {@code encode|score RUN_DIR --out DIR [--data CONF] [--split SPLIT]
 * [--partitions N] [--iwae-samples K] [--block-size B] [--seed S]}. Every mistake is one line.
 *
 * @param runDir     the trained run, on the driver's file system
 * @param out        the output folder (any Hadoop file system URI or a local path); must not exist
 * @param data       a config file whose data.* keys name other data, or empty for the run's own
 * @param partitions how many partitions, or 0 for Spark's default parallelism
 * @param k          importance samples for log p(x) ({@code score} only), 0 for none
 * @param seed       the seed of the block noise, or empty for the run's data.eval-seed
 */
public record ApplyArguments(Output output, Path runDir, String out, Optional<Path> data, Split split, int partitions,
                             int k, int blockSize, OptionalLong seed) {

    public static final String USAGE = "usage: SparkApply encode|score RUN_DIR --out DIR [--data CONF]"
            + " [--split train|validation|test] [--partitions N] [--iwae-samples K] [--block-size B] [--seed S]";

    public static ApplyArguments parse(String... args) {
        if (args.length < 2) {
            throw new VaekitException(USAGE);
        }
        Output output = switch (args[0]) {
            case "encode" -> Output.ENCODE;
            case "score" -> Output.SCORE;
            default -> throw new VaekitException("unknown command '" + args[0] + "': " + USAGE);
        };
        Path runDir = null;
        String out = null;
        Optional<Path> data = Optional.empty();
        Split split = Split.TEST;
        int partitions = 0;
        int k = 0;
        int blockSize = BlockNoise.DEFAULT_BLOCK_SIZE;
        OptionalLong seed = OptionalLong.empty();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (runDir != null) {
                    throw new VaekitException("unexpected argument '" + arg + "': " + USAGE);
                }
                runDir = Path.of(arg);
                continue;
            }
            if (i + 1 == args.length) {
                throw new VaekitException(arg + " needs a value: " + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--out" -> out = value;
                case "--data" -> data = Optional.of(dataConfig(value));
                case "--split" -> split = split(value);
                case "--partitions" -> partitions = atLeastOne(arg, value);
                case "--iwae-samples" -> k = atLeastOne(arg, value);
                case "--block-size" -> blockSize = atLeastOne(arg, value);
                case "--seed" -> seed = OptionalLong.of(whole(arg, value));
                default -> throw new VaekitException("unknown option " + arg + ": " + USAGE);
            }
        }
        if (runDir == null) {
            throw new VaekitException("RUN_DIR is missing: " + USAGE);
        }
        if (out == null) {
            throw new VaekitException("--out DIR is missing: " + USAGE);
        }
        if (output == Output.ENCODE && k > 0) {
            throw new VaekitException("--iwae-samples is an option of score, not encode");
        }
        return new ApplyArguments(output, runDir, out, data, split, partitions, k, blockSize, seed);
    }

    private static Path dataConfig(String value) {
        if (!value.endsWith(".conf")) {
            throw new VaekitException("--data " + value + ": expected a config file (.conf) whose data.* keys name"
                    + " the data");
        }
        return Path.of(value);
    }

    private static Split split(String value) {
        for (Split s : Split.values()) {
            if (s.label().equals(value.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new VaekitException("--split " + value + ": expected train, validation or test");
    }

    private static int atLeastOne(String option, String value) {
        long n = whole(option, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new VaekitException(option + " " + value + ": expected a whole number >= 1");
        }
        return (int) n;
    }

    private static long whole(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new VaekitException(option + " " + value + ": expected a whole number");
        }
    }
}

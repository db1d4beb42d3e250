package org.vaekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.DataSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.eval.BlockNoise;
import org.vaekit.eval.ExampleBlocks;
import org.vaekit.train.TrainedRun;
import picocli.CommandLine.Option;

/** Which examples {@code encode} and {@code score} read, and how their blocks are seeded. */
final class DataOptions {
    @Option(names = "--data", split = ",", paramLabel = "CONFIG_OR_FILES",
            description = "A config file (.conf) whose data.* keys name the data, or data files in the run's own"
                    + " format (idx, csv or images runs) read as its test split. Default: the run's own data.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
            description = "train, validation or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the binarization and z draws (default: the run's data.eval-seed).")
    Long seed;

    @Option(names = "--block-size", defaultValue = "" + BlockNoise.DEFAULT_BLOCK_SIZE, paramLabel = "B",
            description = "Examples per block; each block's noise is seeded from (seed, block) (default:"
                    + " ${DEFAULT-VALUE}).")
    int blockSize;

    /** The data, opened and checked against the model, as a stream of blocks. */
    Input open(TrainedRun run) {
        Split which = split();
        BlockNoise noise = new BlockNoise(seed != null ? seed : run.config().data().evalSeed(), blockSize);
        DataSource source;
        DataSettings settings;
        String name;
        if (data.isEmpty()) {
            source = run.source();
            settings = run.config().data();
            name = "the run's data (data.source = " + settings.source() + ")";
        } else if (data.size() == 1 && data.get(0).getFileName().toString().endsWith(".conf")) {
            VaeConfig cfg = ConfigLoader.load(data.get(0), List.of(), CliDefaults.config());
            settings = cfg.data();
            // the run's learned scaling applies only if the run learned one; otherwise the data's own is learned
            source = DataSources.open(settings,
                    DataSources.learnsFromData(run.config().data()) ? run.folder().dir() : null);
            name = "the data of " + data.get(0);
        } else {
            if (run.config().data().source().equals("mnist")) {
                throw new VaekitException("--data " + data + ": data files need a run trained on idx, csv or images"
                        + " data; for MNIST give a config file (.conf)");
            }
            if (which != Split.TEST) {
                throw new VaekitException("--data " + data + " with --split " + which.label() + ": data files are"
                        + " read as the test split");
            }
            settings = run.config().with("data.test", data).data();
            source = DataSources.open(settings, run.folder().dir());
            name = "the data in " + data;
        }
        run.vae().requireInputSize(source.inputSize(), name);
        String origin = "the " + which.label() + " split of " + name;
        return new Input(source, ExampleBlocks.of(source, which, settings, noise, origin), noise, origin);
    }

    private Split split() {
        for (Split s : Split.values()) {
            if (s.label().equals(split.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new VaekitException("--split " + split + ": expected train, validation or test");
    }

    /** The opened data: its source (for labels and sizes), its blocks, their seeds and what it is, for messages. */
    record Input(DataSource source, ExampleBlocks blocks, BlockNoise noise, String origin) {
    }
}

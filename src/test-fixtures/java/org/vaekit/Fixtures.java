package org.vaekit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaekit.config.ConfigLoader;
import org.apache.commons.io.FileUtils;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

/** The committed MNIST subset (1,000 training, 200 test images) and configs that use it. */
public final class Fixtures {
    private static TrainingRun trained;

    private Fixtures() {
    }

    public static Path mnistMini() {
        try {
            return Path.of(Fixtures.class.getResource("/mnist-mini").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A run trained once per test JVM on the fixture (3 epochs, learning rate 3e-3), in a temporary folder
     * removed at exit. Tests read it and must not change it.
     */
    public static synchronized TrainingRun trainedMini() {
        if (trained == null) {
            try {
                Path runs = Files.createTempDirectory("vaekit-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(runs.toFile())));
                VaeConfig cfg = miniConfig(runs, "run.name=trained", "train.learning-rate=3e-3");
                trained = VaeTrainer.of(cfg).train();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return trained;
    }

    /** A config over the fixture: 900 training, 100 validation and 200 test images, a small model. */
    public static VaeConfig miniConfig(Path runs, String... overrides) {
        return ConfigLoader.fromString("", miniSettings(runs, overrides));
    }

    /** The {@code --set} values of {@link #miniConfig}, e.g. for a child JVM's command line. */
    public static List<String> miniSettings(Path runs, String... overrides) {
        List<String> all = new ArrayList<>(List.of(
                "data.dir=\"" + mnistMini() + "\"", "data.fetch=false", "data.verify-checksums=false",
                "data.train-size=0", "data.validation-size=100", "model.encoder=[64]", "model.decoder=[64]",
                "train.epochs=3", "train.batch-size=50", "eval.iwae-samples=[1,10]", "run.dir=\"" + runs + "\""));
        all.addAll(List.of(overrides));
        return all;
    }
}

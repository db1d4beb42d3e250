package org.vaekit;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;

/** The committed MNIST subset (1,000 training, 200 test images) and configs that use it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path mnistMini() {
        try {
            return Path.of(Fixtures.class.getResource("/mnist-mini").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A config over the fixture: 900 training, 100 validation and 200 test images, a small model. */
    public static VaeConfig miniConfig(Path runs, String... overrides) {
        List<String> all = new ArrayList<>(List.of(
                "data.dir=\"" + mnistMini() + "\"", "data.fetch=false", "data.verify-checksums=false",
                "data.train-size=0", "data.validation-size=100", "model.encoder=[64]", "model.decoder=[64]",
                "train.epochs=3", "train.batch-size=50", "run.dir=\"" + runs + "\""));
        all.addAll(List.of(overrides));
        return ConfigLoader.fromString("", all);
    }
}

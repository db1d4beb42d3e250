package org.vaekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.VaekitException;
import org.vaekit.data.Binarization;
import org.vaekit.model.HiddenActivation;
import org.vaekit.model.Objective;

class ConfigLoaderTest {
    @Test
    void shippedConfigsLoadWithTheAssignmentsSettings() {
        VaeConfig main = ConfigLoader.load(Path.of("conf/mnist-vae.conf"), List.of());
        assertEquals(List.of(500), main.model().encoder());
        assertEquals(List.of(500), main.model().decoder());
        assertEquals(2, main.model().latent());
        assertEquals(HiddenActivation.TANH, main.model().activation());
        assertEquals(5000, main.data().trainSize());
        assertEquals(Binarization.STOCHASTIC, main.data().binarization());
        assertEquals(50, main.train().batchSize());
        assertEquals(20, main.train().epochs());
        assertEquals(1e-3, main.train().learningRate());
        assertEquals(1.0, main.model().inputKeepProb());
        assertEquals(org.vaekit.model.WeightInit.GLOROT, main.model().init());
        assertEquals("mnist-vae", main.label());

        VaeConfig replica = ConfigLoader.load(Path.of("conf/seed-replica.conf"), List.of());
        assertEquals(0.95, replica.model().inputKeepProb());
        assertEquals(5000, replica.data().trainSize());

        VaeConfig full = ConfigLoader.load(Path.of("conf/mnist-vae-full.conf"), List.of());
        assertEquals(0, full.data().trainSize());
        assertEquals(60, full.train().epochs());
        assertEquals(100, full.train().batchSize());
        assertEquals(Objective.ELBO, full.model().objective());
        assertEquals(1, full.model().iwaeSamples());

        VaeConfig vae = ConfigLoader.load(Path.of("conf/iwae-paper-vae.conf"), List.of());
        VaeConfig iwae = ConfigLoader.load(Path.of("conf/iwae-paper-iwae.conf"), List.of());
        assertEquals(List.of(200, 200), iwae.model().encoder());
        assertEquals(50, iwae.model().latent());
        assertEquals(20, iwae.train().batchSize());
        assertEquals(Objective.ELBO, vae.model().objective());
        assertEquals(Objective.IWAE, iwae.model().objective());
        assertEquals(50, iwae.model().iwaeSamples());
        assertEquals(vae.train(), iwae.train(), "the two differ only in the objective");
        assertEquals(1e-4, Math.pow(vae.train().lrDecay(), vae.train().epochs() - 1) * 1e-3, 1e-8,
                "the rate falls from 1e-3 to 1e-4 by the last epoch");
        assertEquals(20, ConfigLoader.load(Path.of("conf/mnist-z20.conf"), List.of()).model().latent());
    }

    @Test
    void aBadImportanceSampleCountOrAKlScheduleWithIwaeStopsWithOneLine() {
        VaekitException k = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("model.objective = iwae", List.of("model.iwae-samples=0")));
        assertTrue(k.getMessage().contains("'model.iwae-samples' = 0"), k.getMessage());
        assertTrue(k.getMessage().contains("expected a whole number >= 1"), k.getMessage());
        assertTrue(!k.getMessage().contains("\n"), k.getMessage());
        assertThrows(VaekitException.class, () -> ConfigLoader.fromString("model.iwae-samples = -3", List.of()),
                "checked under the ELBO too");
        VaekitException objective = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("model.objective = iwea", List.of()));
        assertTrue(objective.getMessage().contains("one of elbo, iwae"), objective.getMessage());
        VaekitException beta = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("model.objective = iwae\ntrain.kl-warmup-epochs = 5", List.of()));
        assertTrue(beta.getMessage().contains("train.kl-warmup-epochs"), beta.getMessage());
        assertTrue(!beta.getMessage().contains("\n"), beta.getMessage());
        VaekitException decay = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("train.lr-decay = 1.5", List.of()));
        assertTrue(decay.getMessage().contains("'train.lr-decay' = 1.5"), decay.getMessage());
        assertEquals(1, ConfigLoader.fromString("model.iwae-samples = 7", List.of()).model().iwaeSamples(),
                "the ELBO draws one sample whatever k says");
    }

    /** A shipped config that repeated a default would silently keep the old value when the default changes. */
    @Test
    void shippedConfigsSetOnlyWhatDiffersFromTheDefaults() throws IOException {
        Config defaults = ConfigFactory.parseResources("org/vaekit/defaults.conf");
        List<Path> files;
        try (var listing = Files.list(Path.of("conf"))) {
            files = listing.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(files.size() >= 7, "the shipped configs: " + files);
        for (Path file : files) {
            Config own = ConfigFactory.parseFile(file.toFile()).resolve();
            own.entrySet().forEach(e -> assertNotEquals(defaults.getValue(e.getKey()).unwrapped(),
                    e.getValue().unwrapped(), file + " repeats the default of " + e.getKey()));
        }
    }

    @Test
    void overridesApplyInOrderAndParseHocon() {
        VaeConfig c = ConfigLoader.fromString("train.epochs = 7", List.of("train.epochs=9", "model.init=fan-in",
                "model.encoder=[500,250]", "data.binarization=threshold", "run.dir=/tmp/some/runs"));
        assertEquals(9, c.train().epochs());
        assertEquals(List.of(500, 250), c.model().encoder());
        assertEquals(Binarization.THRESHOLD, c.data().binarization());
        assertEquals(org.vaekit.model.WeightInit.FAN_IN, c.model().init());
        assertEquals(Path.of("/tmp/some/runs"), c.run().dir());
    }

    @Test
    void unknownKeySuggestsTheNearestValidOne() {
        VaekitException e = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("train.epoch = 3", List.of()));
        assertTrue(e.getMessage().contains("unknown key 'train.epoch'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'train.epochs'"), e.getMessage());
    }

    @Test
    void invalidValuesNameKeyValueAndWhatIsAllowed() {
        VaekitException lr = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("", List.of("train.learning-rate=-0.1")));
        assertTrue(lr.getMessage().contains("'train.learning-rate' = -0.1"), lr.getMessage());
        assertTrue(lr.getMessage().contains("expected a number in (0, inf)"), lr.getMessage());
        assertTrue(lr.getMessage().contains("--set train.learning-rate=-0.1"), lr.getMessage());

        VaekitException latent = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("model.latent = 0", List.of()));
        assertTrue(latent.getMessage().contains("'model.latent' = 0"), latent.getMessage());
        assertTrue(latent.getMessage().contains("whole number >= 1"), latent.getMessage());

        VaekitException binarization = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("data.binarization = random", List.of()));
        assertTrue(binarization.getMessage().contains("one of stochastic, threshold, none"),
                binarization.getMessage());

        VaekitException set = assertThrows(VaekitException.class,
                () -> ConfigLoader.fromString("", List.of("train.epochs")));
        assertTrue(set.getMessage().contains("expected key=value"), set.getMessage());
    }

    @Test
    void errorsInAFileNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "train {\n  epochs = 3\n  batch-size = -5\n}\n");
        VaekitException e = assertThrows(VaekitException.class, () -> ConfigLoader.load(file, List.of()));
        assertTrue(e.getMessage().contains("bad.conf: 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'train.batch-size' = -5"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        VaekitException missing = assertThrows(VaekitException.class,
                () -> ConfigLoader.load(dir.resolve("nope.conf"), List.of()));
        assertTrue(missing.getMessage().contains("nope.conf not found"), missing.getMessage());
    }
}

package org.vaekit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

/**
 * The VAE page's reports for data that are not images (the CSV example: 8 features), stored in a stats file and
 * read back after it is reopened: a table of feature values and reconstructions instead of images, one latent
 * point per subset example, every iteration and epoch.
 */
class VaePageDataTest {
    @TempDir
    Path runs;

    @Test
    void csvRunsGetAFeatureTableAndTheirReportsSurviveReopening() throws Exception {
        VaeConfig cfg = ConfigLoader.load(Path.of("conf", "csv-example.conf"), List.of("run.dir=\"" + runs + "\"",
                "run.name=csv", "train.epochs=2", "ui.vae-examples=100", "ui.report-every=7"));
        Path file = runs.resolve("stats.dl4j");
        FileStatsStorage storage = new FileStatsStorage(file.toFile());
        VaePageListener page = new VaePageListener(cfg.ui(), cfg.plot(), cfg.train().kl());
        TrainingRun run = VaeTrainer.of(cfg).listener(page).graphListeners((folder, vae) -> {
            page.start(storage, "csv", vae);
            return List.of(page);
        }).train();
        page.close();
        JsonNode live = VaePageData.of(storage, "csv");
        storage.close();

        FileStatsStorage reopened = new FileStatsStorage(file.toFile());
        JsonNode stored = VaePageData.of(reopened, "csv");
        reopened.close();
        assertEquals(live, stored);

        int iterations = (int) Math.ceil(1200 / 50.0) * 2; // 80% of 1,500 rows train, batch 50, 2 epochs
        assertEquals(iterations, stored.get("iterations").get("iteration").size());
        assertEquals(0, stored.get("iterations").get("klWeight").size()); // no KL schedule
        assertEquals(List.of(1, 2), List.of(stored.get("epochs").get("epoch").get(0).asInt(),
                stored.get("epochs").get("epoch").get(1).asInt()));
        assertEquals(run.history().get(1).validation().cost(), stored.get("epochs").get("validCost").get(1).asDouble(),
                1e-9);

        JsonNode figures = stored.get("figures");
        assertEquals(2, figures.get("epoch").asInt());
        assertFalse(figures.has("images"));
        assertEquals(100, figures.get("points").get("x").size());
        assertEquals(3, figures.get("points").get("names").size()); // three clusters, by name
        JsonNode table = figures.get("table");
        assertEquals(8, table.get("features").asInt());
        assertEquals(5, table.get("rows").size());
        for (JsonNode row : table.get("rows")) {
            assertEquals(8, row.get("x").size());
            assertEquals(8, row.get("rec").size());
        }
        assertTrue(Files.size(file) > 0);
    }
}

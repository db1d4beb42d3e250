package org.vaekit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vaekit.Fixtures;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.RunFolder;
import org.vaekit.train.EpochMetrics;
import org.vaekit.train.TrainingListener;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

/**
 * The VAE page in headless Chromium, live during a short training with a KL warm-up and again when the finished
 * run is reopened: the page holds the run's numbers (the last epoch's validation cost of metrics.csv, every
 * iteration's costs and KL weight, one latent point per subset example, loaded images) and the reopened run shows
 * exactly the data shown live. Screenshots go to target/ui-screenshots/.
 */
class VaePageBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    private static final int EPOCHS = 4;
    private static final int ITERATIONS_PER_EPOCH = 18; // 900 training images, batch 50
    private static final int SUBSET = 80;
    private static final java.util.logging.Logger SELENIUM_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @TempDir
    Path runs;
    @TempDir
    Path profile;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theVaePageShowsTheRunLiveAndTheSameWhenReopened() throws Exception {
        HeadlessChromium.require();
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=vae-page", "train.epochs=" + EPOCHS, "ui.port=0",
                "ui.report-every=5", "ui.vae-examples=" + SUBSET, "train.kl-warmup-epochs=2");
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true);
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver chrome = HeadlessChromium.start(profile, 1400);
        try {
            JsonNode live;
            Path runDir;
            try (TrainingDashboard dashboard = TrainingDashboard.start(cfg, console)) {
                String base = dashboard.ui().address();
                // Training waits after its first epoch until the page has shown data, so "live" is checked
                // while training runs, whatever the machine's speed.
                CountDownLatch pageSeen = new CountDownLatch(1);
                TrainingListener holdAfterFirstEpoch = new TrainingListener() {
                    @Override
                    public void epochDone(EpochMetrics m) {
                        if (m.epoch() == 1) {
                            try {
                                pageSeen.await(2, TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                };
                CompletableFuture<TrainingRun> training = CompletableFuture.supplyAsync(
                        () -> dashboard.watch(VaeTrainer.of(cfg).listener(holdAfterFirstEpoch)).train());
                chrome.get(base + "/train/vae");
                WebDriverWait wait = waiting(chrome);
                wait.until(d -> number(chrome,
                        "return vaePage.data ? vaePage.data.iterations.iteration.length : 0;") > 0 ? true : null);
                boolean seenDuringTraining = !training.isDone();
                pageSeen.countDown();
                TrainingRun run = training.get(5, TimeUnit.MINUTES);
                runDir = run.folder().dir();
                assertTrue(seenDuringTraining, "the page must be seen filling in before training ends");
                waitForEpoch(chrome, EPOCHS);
                live = json(base + "/train/vae/data/vae-page");
                checkPage(chrome, runDir, live);
                screenshot(chrome, "vae-live");

                assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/train/vae/data/no-such-run"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            }

            // the finished run reopened as `ui RUN_DIR` does: the same data, drawn the same way
            FileStatsStorage stats = TrainingDashboard.openStats(runDir);
            try (TrainingUi ui = TrainingUi.start(cfg.ui(), console)) {
                ui.attach(stats);
                chrome.get(ui.address() + "/train/vae");
                waitForEpoch(chrome, EPOCHS);
                JsonNode replay = json(ui.address() + "/train/vae/data/vae-page");
                assertEquals(live, replay);
                checkPage(chrome, runDir, replay);
                screenshot(chrome, "vae-replay");
            } finally {
                stats.close();
            }
        } finally {
            chrome.quit();
        }
    }

    /** The page's charts, tables and images hold the run's numbers. */
    private static void checkPage(ChromeDriver chrome, Path runDir, JsonNode data) throws Exception {
        // the last epoch's validation cost: metrics.csv's, in the data and in the table
        List<String> rows = Files.readAllLines(runDir.resolve(RunFolder.METRICS));
        assertEquals(EPOCHS + 1, rows.size());
        String[] header = rows.get(0).split(",");
        String[] last = rows.get(EPOCHS).split(",");
        double validCost = Double.parseDouble(last[List.of(header).indexOf("valid_cost")]);
        JsonNode epochs = data.get("epochs");
        assertEquals(EPOCHS, epochs.get("validCost").size());
        assertEquals(validCost, epochs.get("validCost").get(EPOCHS - 1).asDouble(), 1e-5);
        assertEquals(validCost, Double.parseDouble(chrome.findElement(By.id("validCost")).getText()), 0.0051);
        assertEquals(String.valueOf(EPOCHS), chrome.findElement(By.id("vaeEpoch")).getText());

        // every iteration's costs, in order, and the KL warm-up's weight (epoch 1 of 2: 0.5, then 1)
        JsonNode iterations = data.get("iterations");
        assertEquals(EPOCHS * ITERATIONS_PER_EPOCH, iterations.get("iteration").size());
        for (int i = 0; i < EPOCHS * ITERATIONS_PER_EPOCH; i++) {
            assertEquals(i, iterations.get("iteration").get(i).asInt());
        }
        assertEquals(0.5, iterations.get("klWeight").get(0).asDouble(), 1e-6);
        assertEquals(1.0, iterations.get("klWeight").get(EPOCHS * ITERATIONS_PER_EPOCH - 1).asDouble(), 1e-6);
        assertEquals(EPOCHS * ITERATIONS_PER_EPOCH, number(chrome,
                "return $('#vaeCostChart').data('plot').getData()[0].data.length;"));
        assertEquals("1.000", chrome.findElement(By.id("klWeight")).getText());

        // KL per latent dimension: one line per dimension (latent = 2); active units out of 2
        assertEquals(2, number(chrome, "return $('#vaeKlDimChart').data('plot').getData().length;"));
        assertTrue(chrome.findElement(By.id("activeUnits")).getText().matches("[0-2] of 2 \\(epoch 4\\)"),
                chrome.findElement(By.id("activeUnits")).getText());

        // one latent point per example of the fixed validation subset, coloured by digit
        assertEquals(SUBSET, number(chrome, "var n = 0; $('#vaeLatentChart').data('plot').getData()"
                + ".forEach(function (s) { n += s.data.length; }); return n;"));
        assertTrue(number(chrome, "return $('#vaeLatentChart').data('plot').getData().length;") > 1);

        // the images load: 10 per row of 28 + 1 pixels (and a border pixel); the manifold is 15 x 15
        for (String id : List.of("vaeReconstructions", "vaeSamples", "vaeManifold")) {
            assertTrue((Boolean) chrome.executeScript("var i = document.getElementById('" + id + "');"
                    + " return i.complete && i.naturalWidth > 0;"), id + " did not load");
        }
        assertEquals(10 * 29 + 1, number(chrome, "return document.getElementById('vaeReconstructions').naturalWidth;"));
        assertEquals(4 * 29 + 1, number(chrome, "return document.getElementById('vaeReconstructions').naturalHeight;"));
        assertEquals(15 * 29 + 1, number(chrome, "return document.getElementById('vaeManifold').naturalWidth;"));

        // DL4J's sidebar with the VAE entry
        assertEquals(List.of("Overview", "Model", "System", "VAE"), chrome.findElements(By.cssSelector(".sidebar-nav a"))
                .stream().map(a -> a.getText().strip()).toList());
    }

    private static void waitForEpoch(ChromeDriver chrome, int epoch) {
        waiting(chrome).until(d -> number(chrome, "return vaePage.data && vaePage.data.figures"
                + " ? vaePage.data.figures.epoch : 0;") == epoch
                && (Boolean) chrome.executeScript("return document.getElementById('vaeManifold').complete;"));
    }

    private static WebDriverWait waiting(ChromeDriver chrome) {
        return new WebDriverWait(chrome, Duration.ofSeconds(120), Duration.ofMillis(200));
    }

    private static long number(ChromeDriver chrome, String script) {
        return ((Number) chrome.executeScript(script)).longValue();
    }

    private JsonNode json(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return new ObjectMapper().readTree(r.body());
    }

    private static void screenshot(ChromeDriver chrome, String name) throws Exception {
        chrome.manage().window().setSize(new Dimension(1400, 1750));
        Path png = chrome.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

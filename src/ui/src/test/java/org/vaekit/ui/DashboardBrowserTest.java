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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.core.storage.StatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vaekit.Fixtures;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

/**
 * A short training with the UI on, watched in headless Chromium (Debian's chromium and chromium-driver):
 * the score chart fills in while training runs and ends holding every reported iteration; the Model and System
 * pages render. Screenshots go to target/ui-screenshots/.
 */
class DashboardBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    /** JavaScript: the number of points in the Overview page's score chart (a flot plot). */
    private static final String SCORE_POINTS =
            "var p = $('#scoreiterchart').data('plot'); return p ? p.getData()[0].data.length : 0;";

    /** Selenium warns that it has no DevTools bindings for this Chromium: not used here. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @TempDir
    Path runs;
    @TempDir
    Path profile;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theOverviewScoreChartGrowsWhileTrainingAndHoldsEveryReport() throws Exception {
        HeadlessChromium.require();
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=browser", "train.epochs=8", "ui.port=0",
                "ui.report-every=2");
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true);
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver chrome = HeadlessChromium.start(profile, 1000);
        try (TrainingDashboard dashboard = TrainingDashboard.start(cfg, console)) {
            String base = dashboard.ui().address();
            CompletableFuture<TrainingRun> training = CompletableFuture.supplyAsync(
                    () -> dashboard.watch(VaeTrainer.of(cfg)).train());
            chrome.get(base + "/train/overview");
            WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(120), Duration.ofMillis(200));
            long firstSeen = wait.until(d -> {
                long n = points(chrome);
                return n > 0 ? n : null;
            });
            boolean grewLive = wait.until(d -> points(chrome) > firstSeen || training.isDone());
            assertTrue(grewLive);
            boolean seenGrowingDuringTraining = !training.isDone();
            training.get(5, TimeUnit.MINUTES);
            assertTrue(seenGrowingDuringTraining || firstSeen < reports(dashboard).size(),
                    "the chart must be seen filling in before training ends");

            // after training: the page's data endpoint and its chart hold every stored report, in order
            List<StatsReport> reports = reports(dashboard);
            assertEquals(8 * 18 / 2, reports.size()); // 18 iterations per epoch, every 2nd reported
            wait.until(d -> points(chrome) == reports.size());
            JsonNode data = json(base + "/train/overview/data");
            assertEquals(reports.size(), data.get("scores").size());
            for (int i = 0; i < reports.size(); i++) {
                assertEquals(reports.get(i).getIterationCount(), data.get("scoresIter").get(i).asInt());
                assertEquals(reports.get(i).getScore(), data.get("scores").get(i).asDouble(), 1e-9);
            }
            assertEquals(List.of("1_W", "2_logvar_W", "2_mu_W", "3_W", "4_W"), sortedKeys(data.get("updateRatios")));
            assertEquals("ComputationGraph", data.get("model").get(0).get(1).asText());
            assertEquals(chrome.findElement(org.openqa.selenium.By.id("nParams")).getText(),
                    data.get("model").get(2).get(1).asText());
            screenshot(chrome, "overview");

            // Model page: the graph of layers, and layer 1 (W1, b1) with its charts
            chrome.get(base + "/train/model");
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return window.cy !== undefined && cy.nodes().length == 7;"));
            ((JavascriptExecutor) chrome).executeScript("setSelectedVertex('1');");
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var p = $('#meanmag').data('plot'); return p !== undefined && p.getData().length == 2;"));
            JsonNode layer = json(base + "/train/model/data/1");
            assertEquals(List.of("W", "b"), sortedKeys(layer.get("meanMag").get("ratios")));
            assertEquals(List.of("W", "b"), sortedKeys(layer.get("learningRates").get("lrs")));
            assertEquals("Dense", layer.get("layerInfo").get(1).get(1).asText());
            // the whole layer view: charts, histograms and learning rates below the fold
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2300));
            screenshot(chrome, "model");
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

            chrome.get(base + "/train/system");
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var p = $('#systemMemoryChartPlot').data('plot'); return p !== undefined && p.getData()[0].data.length > 0;"));
            JsonNode system = json(base + "/train/system/data");
            assertTrue(system.get("memory").size() > 0);
            assertTrue(system.get("software").toString().contains("17"), system.get("software").toString());
            screenshot(chrome, "system");
        } finally {
            chrome.quit();
        }
    }

    private static long points(ChromeDriver chrome) {
        return ((Number) chrome.executeScript(SCORE_POINTS)).longValue();
    }

    private static List<StatsReport> reports(TrainingDashboard dashboard) {
        StatsStorage stats = dashboard.stats();
        String session = "browser";
        String worker = stats.listWorkerIDsForSessionAndType(session, StatsListener.TYPE_ID).get(0);
        return stats.getAllUpdatesAfter(session, StatsListener.TYPE_ID, worker, 0).stream()
                .map(StatsReport.class::cast).toList();
    }

    private JsonNode json(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return new ObjectMapper().readTree(r.body());
    }

    private static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        return keys;
    }

    private static void screenshot(ChromeDriver chrome, String page) throws Exception {
        Path png = ((TakesScreenshot) chrome).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(page + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

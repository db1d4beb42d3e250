package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.VaekitException;
import org.vaekit.cli.Main;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;

/** Each shipped example config trains (briefly) from the repository as it is, and bad pairings stop early. */
class OtherSourcesTrainingTest {
    @TempDir
    Path runs;

    private final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true);

    private VaeConfig example(String name, String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of("train.epochs=2", "run.name=" + name,
                "run.dir=\"" + runs + "\""));
        all.addAll(List.of(overrides));
        return ConfigLoader.load(Path.of("conf/" + name + "-example.conf"), all);
    }

    @Test
    void everyExampleConfigTrainsAndWritesTheUsualRunFolder() {
        for (String name : List.of("csv", "images", "shapes-idx")) {
            TrainingRun run = VaeTrainer.of(example(name)).train();
            assertEquals(2, run.history().size(), name);
            assertTrue(Double.isFinite(run.history().get(1).validation().cost()), name);
            for (String f : List.of("config.conf", "metrics.csv", "model.sdz", "train.log", "run.json")) {
                assertTrue(Files.isRegularFile(runs.resolve(name).resolve(f)), name + " " + f);
            }
        }
        assertTrue(Files.isRegularFile(runs.resolve("csv").resolve("feature-scaling.bin")));
        // labels keep their names: the CSV's label column and the image folders
        String csvJson = String.join("\n", readLines(runs.resolve("csv/evaluation.json")));
        assertTrue(csvJson.contains("\"east\"") && csvJson.contains("\"north\"") && csvJson.contains("\"west\""),
                csvJson);
        assertTrue(String.join("\n", readLines(runs.resolve("images/evaluation.json"))).contains("\"triangle\""));
        // evaluate reads the run's config, data and saved scaling again
        assertEquals(0, Main.run("evaluate", runs.resolve("csv").toString()));

        // plot: every figure for images; for CSV rows the image grids are skipped, the rest is drawn
        assertEquals(0, Main.run("plot", runs.resolve("images").toString()));
        assertEquals(0, Main.run("plot", runs.resolve("csv").toString()));
        for (String f : List.of("cost", "latent-test", "reconstructions-test", "samples", "manifold", "error-per-digit")) {
            assertTrue(Files.isRegularFile(runs.resolve("images/figures/" + f + ".png")), "images " + f);
        }
        for (String f : List.of("cost", "latent-test", "error-per-digit", "error-vs-variance")) {
            assertTrue(Files.isRegularFile(runs.resolve("csv/figures/" + f + ".png")), "csv " + f);
        }
        assertTrue(Files.notExists(runs.resolve("csv/figures/samples.png")));

        // sample: a CSV table of z and x for non-image data
        assertEquals(0, Main.run("sample", runs.resolve("csv").toString(), "-n", "4", "--draw"));
        List<String> rows = readLines(runs.resolve("csv/samples-4.csv"));
        assertEquals("z_0,z_1,x_0,x_1,x_2,x_3,x_4,x_5,x_6,x_7", rows.get(0));
        assertEquals(5, rows.size());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.split(",").length == 10), rows.toString());

        // export -> import: the imported run scales the data as training did and evaluates the same
        Path npz = runs.resolve("csv.npz");
        assertEquals(0, Main.run("export", runs.resolve("csv").toString(), "--npz", npz.toString()));
        assertEquals(0, Main.run("import", npz.toString(), "--config", "conf/csv-example.conf", "--set",
                "run.dir=\"" + runs + "\"", "--set", "run.name=csv-imported"));
        assertArrayEquals(bytes(runs.resolve("csv/feature-scaling.bin")),
                bytes(runs.resolve("csv-imported/feature-scaling.bin")));
        assertEquals(0, Main.run("evaluate", runs.resolve("csv-imported").toString()));
        assertEquals(elbo(runs.resolve("csv/evaluation.json")), elbo(runs.resolve("csv-imported/evaluation.json")));
    }

    /** The negative ELBO part of an evaluation.json (the IWAE part has its own sampling). */
    private static String elbo(Path evaluationJson) {
        String text = String.join("\n", readLines(evaluationJson));
        return text.substring(0, text.indexOf("by_label"));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void bernoulliOnDataOutsideTheUnitIntervalNamesTheSplitAndRange() {
        VaeConfig cfg = example("csv", "model.likelihood=bernoulli", "data.csv.scale=none", "run.name=bad");
        VaekitException e = assertThrows(VaekitException.class, () -> VaeTrainer.of(cfg).train());
        assertTrue(e.getMessage().startsWith("model.likelihood = bernoulli needs values in [0,1] but the train split"
                + " spans ["), e.getMessage());
        assertTrue(Files.notExists(runs.resolve("bad")));
    }

    @Test
    void aModelMeetingDataOfAnotherSizeIsAnErrorNamingBothSizes() {
        VaeTrainer.of(example("shapes-idx", "train.epochs=1")).train();
        Path config = runs.resolve("shapes-idx").resolve("config.conf");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        try {
            // The run's model (256 inputs) against the 784-pixel MNIST fixture.
            String text = Files.readString(config).replace("examples/shapes-idx/train-images-idx3-ubyte.gz",
                    org.vaekit.Fixtures.mnistMini().resolve("train-images-idx3-ubyte.gz").toString())
                    .replace("examples/shapes-idx/train-labels-idx1-ubyte.gz",
                    org.vaekit.Fixtures.mnistMini().resolve("train-labels-idx1-ubyte.gz").toString())
                    .replace("examples/shapes-idx/test-images-idx3-ubyte.gz",
                    org.vaekit.Fixtures.mnistMini().resolve("t10k-images-idx3-ubyte.gz").toString())
                    .replace("examples/shapes-idx/test-labels-idx1-ubyte.gz",
                    org.vaekit.Fixtures.mnistMini().resolve("t10k-labels-idx1-ubyte.gz").toString());
            Files.writeString(config, text);
            System.setErr(new PrintStream(err, true));
            assertEquals(2, Main.run("evaluate", runs.resolve("shapes-idx").toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            System.setErr(saved);
        }
        assertTrue(err.toString().contains("the model expects 256 values per example but the data (data.source = idx)"
                + " has 784"), err.toString());
    }
}

package org.vaekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;

class MainTest {
    private static String capture(Runnable r, boolean err) {
        PrintStream saved = err ? System.err : System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (err) {
            System.setErr(new PrintStream(buf, true));
        } else {
            System.setOut(new PrintStream(buf, true));
        }
        try {
            r.run();
        } finally {
            if (err) {
                System.setErr(saved);
            } else {
                System.setOut(saved);
            }
        }
        return buf.toString();
    }

    @Test
    void trainThenEvaluateFromTheCommandLine(@TempDir Path runs) {
        String[] sets = {"train", "--config", "conf/mnist-vae.conf", "--set", "data.dir=" + Fixtures.mnistMini(),
            "--set", "data.fetch=false", "--set", "data.verify-checksums=false", "--set", "data.validation-size=100",
            "--set", "data.train-size=200", "--set", "model.encoder=[32]", "--set", "model.decoder=[32]",
            "--set", "train.epochs=1", "--set", "run.dir=" + runs, "--set", "run.name=cli"};
        int[] code = new int[1];
        String out = capture(() -> code[0] = Main.run(sets), false);
        assertEquals(0, code[0], out);
        assertTrue(out.contains("epoch 1/1"), out);
        assertTrue(Files.isRegularFile(runs.resolve("cli/metrics.csv")));
        // the training UI is on by default, on loopback, and its reports stay in the run folder
        assertTrue(out.contains("training UI: http://127.0.0.1:"), out);
        assertTrue(Files.isRegularFile(runs.resolve("cli/ui-stats.dl4j")));

        String eval = capture(() -> code[0] = Main.run("evaluate", runs.resolve("cli").toString(),
                "--iwae-samples", "1,3", "--iwae-examples", "50"), false);
        assertEquals(0, code[0], eval);
        assertTrue(eval.contains("validation") && eval.contains("test"), eval);
        assertTrue(eval.contains("first 50 test examples"), eval);
        assertTrue(Files.isRegularFile(runs.resolve("cli/evaluation.json")));
    }

    @Test
    void plotSampleExportAndImportARun(@TempDir Path runs) throws Exception {
        Path run = Fixtures.trainedMini().folder().dir();
        int[] code = new int[1];
        String sample = capture(() -> code[0] = Main.run("sample", run.toString(), "-n", "7", "--out",
                runs.resolve("seven.png").toString()), false);
        assertEquals(0, code[0], sample);
        assertTrue(sample.contains("wrote " + runs.resolve("seven.png")), sample);
        BufferedImage grid = ImageIO.read(runs.resolve("seven.png").toFile());
        assertTrue(grid.getHeight() > 3 * 56, "3 rows of 56-pixel images: " + grid.getHeight());

        Path npz = runs.resolve("w.npz");
        String export = capture(() -> code[0] = Main.run("export", run.toString(), "--npz", npz.toString()), false);
        assertEquals(0, code[0], export);
        String config = run.resolve("config.conf").toString();
        String imported = capture(() -> code[0] = Main.run("import", npz.toString(), "--config", config,
                "--set", "run.dir=" + runs, "--set", "run.name=imported"), false);
        assertEquals(0, code[0], imported);
        Path importedRun = runs.resolve("imported");
        assertTrue(Files.isRegularFile(importedRun.resolve("model.sdz")), imported);

        String plot = capture(() -> code[0] = Main.run("plot", importedRun.toString()), false);
        assertEquals(0, code[0], plot);
        assertTrue(plot.contains("cost curves skipped"), plot);
        assertTrue(Files.isRegularFile(importedRun.resolve("figures/manifold.png")), plot);

        // The imported model is the exported one: same evaluation, number for number.
        String eval = capture(() -> code[0] = Main.run("evaluate", importedRun.toString()), false);
        assertEquals(0, code[0], eval);
        String original = Files.readString(run.resolve("evaluation.json"));
        assertEquals(original, Files.readString(importedRun.resolve("evaluation.json")));

        String err = capture(() -> code[0] = Main.run("import", npz.toString(), "--config", config,
                "--set", "run.dir=" + runs, "--set", "run.name=wrong", "--set", "model.decoder=[80]"), true);
        assertEquals(2, code[0]);
        assertTrue(err.startsWith("error: " + npz + " does not fit the config's model: array 'W3' has shape [2, 64]"
                + " but the config's model needs [2, 80]"), err);
        assertTrue(Files.notExists(runs.resolve("wrong")));

        String again = capture(() -> code[0] = Main.run("export", run.toString(), "--npz", npz.toString()), true);
        assertEquals(2, code[0]);
        assertTrue(again.contains("already exists"), again);
    }

    @Test
    void badInputIsOneLineOnStderrWithExitCode2() {
        int[] code = new int[1];
        String err = capture(() -> code[0] = Main.run("train", "--set", "train.epochs=0"), true);
        assertEquals(2, code[0]);
        assertEquals("error: config --set train.epochs=0: 1: key 'train.epochs' = 0 is invalid: expected a whole"
                + " number >= 1", err.strip());

        String noUi = capture(() -> code[0] = Main.run("train", "--keep-ui", "--set", "ui.enabled=false"), true);
        assertEquals(2, code[0]);
        assertEquals("error: --keep-ui needs the training UI: ui.enabled is false", noUi.strip());
        String noStats = capture(() -> code[0] = Main.run("ui", "no/such/run"), true);
        assertEquals(2, code[0]);
        assertEquals("error: run folder no/such/run not found", noStats.strip());
        String badPort = capture(() -> code[0] = Main.run("ui", ".", "--set", "ui.port=70000"), true);
        assertEquals(2, code[0]);
        assertEquals("error: config --set ui.port=70000: 1: key 'ui.port' = 70000 is invalid: expected a whole number"
                + " in [0, 65535]", badPort.strip());
        String missing = capture(() -> code[0] = Main.run("evaluate", "no/such/run"), true);
        assertEquals(2, code[0]);
        assertTrue(missing.contains("no/such/run is not a run folder"), missing);
    }

    @Test
    void helpListsTheSubcommandsAndOptions() {
        String help = capture(() -> Main.run("--help"), false);
        for (String command : new String[] {"train", "evaluate", "plot", "sample", "export", "import", "bench"}) {
            assertTrue(help.contains(command), command + " in " + help);
        }
        String trainHelp = capture(() -> Main.run("train", "--help"), false);
        assertTrue(trainHelp.contains("--config") && trainHelp.contains("--set"), trainHelp);
    }
}

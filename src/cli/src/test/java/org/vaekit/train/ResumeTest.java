package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.model.Vae;

class ResumeTest {
    @TempDir
    Path runs;

    private final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true);

    /** Training settings shared by the reference run and the interrupted one. */
    static final String[] SETTINGS = {"train.epochs=3", "checkpoint.every-minutes=0", "checkpoint.every-batches=5",
        "checkpoint.keep=1000"};

    static VaeConfig config(Path runs, String name) {
        return Fixtures.miniConfig(runs, settings(name));
    }

    static String[] settings(String name) {
        return Stream.concat(Stream.of(SETTINGS), Stream.of("run.name=" + name)).toArray(String[]::new);
    }

    @Test
    void resumingFromAMidEpochCheckpointReproducesTheUninterruptedRunExactly() throws Exception {
        assertResumesExactly(config(runs, "reference"));
        // checkpoint.every-batches = 5 inside each epoch, besides the epoch ends (the clock is off)
        List<String> names = new Checkpoints(runs.resolve("reference").resolve(Checkpoints.DIR), 1).list().stream()
                .map(p -> p.getFileName().toString()).toList();
        for (String name : names) {
            int batch = Integer.parseInt(name.substring("epoch-0000-batch-".length(), name.length() - ".ckpt".length()));
            assertEquals(0, batch % 5, name);
        }
        assertTrue(names.containsAll(List.of("epoch-0001-batch-000005.ckpt", "epoch-0001-batch-000010.ckpt",
                "epoch-0002-batch-000005.ckpt", "epoch-0003-batch-000000.ckpt")), names.toString());
    }

    /** The same for a CSV source: min/max scaling saved with the run, Gaussian likelihood, seeded fraction splits. */
    @Test
    void resumingACsvRunReproducesItExactly() throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(settings("reference")));
        all.add("run.dir=\"" + runs + "\"");
        assertResumesExactly(ConfigLoader.load(Path.of("conf/csv-example.conf"), all));
    }

    /** An IWAE model (its sample count is part of the saved graph) with a learning rate that decays per epoch. */
    @Test
    void resumingAnIwaeRunWithADecayingLearningRateReproducesItExactly() throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(settings("reference")));
        all.addAll(List.of("model.objective=iwae", "model.iwae-samples=3", "train.lr-decay=0.5"));
        assertResumesExactly(Fixtures.miniConfig(runs, all.toArray(String[]::new)));
        // Minus the IWAE bound is below the negative ELBO averaged over the same samples, in every epoch.
        List<String> rows = Files.readAllLines(runs.resolve("reference").resolve(RunFolder.METRICS));
        assertEquals(4, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double cost = Double.parseDouble(f[1]);
            assertTrue(cost < Double.parseDouble(f[2]) + Double.parseDouble(f[3]), row);
        }
    }

    private void assertResumesExactly(VaeConfig cfg) throws Exception {
        TrainingRun reference = VaeTrainer.of(cfg).train();
        Path ref = reference.folder().dir();
        List<Path> checkpoints = new Checkpoints(ref.resolve(Checkpoints.DIR), 1).list();
        Path midEpoch2 = checkpoints.stream().filter(p -> p.getFileName().toString().startsWith("epoch-0001-batch-0"))
                .filter(p -> !p.getFileName().toString().endsWith("-000000.ckpt")).findFirst().orElseThrow(
                        () -> new AssertionError("no mid-epoch checkpoint in epoch 2: " + checkpoints));

        // A copy of the run folder as a crash right after that checkpoint would have left it.
        Path copy = runs.resolve("copy");
        PathUtils.copyDirectory(ref, copy);
        for (Path p : new Checkpoints(copy.resolve(Checkpoints.DIR), 1).list()) {
            if (p.getFileName().toString().compareTo(midEpoch2.getFileName().toString()) > 0) {
                Files.delete(p);
            }
        }
        TrainingRun resumed = VaeTrainer.resume(copy);

        assertEquals(metricsWithoutTimes(ref), metricsWithoutTimes(copy));
        assertEquals(reference.evaluation().table(), resumed.evaluation().table());
        assertSameParameters(ref.resolve(RunFolder.MODEL), copy.resolve(RunFolder.MODEL), cfg);
        assertTrue(Files.readString(copy.resolve(RunFolder.LOG)).contains("resuming " + copy + " from "
                + midEpoch2.getFileName()));
    }

    @Test
    void nonFiniteTrainingStopsNamingEpochAndIterationAndKeepsTheCheckpoints() throws Exception {
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=nan", "train.epochs=2", "checkpoint.every-minutes=0");
        VaeTrainer.of(cfg).train();
        Path dir = runs.resolve("nan");
        Checkpoints store = new Checkpoints(dir.resolve(Checkpoints.DIR), 3);
        Files.delete(store.list().get(1)); // back to the end of epoch 1, with a weight turned into NaN
        Checkpoint good = store.newest(w -> { }).checkpoint();
        Vae vae = Vae.fromBytes(good.model(), "test", cfg.model());
        vae.parameters().get("W4").putScalar(0, 0, Float.NaN);
        Path poisoned = store.save(new Checkpoint(good.epoch(), good.batch(), good.iterationCount(),
                good.epochCount(), good.noiseRng(), good.data(), good.costs(), good.dataFiles(), vae.toBytes()));
        byte[] checkpointBytes = Files.readAllBytes(poisoned);
        byte[] modelBytes = Files.readAllBytes(dir.resolve(RunFolder.MODEL));

        VaekitException e = assertThrows(VaekitException.class, () -> VaeTrainer.resume(dir));
        assertTrue(e.getMessage().startsWith("training diverged: "), e.getMessage());
        assertTrue(e.getMessage().contains("not finite at epoch 2, iteration 18"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the last checkpoint is kept"), e.getMessage());
        assertEquals(List.of(poisoned), store.list());
        assertArrayEquals(checkpointBytes, Files.readAllBytes(poisoned));
        assertArrayEquals(modelBytes, Files.readAllBytes(dir.resolve(RunFolder.MODEL)));
    }

    @Test
    void aRunBeingTrainedIsNotResumedASecondTime() throws Exception {
        VaeTrainer.of(Fixtures.miniConfig(runs, "run.name=busy", "train.epochs=1")).train();
        Path dir = runs.resolve("busy");
        byte[] metrics = Files.readAllBytes(dir.resolve(RunFolder.METRICS));
        List<Path> checkpoints = new Checkpoints(dir.resolve(Checkpoints.DIR), 1).list();
        try (RunLock held = RunLock.acquire(RunFolder.open(dir))) {
            VaekitException e = assertThrows(VaekitException.class, () -> VaeTrainer.resume(dir));
            assertEquals("run folder " + dir + " is being trained by another process (" + dir.resolve(RunFolder.CONFIG)
                    + " is locked): wait for it to end or stop it first; nothing was changed", e.getMessage());
        }
        assertArrayEquals(metrics, Files.readAllBytes(dir.resolve(RunFolder.METRICS)));
        assertEquals(checkpoints, new Checkpoints(dir.resolve(Checkpoints.DIR), 1).list());
        VaeTrainer.resume(dir); // free again once the holder lets go
    }

    /** metrics.csv without the columns that measure time (seconds, samples_per_second). */
    static List<String> metricsWithoutTimes(Path run) throws IOException {
        return Files.readAllLines(run.resolve(RunFolder.METRICS)).stream().map(line -> {
            String[] c = line.split(",");
            return String.join(",", c[0], c[1], c[2], c[3], c[4], c[6], c[7]);
        }).collect(Collectors.toList());
    }

    static void assertSameParameters(Path expected, Path actual) {
        assertSameParameters(expected, actual, Fixtures.miniConfig(Path.of("unused")));
    }

    static void assertSameParameters(Path expected, Path actual, VaeConfig cfg) {
        Map<String, INDArray> a = Vae.load(expected, cfg.model()).parameters();
        Map<String, INDArray> b = Vae.load(actual, cfg.model()).parameters();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).data().asFloat(), b.get(name).data().asFloat(), 0f, name);
        }
    }
}

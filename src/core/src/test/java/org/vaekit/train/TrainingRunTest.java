package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.MnistSource;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;

class TrainingRunTest {
    @TempDir
    Path runs;


    @Test
    void smokeTrainingLowersTheValidationCostAndFillsTheRunFolder() throws Exception {
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=smoke", "train.epochs=4", "train.learning-rate=3e-3");
        List<String> events = new java.util.ArrayList<>();
        TrainingRun run = VaeTrainer.of(cfg).listener(new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, long examples) {
                events.add("start " + epoch + "/" + epochs + " of " + examples);
            }

            @Override
            public void epochDone(EpochMetrics m) {
                events.add("done " + m.epoch());
            }
        }).train();
        assertEquals(List.of("start 1/4 of 900", "done 1", "start 2/4 of 900", "done 2", "start 3/4 of 900",
                "done 3", "start 4/4 of 900", "done 4"), events);

        List<EpochMetrics> h = run.history();
        assertEquals(4, h.size());
        assertTrue(h.get(3).validation().cost() < h.get(0).validation().cost() - 10,
                "validation cost must fall: " + h.get(0).validation().cost() + " -> " + h.get(3).validation().cost());
        assertTrue(h.get(3).trainCost() < h.get(0).trainCost());
        for (EpochMetrics m : h) {
            assertEquals(m.trainCost(), m.trainRec() + m.trainKl(), 1e-6);
            assertTrue(m.trainKl() > 0);
        }

        Path dir = runs.resolve("smoke");
        assertEquals(dir, run.folder().dir());
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertTrue(csv.get(0).startsWith("epoch,train_cost,train_rec,train_kl,valid_cost,seconds"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(4).startsWith("4,"));
        for (String f : List.of("config.conf", "model.sdz", "train.log", "run.json", "evaluation.json")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String printed = Files.readString(dir.resolve("train.log"));
        assertTrue(printed.contains("epoch 4/4"), printed);
        assertTrue(printed.contains("validation"), printed);
        assertTrue(printed.contains("run folder: "), printed);
        String provenance = Files.readString(dir.resolve("run.json"));
        assertTrue(provenance.contains("\"negative_elbo\""), provenance);
        assertTrue(provenance.contains("\"dl4j\" : \"1.0.0-M2.1\""), provenance);

        // The saved model reloads with its config and gives the same ELBO for the same noise seed.
        VaeConfig saved = ConfigLoader.load(dir.resolve("config.conf"), List.of());
        Vae loaded = Vae.load(dir.resolve("model.sdz"), saved.model());
        DataPipeline data = new DataPipeline(MnistSource.prepare(saved.data()), saved.data(), 100);
        Vae.seed(5);
        Elbo again = loaded.elbo(data.evaluation(Split.VALIDATION));
        assertEquals(run.evaluation().get(Split.VALIDATION).reconstruction(), again.reconstruction(), 5.0);
        Vae.seed(5);
        assertEquals(again.cost(), loaded.elbo(data.evaluation(Split.VALIDATION)).cost(), 1e-9);
    }

    @Test
    void anExistingRunFolderIsNeverOverwritten() throws Exception {
        Path existing = Files.createDirectories(runs.resolve("taken"));
        Files.writeString(existing.resolve("metrics.csv"), "precious");
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=taken", "train.epochs=1");
        VaekitException e = assertThrows(VaekitException.class, () -> VaeTrainer.of(cfg).train());
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(existing.resolve("metrics.csv")));
    }

    @Test
    void aBatchLargerThanTheTrainingSplitStopsBeforeAnyWork() {
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=big", "train.batch-size=5000");
        VaekitException e = assertThrows(VaekitException.class, () -> VaeTrainer.of(cfg).train());
        assertTrue(e.getMessage().contains("'train.batch-size' = 5000 is larger than the 900 training examples"),
                e.getMessage());
        assertTrue(Files.notExists(runs.resolve("big")));
    }

    @Test
    void inputNoiseIsOffWhenEvaluating() {
        VaeConfig cfg = Fixtures.miniConfig(runs, "model.input-keep-prob=0.5");
        Vae vae = Vae.create(cfg.model(), 784, 1);
        DataPipeline data = new DataPipeline(MnistSource.prepare(cfg.data()), cfg.data(), 100);
        INDArray x = data.evaluation(Split.TEST).get(0).getFeatures();
        // Same latent mean twice: no random input mask; and the training keep probability is restored.
        assertEquals(vae.encode(x).get("mu"), vae.encode(x).get("mu"));
        assertEquals(0.5, vae.graph().getVariable("input_keep_prob").getArr().getDouble(0), 1e-7);
        assertArrayEquals(new long[] {100, 2}, vae.encode(x).get("logvar").shape());
    }
}

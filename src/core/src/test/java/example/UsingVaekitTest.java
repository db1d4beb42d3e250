package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.RecordReaderSource;
import org.vaekit.data.Split;
import org.vaekit.eval.Evaluation;
import org.vaekit.model.Samples;
import org.vaekit.model.Vae;
import org.vaekit.train.EpochMetrics;
import org.vaekit.train.TrainedRun;
import org.vaekit.train.TrainingListener;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

/** The public Java API as another project uses it, from a package outside vaekit; docs/library.md quotes it. */
class UsingVaekitTest {
    @TempDir
    Path runs;

    @Test
    void aConfigBuiltInCodeIsValidatedLikeAFile() {
        VaeConfig config = VaeConfig.builder()
                .runDir(runs).encoder(256, 128).decoder(128, 256).latent(10)
                .epochs(5).batchSize(100).learningRate(1e-3)
                .set("data.dir", "data/mnist")              // any key of defaults.conf
                .build();
        VaeConfig longer = config.with("train.epochs", 50); // a changed copy, validated again

        assertEquals(List.of(256, 128), config.model().encoder());
        assertEquals(10, config.model().latent());
        assertEquals(50, longer.train().epochs());
        assertEquals(5, config.train().epochs());
        VaekitException e = assertThrows(VaekitException.class, () -> VaeConfig.builder().latent(0).build());
        assertTrue(e.getMessage().contains("'model.latent'") && e.getMessage().contains(">= 1"), e.getMessage());
        e = assertThrows(VaekitException.class, () -> config.with("train.epoch", 3));
        assertTrue(e.getMessage().contains("unknown key 'train.epoch'") && e.getMessage().contains("train.epochs"),
                e.getMessage());
        e = assertThrows(VaekitException.class, () -> VaeTrainer.of(VaeConfig.builder().build()).train(
                RecordReaderSource.of(iterator(100, 1), iterator(20, 2), iterator(20, 3))));
        assertTrue(e.getMessage().contains("'run.dir' is not set"), e.getMessage());
    }

    @Test
    void trainOnADataSetIteratorThenOpenTheRunAndUseTheModel() {
        DataSetIterator myTrain = iterator(600, 1);
        DataSetIterator myValidation = iterator(100, 2);
        DataSetIterator myTest = iterator(100, 3);
        List<String> seen = new ArrayList<>();

        // train
        DataSource source = RecordReaderSource.of(myTrain, myValidation, myTest);
        VaeConfig config = VaeConfig.builder().runDir(runs).runName("api")
                .encoder(32).decoder(32).latent(2).epochs(3).batchSize(50).learningRate(3e-3).build();
        TrainingRun run = VaeTrainer.of(config)
                .listener(new TrainingListener() {
                    @Override
                    public void epochDone(EpochMetrics m) {
                        seen.add(m.epoch() + ": " + m.validation().cost());
                    }
                })
                .train(source);
        // end

        assertEquals(3, seen.size());
        assertEquals(3, run.history().size());
        assertTrue(run.history().get(2).validation().cost() < run.history().get(0).validation().cost());
        assertTrue(Files.isRegularFile(runs.resolve("api").resolve("metrics.csv")));

        // use
        TrainedRun trained = TrainedRun.open(runs.resolve("api"));
        Vae vae = trained.vae();
        DataPipeline data = trained.data(source);                 // the data as training prepared it
        INDArray x = data.evaluation(Split.TEST).get(0).getFeatures();
        Map<String, INDArray> posterior = vae.encode(x);          // "mu", "logvar": [batch, latent]
        INDArray means = vae.decode(posterior.get("mu"));         // means of p(x|z): [batch, inputSize]
        INDArray negElbo = vae.negativeElbo(x);                   // per example, nats
        INDArray logPx = vae.logLikelihood(x, 100);               // importance-sampled log p(x), k = 100
        Samples drawn = vae.sample(16, Nd4j.getRandomFactory().getNewRandomInstance(7));
        // end

        assertArrayEquals(new long[] {100, 2}, posterior.get("mu").shape());
        assertArrayEquals(new long[] {100, 64}, means.shape());
        assertArrayEquals(new long[] {100}, negElbo.shape());
        assertTrue(negElbo.minNumber().doubleValue() > 0);
        assertTrue(logPx.meanNumber().doubleValue() < 0);
        assertArrayEquals(new long[] {16, 64}, drawn.means().shape());
        assertEquals(run.evaluation().get(Split.TEST).count(), 100);
    }

    @Test
    void resumeAnInterruptedRunAndEvaluateIt() throws Exception {
        VaeConfig config = Fixtures.miniConfig(runs, "run.name=mini", "train.epochs=2");
        TrainingRun first = VaeTrainer.of(config).train();
        Path dir = first.folder().dir();

        // resume
        TrainingRun resumed = VaeTrainer.resume(dir);             // from its newest checkpoint
        Evaluation evaluation = TrainedRun.open(dir).evaluate();  // what `evaluate RUN_DIR` prints
        System.out.println(evaluation.table());
        // end

        assertTrue(resumed.history().isEmpty(), "the run had finished: nothing left to train");
        assertEquals(first.evaluation().table(), evaluation.table());
        assertFalse(DataSources.open(config.data()).provenance().isEmpty());
    }

    /** n examples of 64 values in [0, 1] in batches of 25, labels in 4 one-hot classes. */
    private static DataSetIterator iterator(int n, long seed) {
        INDArray x = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(seed), n, 64);
        INDArray labels = Nd4j.zeros(n, 4);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, i % 4, 1);
            x.getRow(i).muli(0.5).addi((i % 4) * 0.15);
        }
        return new ViewIterator(new DataSet(x, labels), 25);
    }
}

package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.model.Vae;
import org.vaekit.train.EpochMetrics;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

/** The README's Java example, run from a package outside vaekit: data source, model, training, encoding. */
class UsingVaekitTest {
    @TempDir
    Path runs;

    @Test
    void buildTrainEncode() {
        VaeConfig cfg = ConfigLoader.fromString("""
                data {
                  source = csv
                  train = ["examples/blobs.csv.gz"]
                  train-size = 0
                  binarization = none
                  csv { skip-lines = 1, label-column = 8, scale = minmax }
                }
                model { encoder = [32], decoder = [32], latent = 2, likelihood = gaussian }
                train { epochs = 2, batch-size = 50, learning-rate = 1e-2 }
                ui.enabled = false
                """, List.of("run.dir=\"" + runs + "\"", "run.name=api"));

        TrainingRun run = VaeTrainer.of(cfg).train();
        Vae vae = run.vae();
        List<EpochMetrics> history = run.history();

        DataSource source = DataSources.open(cfg.data(), run.folder().dir());
        DataPipeline data = new DataPipeline(source, cfg.data(), cfg.train().evalBatchSize());
        INDArray x = data.evaluation(Split.TEST).get(0).getFeatures();
        Map<String, INDArray> posterior = vae.encode(x);
        assertEquals(2, history.size());
        assertEquals(8, source.inputSize());
        assertArrayEquals(new long[] {150, 2}, posterior.get("mu").shape());
        assertArrayEquals(new long[] {150, 8}, vae.reconstruct(x).shape());
        assertTrue(history.get(1).validation().cost() < history.get(0).validation().cost());
    }
}

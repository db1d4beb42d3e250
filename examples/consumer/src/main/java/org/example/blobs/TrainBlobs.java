package org.example.blobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.records.reader.impl.transform.TransformProcessRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.transform.TransformProcess;
import org.datavec.api.transform.schema.Schema;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataSource;
import org.vaekit.data.RecordReaderSource;
import org.vaekit.data.Split;
import org.vaekit.train.EpochMetrics;
import org.vaekit.train.TrainedRun;
import org.vaekit.train.TrainingListener;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

/**
 * Trains a VAE on three CSV files read with this program's own DataVec readers (8 features and a cluster name per
 * row), then opens the finished run and encodes a few test examples.
 */
public final class TrainBlobs {
    private static final Schema SCHEMA = new Schema.Builder()
            .addColumnsDouble("f%d", 0, 7)
            .addColumnCategorical("cluster", "east", "north", "west")
            .build();
    /** The cluster name becomes its class index, the label vaekit reads. */
    private static final TransformProcess LABELS = new TransformProcess.Builder(SCHEMA)
            .categoricalToInteger("cluster")
            .build();

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        Path runs = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/runs"));
        TrainingListener progress = new TrainingListener() {
            @Override
            public void epochDone(EpochMetrics m) {
                System.out.printf("epoch %d: validation -ELBO %.2f%n", m.epoch(), m.validation().cost());
            }
        };

        // readme:start
        DataSource source = RecordReaderSource.builder().labelColumn(8)          // this program's DataVec readers
                .train(csv(data, "train")).validation(csv(data, "validation")).test(csv(data, "test")).build();
        VaeConfig config = VaeConfig.builder().runDir(runs).encoder(32).decoder(32).latent(2)
                .likelihood("gaussian").set("data.binarization", "none").epochs(15).learningRate(1e-2).build();
        TrainingRun run = VaeTrainer.of(config).listener(progress).train(source); // checkpoints, metrics, evaluation

        TrainedRun trained = TrainedRun.open(run.folder().dir());                // later, or in another program
        INDArray x = trained.data(source).evaluation(Split.TEST).get(0).getFeatures();
        INDArray codes = trained.vae().encode(x).get("mu");                      // [examples, 2]
        INDArray scores = trained.vae().negativeElbo(x);                         // nats per example
        // readme:end

        System.out.println("run folder: " + run.folder().dir());
        System.out.println("first test examples, latent means and negative ELBO:");
        for (int i = 0; i < 5; i++) {
            System.out.printf("  z = (%7.3f, %7.3f)   -ELBO %7.2f%n", codes.getDouble(i, 0), codes.getDouble(i, 1),
                    scores.getDouble(i));
        }
        double first = run.history().get(0).validation().cost();
        double last = run.history().get(run.history().size() - 1).validation().cost();
        if (!(last < first)) {
            throw new IllegalStateException("validation cost did not fall: " + first + " -> " + last);
        }
    }

    /** {@code dir/name.csv}, a header line then rows, the cluster name mapped to its index. */
    private static RecordReader csv(Path dir, String name) throws IOException, InterruptedException {
        CSVRecordReader reader = new CSVRecordReader(1, ',');
        reader.initialize(new FileSplit(dir.resolve(name + ".csv").toFile()));
        return new TransformProcessRecordReader(reader, LABELS);
    }
}

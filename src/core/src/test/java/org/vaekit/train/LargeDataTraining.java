package org.vaekit.train;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.config.ConfigLoader;

/**
 * Trains in a JVM of its own (run by {@link LargerThanHeapTest} with a small heap) and writes, for every training
 * example seen, its epoch and its index, which the test data encodes in the first three values of each example.
 * Arguments: the output file, then {@code key=value} settings.
 */
public final class LargeDataTraining {
    private LargeDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<String> settings = Arrays.asList(args).subList(1, args.length);
        try (DataOutputStream seen = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            VaeTrainer.of(ConfigLoader.fromString("", settings))
                    .graphListeners((run, vae) -> List.of(new IndexRecorder(seen))).train();
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    }

    /** Writes (epoch, index) for each example of each training batch. */
    private static final class IndexRecorder extends BaseListener {
        private final DataOutputStream out;

        IndexRecorder(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet batch, Loss loss) {
            INDArray x = batch.getFeatures(0);
            float[][] head = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)).toFloatMatrix();
            try {
                for (float[] v : head) {
                    out.writeInt(at.epoch());
                    out.writeInt(LargerThanHeapTest.index(Math.round(v[0] * 255), Math.round(v[1] * 255),
                            Math.round(v[2] * 255)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

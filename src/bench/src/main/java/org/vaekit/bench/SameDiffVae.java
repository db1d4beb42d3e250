package org.vaekit.bench;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.vaekit.config.VaeConfig;
import org.vaekit.model.Vae;
import org.vaekit.train.Trainer;

/** vaekit's own model: the SameDiff graph trained by {@code SameDiff.fit} with Adam, as {@code train} does. */
final class SameDiffVae implements Subject {
    private final VaeConfig config;
    private final int inputSize;
    private Vae vae;

    SameDiffVae(VaeConfig config, int inputSize) {
        this.config = config;
        this.inputSize = inputSize;
    }

    @Override
    public String name() {
        return BenchReport.VAEKIT;
    }

    @Override
    public Runnable training(DataSetIterator train) {
        vae = Vae.create(config.model(), inputSize, config.run().seed());
        // prepare() sets Adam and the input mapping only: the batch size comes from the iterator.
        new Trainer(config.train(), config.run().seed()).prepare(vae);
        return () -> {
            train.reset();
            vae.graph().fit(train, 1);
        };
    }

    /** The reconstruction means {@code x_rec}, the graph's full forward pass, on the model last trained. */
    @Override
    public Runnable inference(List<INDArray> batches) {
        Vae model = vae;
        return () -> batches.forEach(model::reconstruct);
    }
}

package org.vaekit.train;

import java.nio.file.Path;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.HeldOutLabels;
import org.vaekit.eval.Evaluation;
import org.vaekit.model.Vae;

/**
 * A finished (or imported) run opened for use: its resolved config and its model, ready to encode, decode,
 * sample and score; and its data prepared as in training.
 *
 * <pre>{@code
 * TrainedRun run = TrainedRun.open(Path.of("runs/mnist-vae-20261202-101500"));
 * INDArray mu = run.vae().encode(x).get("mu");
 * }</pre>
 */
public record TrainedRun(RunFolder folder, VaeConfig config, Vae vae) {

    /** Opens a run folder written by training or import; one line names what is missing or damaged. */
    public static TrainedRun open(Path dir) {
        RunFolder run = RunFolder.open(dir);
        VaeConfig cfg = run.config();
        return new TrainedRun(run, cfg, Vae.load(run.file(RunFolder.MODEL), cfg.model()));
    }

    /**
     * The data the run's config names, split, scaled and binarized as in training (what training learned from
     * it, such as the CSV min/max scaling, is read from the run folder); a model of another input size is refused.
     */
    public DataPipeline data() {
        return data(DataSources.open(config.data(), folder.dir()));
    }

    /** The data the run's config names, opened as training opened it (without the labels it left out of training). */
    public DataSource source() {
        return data().source();
    }

    /**
     * {@code source} prepared as in training (binarization, batch sizes, the labels left out of the training split);
     * a source of another input size is refused.
     */
    public DataPipeline data(DataSource source) {
        vae.requireInputSize(source.inputSize(), "the data (data.source = " + config.data().source() + ")");
        return new DataPipeline(HeldOutLabels.of(source, config.data().excludeLabels()), config.data(),
                config.train().evalBatchSize());
    }

    /** The negative ELBO per split and label, and the importance-sampled log p(x), as {@code evaluate} reports. */
    public Evaluation evaluate() {
        return Evaluation.of(vae, data(), config.eval(), config.data().evalSeed());
    }
}

package org.vaekit.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.vaekit.config.TrainSettings;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * The training loop: one {@code SameDiff.fit} pass per epoch with Adam, then the validation ELBO, a metrics
 * row and an atomic save of the model (with its Adam state) into the run folder.
 */
public final class Trainer {
    private final TrainSettings settings;
    private final long seed;
    private final boolean progressBar;

    /**
     * @param progressBar draw a progress bar per epoch (for terminals; logs get the per-epoch lines only)
     */
    public Trainer(TrainSettings settings, long seed, boolean progressBar) {
        this.settings = settings;
        this.seed = seed;
        this.progressBar = progressBar;
    }

    /** Sets Adam and the input mapping on the graph and builds its backward pass, ready for {@code fit}. */
    public void prepare(Vae vae) {
        vae.graph().setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(settings.learningRate(), settings.beta1(), settings.beta2(), settings.epsilon()))
                .dataSetFeatureMapping(VaeGraph.INPUT)
                .markLabelsUnused()
                .build());
        VaeGraph.createGradFunction(vae.graph());
    }

    /** Trains {@code vae} on the pipeline's training split for {@code train.epochs} epochs. */
    public List<EpochMetrics> fit(Vae vae, DataPipeline data, RunFolder run) {
        prepare(vae);
        Vae.seed(seed);
        DataSetIterator train = data.training(settings.batchSize(), seed);
        long examples = data.source().size(Split.TRAIN);
        List<DataSet> validation = data.evaluation(Split.VALIDATION);
        run.appendLine(RunFolder.METRICS, EpochMetrics.CSV_HEADER);

        List<EpochMetrics> history = new ArrayList<>();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            train.reset();
            vae.setKlWeight(settings.kl().weight(epoch));
            EpochCosts costs = new EpochCosts();
            long start = System.nanoTime();
            if (progressBar) {
                String task = String.format(Locale.ROOT, "epoch %d/%d", epoch, settings.epochs());
                try (ProgressBarListener bar = new ProgressBarListener(task, examples, costs)) {
                    vae.graph().fit(train, 1, costs, bar);
                }
            } else {
                vae.graph().fit(train, 1, new Listener[] {costs});
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Elbo valid = vae.elbo(validation);
            EpochMetrics m = new EpochMetrics(epoch, costs.meanCost(), costs.meanRec(), costs.meanKl(), valid,
                    seconds, costs.examples() / seconds);
            run.appendLine(RunFolder.METRICS, m.csvRow());
            vae.save(run.file(RunFolder.MODEL));
            run.log(m.summary(settings.epochs()));
            history.add(m);
        }
        return history;
    }
}

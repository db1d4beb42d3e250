package org.vaekit.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.vaekit.config.TrainSettings;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Split;
import org.vaekit.data.TrainingBatches;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * The training loop: one {@code SameDiff.fit} pass per epoch with Adam, then the validation ELBO, a metrics
 * row, an atomic save of the model (with its Adam state) into the run folder and a checkpoint.
 */
public final class Trainer {
    private final TrainSettings settings;
    private final long seed;
    private List<Listener> extraListeners = List.of();
    private List<TrainingListener> trainingListeners = List.of();

    public Trainer(TrainSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** Also runs these SameDiff listeners on every training iteration (e.g. the training UI's). */
    public Trainer withListeners(List<Listener> listeners) {
        this.extraListeners = List.copyOf(listeners);
        return this;
    }

    /** Tells these listeners about epochs and minibatches (e.g. a progress bar). */
    Trainer withTrainingListeners(List<TrainingListener> listeners) {
        this.trainingListeners = List.copyOf(listeners);
        return this;
    }

    /**
     * Sets Adam and the input mapping on the graph and builds its backward pass, ready for {@code fit}. The learning
     * rate follows the graph's epoch count, which checkpoints restore, so a resumed run continues the decay.
     */
    public void prepare(Vae vae) {
        Adam adam = Adam.builder()
                .learningRateSchedule(new ExponentialSchedule(ScheduleType.EPOCH, settings.learningRate(),
                        settings.lrDecay()))
                .beta1(settings.beta1()).beta2(settings.beta2()).epsilon(settings.epsilon())
                .build();
        vae.graph().setTrainingConfig(TrainingConfig.builder()
                .updater(adam)
                .dataSetFeatureMapping(VaeGraph.INPUT)
                .markLabelsUnused()
                .build());
        VaeGraph.createGradFunction(vae.graph());
    }

    /**
     * Trains {@code vae} on the pipeline's training split up to {@code train.epochs} epochs, from the start or,
     * when {@code from} is given, exactly where that checkpoint left off ({@code vae} is then its model).
     *
     * @return the epochs completed by this call
     */
    List<EpochMetrics> fit(Vae vae, DataPipeline data, RunFolder run, Checkpointer checkpointer, Checkpoint from) {
        prepare(vae);
        TrainingBatches train = data.training(settings.batchSize(), seed);
        int firstEpoch = 1;
        EpochCosts resumed = null;
        double resumedSeconds = 0;
        if (from == null) {
            Vae.seed(seed);
        } else {
            TrainingConfig tc = vae.graph().getTrainingConfig();
            tc.setIterationCount(from.iterationCount());
            tc.setEpochCount(from.epochCount());
            train.seek(from.data());
            firstEpoch = from.epoch() + 1;
            if (from.batch() > 0) {
                resumed = new EpochCosts(from.costs(), from.batch());
                resumedSeconds = from.costs().seconds();
            }
        }
        long examples = data.source().size(Split.TRAIN);
        List<DataSet> validation = data.evaluation(Split.VALIDATION);
        if (from != null) {
            // Last, so that nothing else draws from the noise RNG between the checkpoint and the next batch.
            Nd4j.getRandom().setStates(from.noiseRng()[0], from.noiseRng()[1]);
        }

        List<EpochMetrics> history = new ArrayList<>();
        for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
            EpochCosts costs = resumed;
            if (costs == null) {
                train.reset();
                costs = new EpochCosts();
            }
            checkpointer.epochStarted(epoch, vae, train, costs, resumedSeconds);
            resumed = null;
            resumedSeconds = 0;
            vae.setKlWeight(settings.kl().weight(epoch));
            List<Listener> listeners = new ArrayList<>(List.of(costs, new NonFiniteGuard(), checkpointer));
            listeners.addAll(extraListeners);
            listeners.add(new BatchProgress(trainingListeners, costs, epoch));
            if (train.hasNext()) { // false when resumed after the epoch's last batch
                for (TrainingListener l : trainingListeners) {
                    l.epochStarted(epoch, settings.epochs(), examples);
                }
                vae.graph().fit(train, 1, listeners.toArray(new Listener[0]));
            }
            double seconds = checkpointer.epochSeconds();
            Elbo valid = vae.elbo(validation);
            EpochMetrics m = new EpochMetrics(epoch, costs.meanCost(), costs.meanRec(), costs.meanKl(), valid,
                    seconds, costs.examples() / seconds);
            run.appendLine(RunFolder.METRICS, m.csvRow());
            vae.save(run.file(RunFolder.MODEL));
            for (TrainingListener l : trainingListeners) {
                l.epochDone(m);
            }
            run.log(m.summary(settings.epochs()));
            checkpointer.epochEnded();
            history.add(m);
        }
        return history;
    }
}

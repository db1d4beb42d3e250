package org.vaekit.config;

import org.vaekit.train.KlSchedule;

/**
 * The optimisation: epochs, batch size, Adam's hyper-parameters, the learning rate's decay per epoch and the KL
 * weight schedule.
 */
public record TrainSettings(int epochs, int batchSize, double learningRate, double beta1, double beta2,
                            double epsilon, int evalBatchSize, KlSchedule kl, double lrDecay) {
    static TrainSettings from(Settings s) {
        return new TrainSettings(
                s.intAtLeast("train.epochs", 1),
                s.intAtLeast("train.batch-size", 1),
                s.doubleIn("train.learning-rate", 0, false, Double.POSITIVE_INFINITY, false),
                s.doubleIn("train.beta1", 0, true, 1, false),
                s.doubleIn("train.beta2", 0, true, 1, false),
                s.doubleIn("train.epsilon", 0, false, Double.POSITIVE_INFINITY, false),
                s.intAtLeast("train.eval-batch-size", 1),
                new KlSchedule(s.doubleIn("train.kl-beta", 0, true, Double.POSITIVE_INFINITY, false),
                        s.intAtLeast("train.kl-warmup-epochs", 0)),
                s.doubleIn("train.lr-decay", 0, false, 1, true));
    }
}

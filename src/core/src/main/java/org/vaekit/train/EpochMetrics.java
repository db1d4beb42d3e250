package org.vaekit.train;

import java.util.Locale;
import org.vaekit.model.Elbo;

/**
 * One epoch's numbers: running means of the training costs over its minibatches (nats per example)
 * and the validation ELBO at its end.
 */
public record EpochMetrics(int epoch, double trainCost, double trainRec, double trainKl, Elbo validation,
                           double seconds, double samplesPerSecond) {

    static final String CSV_HEADER =
            "epoch,train_cost,train_rec,train_kl,valid_cost,seconds,valid_rec,valid_kl,samples_per_second";

    String csvRow() {
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f,%.6f,%.6f,%.1f", epoch, trainCost, trainRec,
                trainKl, validation.cost(), seconds, validation.reconstruction(), validation.kl(), samplesPerSecond);
    }

    /** The line printed after each epoch. */
    String summary(int epochs) {
        return String.format(Locale.ROOT,
                "epoch %d/%d  train cost %.2f (rec %.2f, KL %.2f)  valid cost %.2f  %.1fs, %.0f samples/s", epoch,
                epochs, trainCost, trainRec, trainKl, validation.cost(), seconds, samplesPerSecond);
    }
}

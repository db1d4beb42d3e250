package org.vaekit.train;

import java.util.List;
import org.vaekit.eval.Evaluation;
import org.vaekit.model.Vae;

/**
 * What a finished {@link VaeTrainer} run gives back.
 *
 * @param folder     the run folder written
 * @param history    one entry per epoch trained by this call
 * @param evaluation final negative ELBO per split and label, and the log p(x) estimate
 * @param vae        the trained model (also saved as the run's model.sdz)
 */
public record TrainingRun(RunFolder folder, List<EpochMetrics> history, Evaluation evaluation, Vae vae) {
}

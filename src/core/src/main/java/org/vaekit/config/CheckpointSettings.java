package org.vaekit.config;

/**
 * When training state is checkpointed and how many checkpoints are kept.
 *
 * @param everyMinutes also checkpoint inside an epoch when this much time has passed since the last one (0 = only
 *                     at the end of each epoch)
 * @param everyBatches also checkpoint inside an epoch after every this many minibatches (0 = off); unlike the
 *                     clock, the same on every machine
 * @param keep         number of newest checkpoints kept in the run folder
 */
public record CheckpointSettings(double everyMinutes, int everyBatches, int keep) {
    static CheckpointSettings from(Settings s) {
        return new CheckpointSettings(
                s.doubleIn("checkpoint.every-minutes", 0, true, Double.POSITIVE_INFINITY, false),
                s.intAtLeast("checkpoint.every-batches", 0),
                s.intAtLeast("checkpoint.keep", 1));
    }
}

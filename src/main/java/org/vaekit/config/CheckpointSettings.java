package org.vaekit.config;

/**
 * When training state is checkpointed and how many checkpoints are kept.
 *
 * @param everyMinutes also checkpoint inside an epoch when this much time has passed since the last one (0 = only
 *                     at the end of each epoch)
 * @param keep         number of newest checkpoints kept in the run folder
 */
public record CheckpointSettings(double everyMinutes, int keep) {
    static CheckpointSettings from(Settings s) {
        return new CheckpointSettings(
                s.doubleIn("checkpoint.every-minutes", 0, true, Double.POSITIVE_INFINITY, false),
                s.intAtLeast("checkpoint.keep", 1));
    }
}

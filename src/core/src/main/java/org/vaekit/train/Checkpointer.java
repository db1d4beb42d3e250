package org.vaekit.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.config.CheckpointSettings;
import org.vaekit.data.TrainingBatches;
import org.vaekit.model.Vae;

/**
 * Decides when to checkpoint and gathers the state: at the end of every epoch, inside an epoch once
 * {@code checkpoint.every-minutes} have passed or after every {@code checkpoint.every-batches} minibatches, and at once when the JVM is asked to exit (then training stops
 * with a message saying how to resume).
 */
final class Checkpointer extends BaseListener {
    private final Checkpoints store;
    private final long intervalNanos;
    private final int everyBatches;
    private final Map<String, String> dataFiles;
    private final Interruption interruption;
    private final String resumeCommand;
    private final Consumer<String> log;
    private long lastSaved = System.nanoTime();
    private Vae vae;
    private TrainingBatches batches;
    private EpochCosts costs;
    private int epoch;
    private double secondsBefore;
    private long epochStart;

    /**
     * @param runDir       the run folder, for the resume hint
     * @param log          where the interruption is reported
     */
    Checkpointer(Checkpoints store, CheckpointSettings settings, Map<String, String> dataFiles, Interruption interruption,
                 Path runDir, Consumer<String> log) {
        this.store = store;
        this.intervalNanos = settings.everyMinutes() <= 0 ? Long.MAX_VALUE : (long) (settings.everyMinutes() * 60e9);
        this.everyBatches = settings.everyBatches();
        this.dataFiles = dataFiles;
        this.interruption = interruption;
        this.resumeCommand = "train --resume " + runDir;
        this.log = log;
    }

    /** Epoch {@code epoch} (1-based) starts or continues with {@code costs}, after {@code secondsBefore} of it. */
    void epochStarted(int epoch, Vae vae, TrainingBatches batches, EpochCosts costs, double secondsBefore) {
        this.epoch = epoch;
        this.vae = vae;
        this.batches = batches;
        this.costs = costs;
        this.secondsBefore = secondsBefore;
        this.epochStart = System.nanoTime();
    }

    /** Seconds spent on the current epoch, across resumes. */
    double epochSeconds() {
        return secondsBefore + (System.nanoTime() - epochStart) / 1e9;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        boolean stop = interruption.requested();
        // The iteration counter is incremented after the listeners run: this iteration is done.
        int done = (int) costs.iterations();
        if (stop || System.nanoTime() - lastSaved >= intervalNanos || everyBatches > 0 && done % everyBatches == 0) {
            Path file = save(new Checkpoint(epoch - 1, done, at.iteration() + 1, at.epoch(), noiseRng(),
                    batches.position(done), costs.sums(epochSeconds()), dataFiles, vae.toBytes()));
            if (stop) {
                stopped(file, "epoch " + epoch + ", batch " + done);
            }
        }
    }

    /** Checkpoints the end of the current epoch (after its validation), then stops if asked to. */
    void epochEnded() {
        TrainingConfig tc = vae.graph().getTrainingConfig();
        Path file = save(new Checkpoint(epoch, 0, tc.getIterationCount(), tc.getEpochCount(), noiseRng(),
                batches.endOfPass(), EpochCosts.Sums.NONE, dataFiles, vae.toBytes()));
        if (interruption.requested()) {
            stopped(file, "the end of epoch " + epoch);
        }
    }

    private Path save(Checkpoint c) {
        try {
            Path file = store.save(c);
            lastSaved = System.nanoTime();
            return file;
        } catch (VaekitException e) {
            interruption.handled();
            throw e;
        }
    }

    private void stopped(Path file, String where) {
        String message = "interrupted at " + where + "; checkpoint " + file + " written; continue with: "
                + resumeCommand;
        log.accept(message); // the JVM may exit as soon as handled() is called
        interruption.handled();
        throw new VaekitException(message);
    }

    private static long[] noiseRng() {
        Random rng = Nd4j.getRandom();
        return new long[] {rng.rootState(), rng.nodeState()};
    }
}

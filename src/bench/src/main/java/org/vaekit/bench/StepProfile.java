package org.vaekit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.model.Vae;
import org.vaekit.train.Trainer;

/**
 * Where a training step's time goes: the graph's ops (each timed from SameDiff's pre-op to post-op listener call),
 * the updater's step (timed apart: SameDiff applies it inside its training session, out of the listeners' sight,
 * so the same Adam is applied to arrays of the model's parameter shapes) and the rest of the step (SameDiff's
 * executor between ops, the listener itself). Fetching the batch precedes the step and is not in it: the pipeline's
 * own figure is in the main bench.
 */
public final class StepProfile {
    private static final int TOP_OPS = 8;

    private final VaeConfig config;
    private final int epochs;
    private final int warmupSeconds;
    private final PrintStream out;

    public StepProfile(VaeConfig config, int epochs, int warmupSeconds, PrintStream out) {
        this.config = config;
        this.epochs = epochs;
        this.warmupSeconds = warmupSeconds;
        this.out = out;
    }

    /** One batch size's step, in milliseconds: wall time, graph op time by op name and the updater's time. */
    public record Step(int batch, long steps, double wall, Map<String, OpTime> byOp, double updater) {
        /** Time of the step in the graph's ops. */
        public double ops() {
            return byOp.values().stream().mapToDouble(OpTime::ms).sum();
        }

        /** Ops run per step. */
        public double opsPerStep() {
            return byOp.values().stream().mapToDouble(OpTime::calls).sum();
        }

        /** Time of the step outside the graph's ops and the updater. */
        public double rest() {
            return Math.max(0, wall - ops() - updater);
        }
    }

    /** Milliseconds per step spent in one kind of op, and its calls per step. */
    public record OpTime(double ms, double calls) {
    }

    /**
     * Profiles each batch size (epochs of warm-up for {@code warmupSeconds}, at least one, then {@code epochs}
     * timed) and prints a table for each.
     */
    public List<Step> run(List<Integer> batchSizes) {
        DataSource source = DataSources.open(config.data());
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        out.printf(Locale.ROOT, "%d training examples, %d timed epochs after %d s of warm-up%n",
                source.size(Split.TRAIN), epochs, warmupSeconds);
        List<Step> steps = new ArrayList<>();
        for (int batch : batchSizes) {
            Step step = profile(data.training(batch, config.run().seed()), source.inputSize(), batch);
            print(step);
            steps.add(step);
        }
        return steps;
    }

    private Step profile(DataSetIterator batches, int inputSize, int batch) {
        Vae vae = Vae.create(config.model(), inputSize, config.run().seed());
        new Trainer(config.train(), config.run().seed()).prepare(vae);
        OpTimer timer = new OpTimer();
        Runnable epoch = () -> {
            batches.reset();
            vae.graph().fit(batches, 1, timer);
        };
        Median.repeatFor(epoch, warmupSeconds);
        timer.recording = true;
        for (int e = 0; e < epochs; e++) {
            epoch.run();
        }
        Map<String, OpTime> byOp = new HashMap<>();
        timer.nanosByOp.forEach((name, t) -> byOp.put(name, new OpTime(t[0] / 1e6 / timer.steps,
                (double) t[1] / timer.steps)));
        return new Step(batch, timer.steps, timer.stepNanos / 1e6 / timer.steps, byOp, updaterMillis(vae.graph()));
    }

    /** The median over 21 rounds (after 5) of one updater step over every trainable array, as SameDiff applies it. */
    private static double updaterMillis(SameDiff sd) {
        IUpdater config = sd.getTrainingConfig().getUpdater();
        List<INDArray[]> arrays = new ArrayList<>();  // parameter, gradient
        List<GradientUpdater<?>> updaters = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            INDArray param = v.getArr().dup();
            long n = param.length();
            INDArray state = Nd4j.zeros(param.dataType(), 1, config.stateSize(n));
            updaters.add(config.instantiate(state, true));
            updaters.get(updaters.size() - 1).setStateViewArray(state, param.shape(), param.ordering(), true);
            arrays.add(new INDArray[] {param, Nd4j.rand(param.dataType(), param.shape()).subi(0.5)});
        }
        double[] rounds = new double[21];
        for (int r = -5; r < rounds.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < updaters.size(); i++) {
                INDArray[] pg = arrays.get(i);
                INDArray update = pg[1].dup();  // the updater works in place on the gradient
                updaters.get(i).applyUpdater(update, Math.max(r, 0), 0);
                pg[0].subi(update);
            }
            if (r >= 0) {
                rounds[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Median.of(rounds);
    }

    private void print(Step s) {
        out.printf(Locale.ROOT, "batch %d: %d steps, %.2f ms per step%n", s.batch(), s.steps(), s.wall());
        out.printf(Locale.ROOT, "  %-44s %8.2f ms %5.1f%%%n", String.format(Locale.ROOT, "graph ops (%.0f per step)",
                s.opsPerStep()), s.ops(), 100 * s.ops() / s.wall());
        s.byOp().entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, OpTime> e) -> e.getValue().ms()).reversed())
                .limit(TOP_OPS)
                .forEach(e -> out.printf(Locale.ROOT, "    %-42s %8.2f ms %5.1f%%  (%.0f per step)%n", e.getKey(),
                        e.getValue().ms(), 100 * e.getValue().ms() / s.wall(), e.getValue().calls()));
        out.printf(Locale.ROOT, "  %-44s %8.2f ms %5.1f%%%n", "updater step (timed apart)", s.updater(),
                100 * s.updater() / s.wall());
        out.printf(Locale.ROOT, "  %-44s %8.2f ms %5.1f%%%n", "the rest (executor between ops, listener)", s.rest(),
                100 * s.rest() / s.wall());
    }

    /** Times every op and every iteration of the epochs it records. */
    private static final class OpTimer extends BaseListener {
        private final Map<String, long[]> nanosByOp = new HashMap<>();  // total ns, calls
        private boolean recording;
        private long stepStart;
        private long opStart;
        private long steps;
        private long stepNanos;

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTime) {
            stepStart = System.nanoTime();
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
            if (recording) {
                stepNanos += System.nanoTime() - stepStart;
                steps++;
            }
        }

        @Override
        public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
            opStart = System.nanoTime();
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                                INDArray[] outputs) {
            if (recording) {
                long[] total = nanosByOp.computeIfAbsent(op.getOp().opName(), k -> new long[2]);
                total[0] += System.nanoTime() - opStart;
                total[1]++;
            }
        }
    }
}

package org.vaekit.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.util.UIDProvider;
import org.deeplearning4j.ui.model.storage.impl.SbeStorageMetaData;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.config.PlotSettings;
import org.vaekit.config.UiSettings;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Split;
import org.vaekit.model.BatchElbo;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;
import org.vaekit.train.EpochMetrics;
import org.vaekit.train.KlSchedule;
import org.vaekit.train.RunFolder;
import org.vaekit.train.TrainingListener;

/**
 * Fills the UI's VAE page: a SameDiff listener that keeps every iteration's reconstruction and KL cost (and the
 * KL weight when a schedule is on) and the KL of each latent dimension on the training batches, and a training
 * listener that adds each epoch's training and validation costs and, every {@code ui.vae-every-epochs} epochs,
 * the {@link VaeFigures}. The training thread only copies numbers and weights; a writer thread computes the
 * figures and stores {@link VaeReport}s (an iteration report every {@code ui.report-every} iterations, an epoch
 * report per epoch) in the run's stats file.
 */
public final class VaePageListener extends BaseListener implements TrainingListener, AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final UiSettings settings;
    private final PlotSettings plot;
    private final KlSchedule kl;
    private final String workerId = UIDProvider.getJVMUID();
    /** Computes figures and stores reports off the training thread; a full queue makes training wait. */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(16), r -> {
                Thread t = new Thread(r, "vaekit-ui-vae-page");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private StatsStorageRouter router;
    private String sessionId;
    private Vae vae;
    private VaeFigures figures;
    private INDArray subset;
    private int[] subsetLabels;
    private DataPipeline data;
    private int epochs;
    private long lastTimestamp;

    private final BatchElbo batchElbo = new BatchElbo();
    private float[][] mu;
    private float[][] logvar;
    /** The iterations since the last iteration report. */
    private final List<double[]> pending = new ArrayList<>();
    private double[] klSums;
    private long klExamples;

    /**
     * @param kl the run's KL schedule: the KL weight is reported when it is not the plain ELBO
     */
    public VaePageListener(UiSettings settings, PlotSettings plot, KlSchedule kl) {
        this.settings = settings;
        this.plot = plot;
        this.kl = kl;
    }

    @Override
    public void runStarted(RunFolder run, int epochs) {
        this.epochs = epochs;
    }

    /** Keeps the first {@code ui.vae-examples} validation examples (binarized once, as validation sees them). */
    @Override
    public void dataReady(DataPipeline pipeline) {
        this.data = pipeline;
        List<INDArray> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int wanted = settings.vaeExamples();
        boolean labelled = pipeline.source().numClasses() > 0;
        for (DataSet batch : pipeline.evaluation(Split.VALIDATION)) {
            if (labels.size() >= wanted) {
                break;
            }
            int take = (int) Math.min(batch.numExamples(), wanted - labels.size());
            features.add(batch.getFeatures().get(NDArrayIndex.interval(0, take), NDArrayIndex.all()).dup());
            INDArray classes = batch.getLabels().argMax(1);
            for (int i = 0; i < take; i++) {
                labels.add(labelled ? classes.getInt(i) : -1);
            }
        }
        subset = features.isEmpty() ? null : Nd4j.vstack(features.toArray(new INDArray[0])).castTo(DataType.FLOAT);
        subsetLabels = labels.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Starts writing to {@code router} under {@code session} for {@code model}; called once the model exists. */
    void start(StatsStorageRouter storage, String session, Vae model) {
        this.router = storage;
        this.sessionId = session;
        this.vae = model;
        if (subset != null) {
            figures = new VaeFigures(model.settings(), subset, subsetLabels, data.source().labels(),
                    model.settings().latent() == 1 ? List.of(0) : plot.latentDims());
        }
        long now = System.currentTimeMillis();
        storage.putStorageMetaData(new SbeStorageMetaData(now, session, VaeReport.TYPE_ID, workerId,
                VaeReport.class.getName(), VaeReport.class.getName()));
        // stats files list a session's updates of a type by the workers that stored static info for it
        ObjectNode info = NODES.objectNode();
        info.put("kind", "info");
        info.put("latent", model.settings().latent());
        info.put("inputSize", model.inputSize());
        storage.putStaticInfo(new VaeReport(session, workerId, now, info));
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        if (batchElbo.take(varName, activation)) {
            return;
        }
        if (VaeGraph.MU.equals(varName)) {
            mu = activation.castTo(DataType.FLOAT).toFloatMatrix();
        } else if (VaeGraph.LOGVAR.equals(varName)) {
            logvar = activation.castTo(DataType.FLOAT).toFloatMatrix();
        }
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        double weight = sd.hasVariable(VaeGraph.KL_WEIGHT) ? sd.getVariable(VaeGraph.KL_WEIGHT).getArr().getDouble(0)
                : 1.0;
        pending.add(new double[] {at.iteration(), batchElbo.rec(), batchElbo.kl(), weight});
        addKlPerDimension();
        if (at.iteration() % settings.reportEvery() == 0) {
            storeIterations();
        }
    }

    /** KL(q(z_d|x) || N(0, 1)) = (exp(logvar) + mu^2 - logvar - 1) / 2 per dimension, summed over the batch. */
    private void addKlPerDimension() {
        if (mu == null || logvar == null) {
            return;
        }
        if (klSums == null) {
            klSums = new double[mu[0].length];
        }
        for (int i = 0; i < mu.length; i++) {
            for (int d = 0; d < klSums.length; d++) {
                double m = mu[i][d];
                double lv = logvar[i][d];
                klSums[d] += 0.5 * (Math.exp(lv) + m * m - lv - 1.0);
            }
        }
        klExamples += mu.length;
    }

    /** The end of an epoch's {@code fit}: its last iterations are stored before the epoch's report. */
    @Override
    public void operationEnd(SameDiff sd, Operation op) {
        if (op == Operation.TRAINING) {
            storeIterations();
        }
    }

    private void storeIterations() {
        if (pending.isEmpty() || router == null) {
            return;
        }
        ObjectNode report = NODES.objectNode();
        report.put("kind", "iterations");
        ArrayNode iteration = report.putArray("iteration");
        ArrayNode rec = report.putArray("rec");
        ArrayNode klCost = report.putArray("kl");
        ArrayNode weight = kl.equals(KlSchedule.ELBO) ? null : report.putArray("klWeight");
        for (double[] p : pending) {
            iteration.add((long) p[0]);
            rec.add(p[1]);
            klCost.add(p[2]);
            if (weight != null) {
                weight.add(p[3]);
            }
        }
        if (klSums != null && klExamples > 0) {
            double[] means = new double[klSums.length];
            for (int d = 0; d < means.length; d++) {
                means[d] = klSums[d] / klExamples;
            }
            report.set("klPerDim", VaeFigures.array(means));
        }
        pending.clear();
        klSums = null;
        klExamples = 0;
        store(report);
    }

    /**
     * Adds the epoch's costs (the metrics.csv row) and, when due, the figures of a copy of the weights taken now,
     * computed on the writer thread while the next epoch trains.
     */
    @Override
    public void epochDone(EpochMetrics m) {
        if (router == null) {
            return;
        }
        ObjectNode report = NODES.objectNode();
        report.put("kind", "epoch");
        report.put("epoch", m.epoch());
        report.put("trainCost", m.trainCost());
        report.put("trainRec", m.trainRec());
        report.put("trainKl", m.trainKl());
        report.put("validCost", m.validation().cost());
        report.put("validRec", m.validation().reconstruction());
        report.put("validKl", m.validation().kl());
        report.put("latent", vae.settings().latent());
        if (!kl.equals(KlSchedule.ELBO)) {
            report.put("klWeight", kl.weight(m.epoch()));
        }
        int every = settings.vaeEveryEpochs();
        boolean due = figures != null && every > 0 && (m.epoch() % every == 0 || m.epoch() == epochs);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        if (due) {
            vae.parameters().forEach((name, array) -> weights.put(name, array.dup()));
        }
        writer.execute(() -> {
            if (due) {
                try {
                    report.set("figures", figures.compute(weights));
                } catch (RuntimeException e) {
                    // the page says why instead of showing empty panels; training goes on
                    report.put("figuresError", String.valueOf(e));
                }
            }
            put(report);
        });
    }

    private void store(ObjectNode report) {
        writer.execute(() -> put(report));
    }

    /** On the writer thread: stats files keep one report per time stamp, so each gets a later one. */
    private void put(ObjectNode report) {
        lastTimestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
        try {
            router.putUpdate(new VaeReport(sessionId, workerId, lastTimestamp, report));
        } catch (RuntimeException e) {
            // e.g. MapDB's shutdown hook closed the stats file on Ctrl-C: training and checkpoints go on
            System.err.println("ui: VAE page report not stored: " + e);
        }
    }

    /** Waits until the reports so far (and their figures) are stored. */
    public void flush() {
        try {
            writer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("storing the VAE page's reports failed", e.getCause());
        }
    }

    /** Stores the pending reports and stops the writer thread. */
    @Override
    public void close() {
        flush();
        writer.shutdown();
    }
}

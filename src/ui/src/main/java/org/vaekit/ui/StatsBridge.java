package org.vaekit.ui;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.util.UIDProvider;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.stats.impl.SbeStatsInitializationReport;
import org.deeplearning4j.ui.model.stats.impl.SbeStatsReport;
import org.deeplearning4j.ui.model.storage.impl.SbeStorageMetaData;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaekit.model.BatchElbo;
import org.vaekit.model.VaeGraph;

/**
 * A SameDiff listener that writes the reports DL4J's {@code StatsListener} writes for its own networks, so the
 * training UI's Overview, Model and System pages work for the SameDiff VAE: one initialization report (software,
 * hardware, the model as {@link DashboardGraph}) and, every {@code reportEvery} iterations, a stats report with
 * the score (the batch's negative ELBO), learning rates, memory, throughput, and mean, standard deviation, mean
 * magnitude and histogram of each parameter, gradient, update and layer activation. The training thread only
 * copies the arrays; a writer thread summarises them and stores the report.
 */
public final class StatsBridge extends BaseListener implements AutoCloseable {
    /** Model class reported to the UI: its Model page parses the configuration of classes ending so. */
    static final String MODEL_CLASS = SameDiff.class.getName() + " as ComputationGraph";
    private static final int HISTOGRAM_BINS = 20;

    private final StatsStorageRouter router;
    private final String sessionId;
    private final String workerId = UIDProvider.getJVMUID();
    private final DashboardGraph graph;
    private final int reportEvery;
    private final Map<String, String> keyOfGradient = new HashMap<>();
    /** Copies of this iteration's arrays by stats type and UI key, summarised by the writer thread. */
    private Map<StatsType, Map<String, float[]>> copies = newCopies();
    private final Map<String, long[]> gcAtLastReport = new HashMap<>();
    /** Summarises and stores reports off the training thread; a full queue makes training wait. */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4), r -> {
                Thread t = new Thread(r, "vaekit-ui-stats");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private final BatchElbo batchElbo = new BatchElbo();
    private long startMillis = -1;
    private long lastReportMillis;
    private long examples;
    private long minibatches;
    private long examplesSinceReport;
    private long minibatchesSinceReport;

    StatsBridge(StatsStorageRouter router, String sessionId, DashboardGraph graph, int reportEvery) {
        this.router = router;
        this.sessionId = sessionId;
        this.graph = graph;
        this.reportEvery = reportEvery;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    private boolean reporting(At at) {
        return at.iteration() % reportEvery == 0;
    }

    @Override
    public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTimeMs) {
        if (startMillis < 0) {
            startMillis = System.currentTimeMillis();
            lastReportMillis = startMillis;
            for (Map.Entry<String, String> p : graph.keyOfParameter().entrySet()) {
                SDVariable gradient = sd.getVariable(p.getKey()).getGradient();
                if (gradient != null) {
                    keyOfGradient.put(gradient.name(), p.getValue());
                }
            }
            putInitializationReport(sd);
        }
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        if (!batchElbo.take(varName, activation) && reporting(at)) {
            // training stops at the decoder's output (the loss reads it): the output layer shows x_rec, its mean
            boolean output = graph.outputName().equals(varName);
            String layer = graph.layerOfActivation().get(output ? VaeGraph.X_REC : varName);
            if (layer != null) {
                copies.get(StatsType.Activations).put(layer,
                        ArraySummaries.copy(output ? graph.outputMean(activation) : activation));
            }
            String key = keyOfGradient.get(varName);
            if (key != null) {
                copies.get(StatsType.Gradients).put(key, ArraySummaries.copy(activation));
            }
        }
    }

    @Override
    public void preUpdate(SameDiff sd, At at, Variable v, INDArray update) {
        String key = graph.keyOfParameter().get(v.getName());
        if (key != null && reporting(at)) {
            copies.get(StatsType.Updates).put(key, ArraySummaries.copy(update));
        }
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        long n = dataSet.getFeatures(0).size(0);
        examples += n;
        minibatches++;
        examplesSinceReport += n;
        minibatchesSinceReport++;
        if (!reporting(at)) {
            return;
        }
        long now = System.currentTimeMillis();
        SbeStatsReport report = new SbeStatsReport();
        report.reportIDs(sessionId, StatsListener.TYPE_ID, workerId, now);
        report.reportIterationCount(at.iteration());
        report.reportScore(batchElbo.cost());

        double seconds = (now - lastReportMillis) / 1000.0;
        boolean rated = minibatches > minibatchesSinceReport && seconds > 0; // no rate for the first report
        report.reportPerformance(now - startMillis, examples, minibatches,
                rated ? examplesSinceReport / seconds : 0.0, rated ? minibatchesSinceReport / seconds : 0.0);
        Runtime runtime = Runtime.getRuntime();
        // ND4J's CPU buffers are not counted by JavaCPP's Pointer.totalBytes(): report the process's resident
        // memory outside the JVM heap instead
        long offHeap = Math.max(0, Pointer.physicalBytes() - runtime.totalMemory());
        report.reportMemoryUse(runtime.totalMemory(), runtime.maxMemory(), offHeap, Pointer.maxBytes(), null, null);
        reportGarbageCollection(report);

        IUpdater updater = sd.getTrainingConfig().getUpdater();
        double lr = updater.hasLearningRate() ? updater.getLearningRate(at.iteration(), at.epoch()) : 0.0;
        Map<String, Double> learningRates = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : graph.keyOfParameter().entrySet()) {
            learningRates.put(p.getValue(), lr);
            copies.get(StatsType.Parameters).put(p.getValue(), ArraySummaries.copy(sd.getVariable(p.getKey()).getArr()));
        }
        report.reportLearningRates(learningRates);
        Map<StatsType, Map<String, float[]>> arrays = copies;
        copies = newCopies();
        writer.execute(() -> {
            long start = System.currentTimeMillis();
            arrays.forEach((type, values) -> {
                if (!values.isEmpty()) {
                    ArraySummaries summaries = new ArraySummaries(HISTOGRAM_BINS);
                    values.forEach(summaries::add);
                    summaries.reportTo(report, type);
                }
            });
            report.reportStatsCollectionDurationMS((int) (System.currentTimeMillis() - start));
            try {
                router.putUpdate(report);
            } catch (RuntimeException e) {
                // e.g. MapDB's shutdown hook closed the stats file on Ctrl-C: training and checkpoints go on
                System.err.println("ui: report of iteration " + at.iteration() + " not stored: " + e);
            }
        });
        lastReportMillis = now;
        examplesSinceReport = 0;
        minibatchesSinceReport = 0;
    }

    private static Map<StatsType, Map<String, float[]>> newCopies() {
        Map<StatsType, Map<String, float[]>> m = new EnumMap<>(StatsType.class);
        for (StatsType type : List.of(StatsType.Parameters, StatsType.Gradients, StatsType.Updates,
                StatsType.Activations)) {
            m.put(type, new LinkedHashMap<>());
        }
        return m;
    }

    /** Waits until the reports of each finished {@code fit} are stored, so a run's stats file is complete. */
    @Override
    public void operationEnd(SameDiff sd, Operation op) {
        if (op == Operation.TRAINING) {
            flush();
        }
    }

    private void flush() {
        try {
            writer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("storing the training UI's reports failed", e.getCause());
        }
    }

    /** Stores the pending reports and stops the writer thread. */
    @Override
    public void close() {
        flush();
        writer.shutdown();
    }

    private void reportGarbageCollection(SbeStatsReport report) {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            long[] now = {bean.getCollectionCount(), bean.getCollectionTime()};
            long[] before = gcAtLastReport.put(bean.getName(), now);
            if (before != null) {
                report.reportGarbageCollection(bean.getName(), (int) (now[0] - before[0]), (int) (now[1] - before[1]));
            }
        }
    }

    private void putInitializationReport(SameDiff sd) {
        SbeStatsInitializationReport init = new SbeStatsInitializationReport();
        init.reportIDs(sessionId, StatsListener.TYPE_ID, workerId, startMillis);
        RuntimeMXBean jvm = ManagementFactory.getRuntimeMXBean();
        Map<String, String> environment = new LinkedHashMap<>();
        Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
        p.forEach((k, v) -> environment.put(String.valueOf(k), String.valueOf(v)));
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "";
        }
        init.reportSoftwareInfo(System.getProperty("os.arch"), System.getProperty("os.name"), jvm.getVmName(),
                System.getProperty("java.version"), jvm.getSpecVersion(), Nd4j.getNDArrayFactory().getClass().getName(),
                Nd4j.dataType().name(), host, workerId, environment);
        init.reportHardwareInfo(Runtime.getRuntime().availableProcessors(), 0, Runtime.getRuntime().maxMemory(),
                Pointer.maxBytes(), null, null, UIDProvider.getHardwareUID());
        init.reportModelInfo(MODEL_CLASS, graph.configJson(), graph.keyOfParameter().values().toArray(new String[0]),
                graph.layerCount(), graph.parameterCount());
        router.putStorageMetaData(new SbeStorageMetaData(startMillis, sessionId, StatsListener.TYPE_ID, workerId,
                SbeStatsInitializationReport.class, SbeStatsReport.class));
        router.putStaticInfo(init);
    }
}

package org.vaekit.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.Listener;
import org.vaekit.AtomicWrite;
import org.vaekit.VaekitException;
import org.vaekit.Versions;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.HeldOutLabels;
import org.vaekit.data.Split;
import org.vaekit.eval.Evaluation;
import org.vaekit.eval.SplitEvaluation;
import org.vaekit.model.Elbo;
import org.vaekit.model.Objective;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * Trains a VAE as a config says, on the config's data or on any {@link DataSource}: creates the run folder,
 * trains with checkpoints, evaluates, and writes the provenance record (config, data checksums, seed, versions,
 * results). The same path the command line takes:
 *
 * <pre>{@code
 * TrainingRun run = VaeTrainer.of(config).listener(myListener).train(source);
 * TrainingRun again = VaeTrainer.resume(run.folder().dir());   // after an interruption
 * }</pre>
 *
 * Progress goes to SLF4J (logger {@code org.vaekit}, INFO) and to the run's train.log; nothing is printed and
 * no JVM-wide hook is installed unless asked for with {@link #checkpointOnShutdown}.
 */
public final class VaeTrainer {
    private final VaeConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private RunListeners graphListeners = RunListeners.NONE;
    private boolean checkpointOnShutdown;

    private VaeTrainer(VaeConfig config) {
        this.config = config;
    }

    /** A trainer for {@code config}. */
    public static VaeTrainer of(VaeConfig config) {
        return new VaeTrainer(config);
    }

    /** Also tells {@code listener} about epochs and minibatches. */
    public VaeTrainer listener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** SameDiff listeners made once the run folder and the model exist (e.g. the DL4J training UI's). */
    public VaeTrainer graphListeners(RunListeners factory) {
        this.graphListeners = factory;
        return this;
    }

    /**
     * When on, a JVM shutdown hook (Ctrl-C, SIGTERM) makes training write a checkpoint at the next minibatch and
     * holds the exit until it is written. Off by default: applications decide how their JVM stops.
     */
    public VaeTrainer checkpointOnShutdown(boolean on) {
        this.checkpointOnShutdown = on;
        return this;
    }

    /** Trains on the data the config names ({@code data.source}). */
    public TrainingRun train() {
        return train(DataSources.open(config.data()));
    }

    /**
     * Trains on {@code given}; the config's {@code data.*} keys other than binarization, shuffling, seeds and
     * {@code data.exclude-labels} are not used.
     */
    public TrainingRun train(DataSource given) {
        Instant started = Instant.now();
        DataSource source = HeldOutLabels.of(given, config.data().excludeLabels());
        config.model().likelihood().checkData(source, config.data().binarization());
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        if (config.train().batchSize() > source.size(Split.TRAIN)) {
            throw new VaekitException("config: key 'train.batch-size' = " + config.train().batchSize()
                    + " is larger than the " + source.size(Split.TRAIN) + " training examples");
        }
        Vae vae = Vae.create(config.model(), source.inputSize(), config.run().seed());

        RunFolder run = RunFolder.create(config.run(), config.label());
        run.write(RunFolder.CONFIG, config.render());
        run.appendLine(RunFolder.METRICS, EpochMetrics.CSV_HEADER);
        source.saveLearned(run.dir());
        run.log(String.format("training %s on %d examples (validation %d, test %d), %d epochs of batch %d -> %s",
                architecture(config, source.inputSize()), source.size(Split.TRAIN), source.size(Split.VALIDATION),
                source.size(Split.TEST), config.train().epochs(), config.train().batchSize(), run.dir()));
        return train(source, data, vae, run, RunLock.acquire(run), null, started);
    }

    /**
     * Continues the run in {@code runDir} from its newest readable checkpoint, with the run's own config.conf and
     * the data it names, and finishes it as {@link #train()} would have. Metrics rows after the checkpoint are
     * dropped (they are computed again).
     */
    public static TrainingRun resume(Path runDir) {
        return of(RunFolder.open(runDir).config()).resumeRun(runDir, null);
    }

    /**
     * Continues the run in {@code runDir} (made with this trainer's config) with these listeners; {@code source}
     * is the data it was trained on, or null for the data its config names.
     */
    public TrainingRun resume(Path runDir, DataSource source) {
        return resumeRun(runDir, source);
    }

    private TrainingRun resumeRun(Path runDir, DataSource given) {
        Instant started = Instant.now();
        RunFolder run = RunFolder.open(runDir);
        RunLock lock = RunLock.acquire(run);
        try {
            DataSource source = HeldOutLabels.of(given != null ? given : DataSources.open(config.data(), run.dir()),
                    config.data().excludeLabels());
            DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
            Checkpoints.Loaded loaded = checkpoints(run, config).newest(run::log);
            Checkpoint from = loaded.checkpoint();
            String origin = "checkpoint " + loaded.file();
            if (!from.dataFiles().equals(source.provenance())) {
                throw new VaekitException(origin + " was made on other data: " + from.dataFiles() + ", now "
                        + source.provenance() + " (check data.dir in " + run.file(RunFolder.CONFIG) + ")");
            }
            Vae vae = Vae.fromBytes(from.model(), origin, config.model());
            vae.requireInputSize(source.inputSize(), "the data (data.source = " + config.data().source() + ")");
            keepMetricsUpTo(run, from.epoch());
            run.log("resuming " + run.dir() + " from " + loaded.file().getFileName() + " (" + from.describe()
                    + " of " + config.train().epochs() + ")");
            return train(source, data, vae, run, lock, from, started);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Trains, evaluates and writes the provenance while holding {@code lock}, which it releases. */
    private TrainingRun train(DataSource source, DataPipeline data, Vae vae, RunFolder run, RunLock lock,
                              Checkpoint from, Instant started) {
        try (lock) {
            for (TrainingListener l : listeners) {
                l.runStarted(run, config.train().epochs());
                l.dataReady(data);
            }
            List<EpochMetrics> history;
            List<Listener> extra = graphListeners.create(run, vae);
            try (Interruption interruption = checkpointOnShutdown ? Interruption.install() : Interruption.none()) {
                Checkpointer checkpointer = new Checkpointer(checkpoints(run, config),
                        config.checkpoint(), source.provenance(), interruption, run.dir(), run::log);
                history = new Trainer(config.train(), config.run().seed()).withListeners(extra)
                        .withTrainingListeners(listeners).fit(vae, data, run, checkpointer, from);
            }
            Evaluation evaluation = Evaluation.of(vae, data, config.eval(), config.data().evalSeed());
            evaluation.table().lines().forEach(run::log);
            run.write(Evaluation.FILE, evaluation.toJson());
            writeProvenance(run, config, source.provenance(), started, evaluation.elbo());
            run.log("run folder: " + run.dir().toAbsolutePath());
            return new TrainingRun(run, history, evaluation, vae);
        }
    }

    private static Checkpoints checkpoints(RunFolder run, VaeConfig config) {
        return new Checkpoints(run.file(Checkpoints.DIR), config.checkpoint().keep());
    }

    /**
     * Drops the metrics rows of epochs after {@code epoch}, atomically. Rows are appended before their epoch's
     * checkpoint is written, so the rows kept are complete and a half-written one is dropped.
     */
    private static void keepMetricsUpTo(RunFolder run, int epoch) {
        Path file = run.file(RunFolder.METRICS);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            StringBuilder kept = new StringBuilder(EpochMetrics.CSV_HEADER).append(System.lineSeparator());
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String first = line.split(",", 2)[0];
                if (first.matches("\\d{1,9}") && Integer.parseInt(first) <= epoch) {
                    kept.append(line).append(System.lineSeparator());
                }
            }
            AtomicWrite.bytes(file, kept.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VaekitException("cannot rewrite " + file + ": " + e.getMessage(), e);
        }
    }

    static String architecture(VaeConfig config, int inputSize) {
        StringBuilder sb = new StringBuilder().append(inputSize);
        config.model().encoder().forEach(h -> sb.append('-').append(h));
        sb.append('-').append(config.model().latent());
        config.model().decoder().forEach(h -> sb.append('-').append(h));
        sb.append('-').append(inputSize).append(' ').append(config.model().activation().name().toLowerCase())
                .append(" VAE");
        if (config.model().objective() == Objective.IWAE) {
            sb.append(" on the IWAE bound (k = ").append(config.model().iwaeSamples()).append(')');
        }
        return sb.toString();
    }

    private static void writeProvenance(RunFolder run, VaeConfig config, Map<String, String> data, Instant started,
                                        SplitEvaluation evaluation) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("config", config.label());
        p.put("seed", config.run().seed());
        p.put("started", started.toString());
        p.put("finished", Instant.now().toString());
        p.put("parameters", VaeGraph.parameterNames(config.model()));
        p.put("data", data);
        Map<String, Object> results = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            Elbo e = evaluation.get(split);
            results.put(split.label(), Map.of("cost", e.cost(), "rec", e.reconstruction(), "kl", e.kl(),
                    "examples", e.count()));
        }
        p.put("negative_elbo", results);
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("vaekit", Versions.vaekit());
        versions.put("dl4j", Versions.dl4j());
        versions.put("java", System.getProperty("java.version"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("versions", versions);
        try {
            run.write(RunFolder.PROVENANCE, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

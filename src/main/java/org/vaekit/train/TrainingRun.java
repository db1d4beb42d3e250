package org.vaekit.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.vaekit.AtomicWrite;
import org.vaekit.VaekitException;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.eval.Evaluation;
import org.vaekit.eval.SplitEvaluation;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * A whole training run from a config (or resumed from a run folder's checkpoint): data, the model, the run folder,
 * training with checkpoints, the final evaluation and the provenance record (config, data checksums, seed,
 * versions, results).
 *
 * @param folder     the run folder written
 * @param history    one entry per epoch trained by this call
 * @param evaluation final negative ELBO per split and digit, and the log p(x) estimate
 * @param vae        the trained model (also saved as the run's model.sdz)
 */
public record TrainingRun(RunFolder folder, List<EpochMetrics> history, Evaluation evaluation, Vae vae) {
    /** vaekit's and DL4J's versions, filled in by the Maven build. */
    private static final Properties VERSIONS = new Properties();

    static {
        try (InputStream in = TrainingRun.class.getResourceAsStream("/org/vaekit/version.properties")) {
            if (in != null) {
                VERSIONS.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains as {@code config} says, printing progress to {@code console}. */
    public static TrainingRun execute(VaeConfig config, PrintStream console, boolean progressBar) {
        return execute(config, console, progressBar, RunListeners.NONE);
    }

    /** Trains as {@code config} says, also running the {@code extra} listeners made for the new run. */
    public static TrainingRun execute(VaeConfig config, PrintStream console, boolean progressBar,
                                      RunListeners extra) {
        Instant started = Instant.now();
        DataSource source = DataSources.open(config.data(), console::println);
        config.model().likelihood().checkData(source, config.data().binarization());
        DataPipeline data = new DataPipeline(source, config.data(), config.train().evalBatchSize());
        if (config.train().batchSize() > source.size(Split.TRAIN)) {
            throw new VaekitException("config: key 'train.batch-size' = " + config.train().batchSize()
                    + " is larger than the " + source.size(Split.TRAIN) + " training examples");
        }
        Vae vae = Vae.create(config.model(), source.inputSize(), config.run().seed());

        RunFolder run = RunFolder.create(config.run(), config.label(), console);
        run.write(RunFolder.CONFIG, config.render());
        run.appendLine(RunFolder.METRICS, EpochMetrics.CSV_HEADER);
        source.saveLearned(run.dir());
        run.log(String.format("training %s on %d examples (validation %d, test %d), %d epochs of batch %d -> %s",
                architecture(config, source.inputSize()), source.size(Split.TRAIN), source.size(Split.VALIDATION),
                source.size(Split.TEST), config.train().epochs(), config.train().batchSize(), run.dir()));
        return train(config, source, data, vae, run, RunLock.acquire(run), null, started, progressBar, extra);
    }

    /**
     * Continues the run in {@code runDir} from its newest readable checkpoint, with the run's own config.conf,
     * and finishes it as {@link #execute} would have. Metrics rows after the checkpoint are dropped (they are
     * computed again).
     */
    public static TrainingRun resume(Path runDir, PrintStream console, boolean progressBar) {
        return resume(runDir, console, progressBar, RunListeners.NONE);
    }

    /** Resumes as {@link #resume(Path, PrintStream, boolean)}, also running the {@code extra} listeners. */
    public static TrainingRun resume(Path runDir, PrintStream console, boolean progressBar, RunListeners extra) {
        Instant started = Instant.now();
        RunFolder run = RunFolder.open(runDir, console);
        VaeConfig config = run.config();
        RunLock lock = RunLock.acquire(run);
        try {
            return resume(run, config, lock, started, console, progressBar, extra);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static TrainingRun resume(RunFolder run, VaeConfig config, RunLock lock, Instant started,
                                      PrintStream console, boolean progressBar, RunListeners extra) {
        DataSource source = DataSources.open(config.data(), run.dir(), console::println);
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
        run.log("resuming " + run.dir() + " from " + loaded.file().getFileName() + " (" + from.describe() + " of "
                + config.train().epochs() + ")");
        return train(config, source, data, vae, run, lock, from, started, progressBar, extra);
    }

    /** Trains, evaluates and writes the provenance while holding {@code lock}, which it releases. */
    private static TrainingRun train(VaeConfig config, DataSource source, DataPipeline data, Vae vae, RunFolder run,
                                     RunLock lock, Checkpoint from, Instant started, boolean progressBar,
                                     RunListeners extra) {
        try (lock) {
            List<EpochMetrics> history;
            try (Interruption interruption = Interruption.install()) {
                Checkpointer checkpointer = new Checkpointer(checkpoints(run, config),
                        config.checkpoint(), source.provenance(), interruption, run.dir(), run::log);
                history = new Trainer(config.train(), config.run().seed(), progressBar)
                        .withListeners(extra.create(run, vae)).fit(vae, data, run, checkpointer, from);
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
        return sb.append('-').append(inputSize).append(' ').append(config.model().activation().name().toLowerCase())
                .append(" VAE").toString();
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
        versions.put("vaekit", VERSIONS.getProperty("vaekit"));
        versions.put("dl4j", VERSIONS.getProperty("dl4j"));
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

package org.vaekit.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.vaekit.VaekitException;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.eval.SplitEvaluation;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * A whole training run from a config: data, a fresh model, the run folder, training, the final evaluation
 * and the provenance record (config, data checksums, seed, versions, results).
 *
 * @param folder     the run folder written
 * @param history    one entry per epoch
 * @param evaluation final negative ELBO per split
 */
public record TrainingRun(RunFolder folder, List<EpochMetrics> history, SplitEvaluation evaluation) {
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
        source.saveLearned(run.dir());
        run.log(String.format("training %s on %d examples (validation %d, test %d), %d epochs of batch %d -> %s",
                architecture(config, source.inputSize()), source.size(Split.TRAIN), source.size(Split.VALIDATION),
                source.size(Split.TEST), config.train().epochs(), config.train().batchSize(), run.dir()));

        List<EpochMetrics> history = new Trainer(config.train(), config.run().seed(), progressBar)
                .fit(vae, data, run);
        SplitEvaluation evaluation = SplitEvaluation.of(vae, data, config.data().evalSeed());
        run.log("negative ELBO in nats per example:");
        evaluation.table().lines().forEach(run::log);
        writeProvenance(run, config, source.provenance(), started, evaluation);
        run.log("run folder: " + run.dir().toAbsolutePath());
        return new TrainingRun(run, history, evaluation);
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

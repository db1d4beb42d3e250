package org.vaekit.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.dataset.DataSet;
import org.vaekit.config.EvalSettings;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;

/**
 * Everything {@code evaluate} reports: the negative ELBO per split and label (digit for MNIST), the importance-sampled
 * log p(x) with its standard error and the active latent units on the test split.
 *
 * @param elbo          negative ELBO and its parts per split and per label
 * @param logLikelihood the log p(x) estimate for each configured number of importance samples
 * @param activeUnits   the latent dimensions in use, on the test split
 */
public record Evaluation(SplitEvaluation elbo, List<LogLikelihood> logLikelihood, ActiveUnits activeUnits) {
    /** The file in a run folder that holds the evaluation. */
    public static final String FILE = "evaluation.json";

    /** Evaluates {@code vae} on the pipeline's splits, drawing z from ND4J's RNG seeded with {@code seed}. */
    public static Evaluation of(Vae vae, DataPipeline data, EvalSettings settings, long seed) {
        SplitEvaluation elbo = SplitEvaluation.of(vae, data, seed);
        List<DataSet> test = data.evaluation(Split.TEST);
        List<LogLikelihood> ll = LogLikelihood.estimate(vae, test, settings.iwaeSamples(), settings.iwaeExamples(),
                seed);
        return new Evaluation(elbo, List.copyOf(ll), ActiveUnits.of(vae, test));
    }

    public Elbo get(Split split) {
        return elbo.get(split);
    }

    /** The printed report: the split table, the per-label table and the log p(x) estimates. */
    public String table() {
        StringBuilder sb = new StringBuilder("negative ELBO in nats per example:").append(System.lineSeparator())
                .append(elbo.table()).append(System.lineSeparator());
        String labels = elbo.labelTable();
        if (!labels.isEmpty()) {
            sb.append("negative ELBO per ").append(elbo.labels().kind()).append(':').append(System.lineSeparator())
                    .append(labels)
                    .append(System.lineSeparator());
        }
        if (!logLikelihood.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "log p(x) by importance sampling, first %d test examples:%n",
                    logLikelihood.get(0).examples()));
            sb.append(String.format(Locale.ROOT, "%-12s %10s %10s%n", "k", "log p(x)", "std. error"));
            for (LogLikelihood l : logLikelihood) {
                sb.append(String.format(Locale.ROOT, "%-12d %10.2f %10.2f%n", l.k(), l.mean(), l.standardError()));
            }
        }
        sb.append(String.format(Locale.ROOT, "active units (variance of the posterior mean over %d test examples"
                + " > %s): %d of %d%n", activeUnits.examples(), ActiveUnits.THRESHOLD, activeUnits.count(),
                activeUnits.latent()));
        return sb.toString().stripTrailing();
    }

    /** The evaluation as JSON, for {@value #FILE}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> splits = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            Map<String, Object> s = elboJson(elbo.get(split));
            Map<String, Object> labels = new LinkedHashMap<>();
            elbo.byLabel().get(split).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> labels.put(elbo.labels().name(e.getKey()), elboJson(e.getValue())));
            s.put("by_label", labels);
            splits.put(split.label(), s);
        }
        root.put("negative_elbo", splits);
        Map<String, Object> ll = new LinkedHashMap<>();
        ll.put("split", Split.TEST.label());
        ll.put("examples", logLikelihood.isEmpty() ? 0 : logLikelihood.get(0).examples());
        ll.put("estimates", logLikelihood.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("k", l.k());
            m.put("log_px", l.mean());
            m.put("standard_error", l.standardError());
            return m;
        }).toList());
        root.put("log_likelihood", ll);
        Map<String, Object> active = new LinkedHashMap<>();
        active.put("split", Split.TEST.label());
        active.put("examples", activeUnits.examples());
        active.put("threshold", ActiveUnits.THRESHOLD);
        active.put("count", activeUnits.count());
        active.put("latent", activeUnits.latent());
        active.put("variance", activeUnits.variance());
        root.put("active_units", active);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> elboJson(Elbo e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cost", e.cost());
        m.put("rec", e.reconstruction());
        m.put("kl", e.kl());
        m.put("examples", e.count());
        return m;
    }
}

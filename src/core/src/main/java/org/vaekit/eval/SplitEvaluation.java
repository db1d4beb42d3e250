package org.vaekit.eval;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Labels;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;

/**
 * The negative ELBO and its parts on each split and per label (digit for MNIST), each split binarized once with the
 * evaluation seed.
 *
 * @param labels what the labels of {@code byLabel} stand for
 */
public record SplitEvaluation(Map<Split, Elbo> bySplit, Map<Split, Map<Integer, Elbo>> byLabel, Labels labels) {

    /** Evaluates {@code vae} on every split of the pipeline, drawing z with ND4J's RNG seeded by {@code seed}. */
    public static SplitEvaluation of(Vae vae, DataPipeline data, long seed) {
        Vae.seed(seed);
        Map<Split, Elbo> out = new EnumMap<>(Split.class);
        Map<Split, Map<Integer, Elbo>> labels = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            ExampleScores scores = ExampleScores.of(vae, data.evaluation(split));
            out.put(split, scores.elbo());
            labels.put(split, Map.copyOf(scores.elboByLabel()));
        }
        return new SplitEvaluation(Map.copyOf(out), Map.copyOf(labels), data.source().labels());
    }

    public Elbo get(Split split) {
        return bySplit.get(split);
    }

    /** A small table: one row per split with the negative ELBO, its parts and the number of examples. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %10s %10s %10s %8s%n", "split",
                "-ELBO", "rec", "KL", "n"));
        for (Split split : Split.values()) {
            Elbo e = bySplit.get(split);
            sb.append(String.format(Locale.ROOT, "%-12s %10.2f %10.2f %10.2f %8d%n", split.label(), e.cost(),
                    e.reconstruction(), e.kl(), e.count()));
        }
        return sb.toString().stripTrailing();
    }

    /** The negative ELBO per label (columns, by name) and split (rows); empty when the data has no labels. */
    public String labelTable() {
        if (byLabel.values().stream().allMatch(Map::isEmpty)) {
            return "";
        }
        SortedSet<Integer> all = new TreeSet<>();
        byLabel.values().forEach(m -> all.addAll(m.keySet()));
        int width = Math.max(7, all.stream().mapToInt(l -> labels.name(l).length()).max().orElse(0));
        String cell = " %" + width + "s";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s", labels.kind()));
        all.forEach(l -> sb.append(String.format(Locale.ROOT, cell, labels.name(l))));
        sb.append(System.lineSeparator());
        for (Split split : Split.values()) {
            sb.append(String.format(Locale.ROOT, "%-12s", split.label()));
            all.forEach(l -> {
                Elbo e = byLabel.get(split).get(l);
                sb.append(String.format(Locale.ROOT, cell, e == null ? "-" : String.format(Locale.ROOT, "%.1f", e.cost())));
            });
            sb.append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }
}

package org.vaekit.eval;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;

/**
 * The negative ELBO and its parts on each split and per digit label, each split binarized once with the
 * evaluation seed.
 */
public record SplitEvaluation(Map<Split, Elbo> bySplit, Map<Split, Map<Integer, Elbo>> byDigit) {

    /** Evaluates {@code vae} on every split of the pipeline, drawing z with ND4J's RNG seeded by {@code seed}. */
    public static SplitEvaluation of(Vae vae, DataPipeline data, long seed) {
        Vae.seed(seed);
        Map<Split, Elbo> out = new EnumMap<>(Split.class);
        Map<Split, Map<Integer, Elbo>> digits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            ExampleScores scores = ExampleScores.of(vae, data.evaluation(split));
            out.put(split, scores.elbo());
            digits.put(split, Map.copyOf(scores.elboByLabel()));
        }
        return new SplitEvaluation(Map.copyOf(out), Map.copyOf(digits));
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

    /** The negative ELBO per digit label (columns) and split (rows); empty when the data has no labels. */
    public String digitTable() {
        if (byDigit.values().stream().allMatch(Map::isEmpty)) {
            return "";
        }
        SortedSet<Integer> digits = new TreeSet<>();
        byDigit.values().forEach(m -> digits.addAll(m.keySet()));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s", "digit"));
        digits.forEach(d -> sb.append(String.format(Locale.ROOT, " %7d", d)));
        sb.append(System.lineSeparator());
        for (Split split : Split.values()) {
            sb.append(String.format(Locale.ROOT, "%-12s", split.label()));
            digits.forEach(d -> {
                Elbo e = byDigit.get(split).get(d);
                sb.append(e == null ? String.format(Locale.ROOT, " %7s", "-")
                        : String.format(Locale.ROOT, " %7.1f", e.cost()));
            });
            sb.append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }
}

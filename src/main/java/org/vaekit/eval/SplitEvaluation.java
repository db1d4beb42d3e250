package org.vaekit.eval;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;

/** The negative ELBO and its parts on each split, each binarized once with the evaluation seed. */
public record SplitEvaluation(Map<Split, Elbo> bySplit) {

    /** Evaluates {@code vae} on every split of the pipeline, drawing z with ND4J's RNG seeded by {@code seed}. */
    public static SplitEvaluation of(Vae vae, DataPipeline data, long seed) {
        Vae.seed(seed);
        Map<Split, Elbo> out = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            out.put(split, vae.elbo(data.evaluation(split)));
        }
        return new SplitEvaluation(Map.copyOf(out));
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
}

package org.vaekit.config;

import java.util.List;

/**
 * The importance-sampled log-likelihood estimate reported by {@code evaluate} and at the end of training.
 *
 * @param iwaeSamples  the numbers of importance samples k to report, e.g. [1, 10, 100]
 * @param iwaeExamples how many test examples (the first N) to estimate on, 0 for all of them
 */
public record EvalSettings(List<Integer> iwaeSamples, int iwaeExamples) {
    public EvalSettings {
        iwaeSamples = List.copyOf(iwaeSamples);
    }

    static EvalSettings from(Settings s) {
        return new EvalSettings(s.positiveIntList("eval.iwae-samples"), s.intAtLeast("eval.iwae-examples", 0));
    }
}

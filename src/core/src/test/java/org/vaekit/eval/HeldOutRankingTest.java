package org.vaekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaekit.VaekitException;

class HeldOutRankingTest {
    private static ScoredExample example(long index, int label, double negativeElbo) {
        return new ScoredExample(index, label, negativeElbo, negativeElbo, 0, Double.NaN);
    }

    @Test
    void precisionAndAucOfAKnownRanking() {
        // badness 10..1: labels 7 sit at ranks 1, 2, 4 and 7 of 10
        int[] labels = {7, 7, 1, 7, 2, 3, 7, 4, 5, 6};
        HeldOutRanking r = new HeldOutRanking(7);
        for (int i = 0; i < labels.length; i++) {
            r.add(example(i, labels[i], 10 - i));
        }
        assertEquals(4, r.positives());
        assertEquals(1.0, r.precisionAt(2));
        assertEquals(0.75, r.precisionAt(4));
        assertEquals(0.4, r.precisionAt(10));
        // pairs (7, other) ranked right: 6 + 6 + 5 + 3 of 4 * 6
        assertEquals(20.0 / 24, r.rocAuc(), 1e-12);
    }

    @Test
    void aRankingThatPutsTheLabelLastHasAucZero() {
        HeldOutRanking r = new HeldOutRanking(0);
        for (int i = 0; i < 6; i++) {
            r.add(example(i, i < 3 ? 1 : 0, 100 - i));
        }
        assertEquals(0.0, r.rocAuc(), 1e-12);
        assertEquals(0.0, r.precisionAt(3));
    }

    @Test
    void ranksByLogLikelihoodWhenGiven() {
        HeldOutRanking r = new HeldOutRanking(3);
        r.add(new ScoredExample(0, 3, 100, 100, 0, -50));   // high -ELBO but likely
        r.add(new ScoredExample(1, 1, 90, 90, 0, -200));
        assertEquals(0.0, r.precisionAt(1));
    }

    @Test
    void needsBothClasses() {
        HeldOutRanking r = new HeldOutRanking(3);
        List.of(1.0, 2.0).forEach(s -> r.add(example(s.longValue(), 1, s)));
        assertThrows(VaekitException.class, r::rocAuc);
        assertThrows(VaekitException.class, () -> r.precisionAt(3));
    }

    @Test
    void worstExamplesKeepsTheHighestInABoundedHeap() {
        WorstExamples worst = new WorstExamples(3);
        double[] scores = {5, 9, 1, 9, 7, 3, 8};
        for (int i = 0; i < scores.length; i++) {
            worst.offer(example(i, 0, scores[i]), () -> new float[1]);
        }
        assertEquals(List.of(1L, 3L, 6L), worst.worstFirst().stream().map(e -> e.score().index()).toList());
    }
}

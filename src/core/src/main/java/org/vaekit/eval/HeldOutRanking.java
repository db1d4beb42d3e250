package org.vaekit.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;

/**
 * How well a ranking by badness (the negative ELBO, or -log p(x)) finds the examples of one label, e.g. a digit
 * left out of training: the precision among the N worst-explained examples and the ROC AUC of badness as a
 * detector of that label. It keeps one score per example (12 bytes each), unlike the streamed outputs.
 */
public final class HeldOutRanking {
    private final int label;
    private double[] badness = new double[1024];
    private boolean[] positive = new boolean[1024];
    private int n;

    /** A ranking that looks for examples of class {@code label}. */
    public HeldOutRanking(int label) {
        this.label = label;
    }

    public int label() {
        return label;
    }

    /** Adds one example in split order. */
    public void add(ScoredExample example) {
        if (n == badness.length) {
            badness = Arrays.copyOf(badness, 2 * n);
            positive = Arrays.copyOf(positive, 2 * n);
        }
        badness[n] = example.badness();
        positive[n++] = example.label() == label;
    }

    public int examples() {
        return n;
    }

    /** Examples of the label. */
    public int positives() {
        int p = 0;
        for (int i = 0; i < n; i++) {
            p += positive[i] ? 1 : 0;
        }
        return p;
    }

    /** The share of the label among the {@code top} worst-explained examples (the lower index first among equals). */
    public double precisionAt(int top) {
        if (top < 1 || top > n) {
            throw new VaekitException("precision at " + top + ": expected 1 to " + n + " examples");
        }
        long hits = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -badness[i]).thenComparingInt(i -> i))
                .limit(top).filter(i -> positive[i]).count();
        return (double) hits / top;
    }

    /** The area under the ROC curve of badness as a score for "is of the label" (ND4J's exact ROC). */
    public double rocAuc() {
        int p = positives();
        if (p == 0 || p == n) {
            throw new VaekitException("ROC AUC needs examples of label " + label + " and of other labels, found "
                    + p + " of " + n);
        }
        ROC roc = new ROC(0);
        double[] isPositive = new double[n];
        for (int i = 0; i < n; i++) {
            isPositive[i] = positive[i] ? 1 : 0;
        }
        roc.eval(Nd4j.createFromArray(isPositive).reshape(n, 1).castTo(DataType.DOUBLE),
                Nd4j.createFromArray(Arrays.copyOf(badness, n)).reshape(n, 1));
        return roc.calculateAUC();
    }

    /** Precision at the label's count and at each of {@code tops} (those not above the number of examples), and the AUC. */
    public String table(String name, int... tops) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "ranking by badness, looking for %s: %d of %d examples%n", name, positives(), n));
        IntStream.concat(IntStream.of(positives()), IntStream.of(tops)).filter(t -> t >= 1 && t <= n).distinct()
                .forEach(t -> sb.append(String.format(Locale.ROOT, "precision at %-6d %.3f%n", t, precisionAt(t))));
        sb.append(String.format(Locale.ROOT, "ROC AUC           %.4f", rocAuc()));
        return sb.toString();
    }
}

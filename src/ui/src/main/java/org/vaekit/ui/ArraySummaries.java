package org.vaekit.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.ui.model.stats.api.Histogram;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mean, standard deviation, mean magnitude and histogram of named arrays, as one {@link StatsType} of a report.
 * Arrays of more than {@value #MAX_VALUES} values are summarised from every k-th value (k = ceil(n /
 * {@value #MAX_VALUES})): copying and summarising the 392,000 weights of W1 and W4 in full made each report cost
 * several iterations' time. Computed in Java in two passes: measured here, about ten times faster than the six
 * ND4J reductions and histogram op it replaces.
 */
final class ArraySummaries {
    /** The most values summarised per array. */
    static final int MAX_VALUES = 1 << 15;

    private final int bins;
    private final Map<String, Double> mean = new LinkedHashMap<>();
    private final Map<String, Double> stdev = new LinkedHashMap<>();
    private final Map<String, Double> meanMagnitude = new LinkedHashMap<>();
    private final Map<String, Histogram> histogram = new LinkedHashMap<>();

    ArraySummaries(int bins) {
        this.bins = bins;
    }

    /** A copy of the values of {@code array}, taken while the listener call lasts (SameDiff reuses its buffers). */
    static float[] copy(INDArray array) {
        long n = array.length();
        INDArray values = array.reshape(n);
        if (n > MAX_VALUES) {
            values = values.get(NDArrayIndex.interval(0, (n + MAX_VALUES - 1) / MAX_VALUES, n));
        }
        return values.dup('c').data().asFloat();
    }

    void add(String key, float[] v) {
        int n = v.length;
        double sum = 0;
        double sumAbs = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            sum += x;
            sumAbs += Math.abs(x);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double m = sum / n;
        double squares = 0;
        int[] counts = new int[bins];
        double width = (max - min) / bins;
        for (float x : v) {
            squares += (x - m) * (x - m);
            int bin = width > 0 ? (int) ((x - min) / width) : 0;
            counts[Math.min(bin, bins - 1)]++;
        }
        mean.put(key, m);
        stdev.put(key, n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0);
        meanMagnitude.put(key, sumAbs / n);
        histogram.put(key, new Histogram(min, max, bins, counts));
    }

    boolean isEmpty() {
        return mean.isEmpty();
    }

    void reportTo(StatsReport report, StatsType type) {
        report.reportMean(type, new LinkedHashMap<>(mean));
        report.reportStdev(type, new LinkedHashMap<>(stdev));
        report.reportMeanMagnitudes(type, new LinkedHashMap<>(meanMagnitude));
        report.reportHistograms(type, new LinkedHashMap<>(histogram));
    }

    void clear() {
        mean.clear();
        stdev.clear();
        meanMagnitude.clear();
        histogram.clear();
    }
}

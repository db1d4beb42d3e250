package org.vaekit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.stats.impl.SbeStatsReport;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ArraySummariesTest {
    @Test
    void summariesMatchNd4jsReductionsAndLargeArraysAreSampledEvenly() {
        Nd4j.getRandom().setSeed(3);
        INDArray small = Nd4j.randn(DataType.FLOAT, 40, 50).muli(0.3).addi(0.1);
        INDArray large = Nd4j.randn(DataType.FLOAT, 784, 500).muli(0.05);
        ArraySummaries s = new ArraySummaries(20);
        s.add("small", ArraySummaries.copy(small));
        s.add("large", ArraySummaries.copy(large));
        SbeStatsReport r = new SbeStatsReport();
        r.reportIDs("s", "StatsListener", "w", 1);
        s.reportTo(r, StatsType.Parameters);

        assertEquals(small.meanNumber().doubleValue(), r.getMean(StatsType.Parameters).get("small"), 1e-6);
        assertEquals(small.stdNumber().doubleValue(), r.getStdev(StatsType.Parameters).get("small"), 1e-5);
        assertEquals(small.norm1Number().doubleValue() / 2000, r.getMeanMagnitudes(StatsType.Parameters).get("small"),
                1e-6);
        assertEquals(small.minNumber().doubleValue(), r.getHistograms(StatsType.Parameters).get("small").getMin(), 0);
        assertEquals(2000, Arrays.stream(r.getHistograms(StatsType.Parameters).get("small").getBinCounts()).sum());

        // 392,000 values: every 12th (32,667 of them) gives the statistics to well within a percent
        int[] counts = r.getHistograms(StatsType.Parameters).get("large").getBinCounts();
        assertEquals(32667, Arrays.stream(counts).sum());
        assertEquals(large.stdNumber().doubleValue(), r.getStdev(StatsType.Parameters).get("large"), 0.0005);
        assertEquals(large.norm1Number().doubleValue() / 392000,
                r.getMeanMagnitudes(StatsType.Parameters).get("large"), 0.0005);
    }
}

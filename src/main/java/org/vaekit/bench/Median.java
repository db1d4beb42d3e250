package org.vaekit.bench;

import java.util.Arrays;

/** Times a pass over {@code examples} examples: one warm-up pass, then the median samples/s of {@code runs} passes. */
final class Median {
    private Median() {
    }

    static double samplesPerSecond(Runnable pass, long examples, int runs) {
        pass.run(); // warm-up: JIT, native op contexts, allocations of the first pass
        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pass.run();
            rates[i] = examples / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return runs % 2 == 1 ? rates[runs / 2] : (rates[runs / 2 - 1] + rates[runs / 2]) / 2;
    }
}

package org.vaekit.bench;

import java.util.Arrays;

/** Medians of timings: machines are noisy, so every figure of the bench is one. */
final class Median {
    private Median() {
    }

    /** Times a pass over {@code examples} examples: one warm-up pass, then the median samples/s of {@code runs} passes. */
    static double samplesPerSecond(Runnable pass, long examples, int runs) {
        pass.run(); // warm-up: JIT, native op contexts, allocations of the first pass
        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pass.run();
            rates[i] = examples / ((System.nanoTime() - start) / 1e9);
        }
        return of(rates);
    }

    /** Runs {@code pass} at least once and until {@code seconds} have gone (a warm-up); returns how many times. */
    static int repeatFor(Runnable pass, int seconds) {
        long start = System.nanoTime();
        int times = 0;
        do {
            pass.run();
            times++;
        } while (System.nanoTime() - start < seconds * 1_000_000_000L);
        return times;
    }

    static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

package org.vaekit.model;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded double arrays for the graph tests, drawn with java.util.Random so they do not touch ND4J's RNG. */
final class RandomArrays {
    private RandomArrays() {
    }

    /** A [rows, cols] array of 0s and 1s. */
    static INDArray binary(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextBoolean() ? 1 : 0;
            }
        }
        return Nd4j.createFromArray(x);
    }

    /** A [rows, cols] array of standard normal draws. */
    static INDArray gaussian(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] e = new double[rows][cols];
        for (double[] row : e) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return Nd4j.createFromArray(e);
    }
}

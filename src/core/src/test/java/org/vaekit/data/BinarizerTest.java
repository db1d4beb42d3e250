package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BinarizerTest {
    /** 1000 copies of a row of gray levels 0, 0.1, ..., 1. */
    private static INDArray grayRows() {
        float[][] rows = new float[1000][11];
        for (float[] row : rows) {
            for (int j = 0; j < 11; j++) {
                row[j] = j / 10f;
            }
        }
        return Nd4j.createFromArray(rows);
    }

    @Test
    void stochasticDrawsAreBinaryWithTheGrayLevelAsMean() {
        INDArray gray = grayRows();
        INDArray b = new Binarizer(Binarization.STOCHASTIC, 0.5, 42).binarize(gray);
        assertEquals(gray.length(), b.eq(0).castTo(DataType.INT).sumNumber().longValue()
                + b.eq(1).castTo(DataType.INT).sumNumber().longValue(), "values must be 0 or 1");
        INDArray mean = b.mean(0);
        for (int j = 0; j < 11; j++) {
            // 1000 draws: standard error <= 0.016, so 0.06 is about 4 standard errors.
            assertEquals(j / 10.0, mean.getDouble(j), 0.06, "pixel " + j);
        }
        assertEquals(0.0, mean.getDouble(0));
        assertEquals(1.0, mean.getDouble(10));
    }

    @Test
    void freshDrawsEachCallAndTheSameDrawsForTheSameSeed() {
        INDArray gray = grayRows();
        Binarizer one = new Binarizer(Binarization.STOCHASTIC, 0.5, 7);
        INDArray epoch1 = one.binarize(gray);
        INDArray epoch2 = one.binarize(gray);
        assertNotEquals(epoch1, epoch2);

        INDArray again = new Binarizer(Binarization.STOCHASTIC, 0.5, 7).binarize(gray);
        assertEquals(epoch1, again);
        assertNotEquals(epoch1, new Binarizer(Binarization.STOCHASTIC, 0.5, 8).binarize(gray));
    }

    @Test
    void thresholdAndNone() {
        INDArray gray = Nd4j.createFromArray(new float[][] {{0.2f, 0.5f, 0.51f, 0.9f}});
        INDArray t = new Binarizer(Binarization.THRESHOLD, 0.5, 0).binarize(gray);
        assertEquals(Nd4j.createFromArray(new float[][] {{0, 0, 1, 1}}), t);
        assertSame(gray, new Binarizer(Binarization.NONE, 0.5, 0).binarize(gray));
    }
}

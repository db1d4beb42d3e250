package org.vaekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LogMeanExpTest {
    @Test
    void rowsFarBelowTheOthersStayExact() {
        INDArray two = LogMeanExp.rows(Nd4j.createFromArray(new double[][] {{-3000, -3001}, {-10, -12}}));
        assertEquals(-3000 + Math.log((1 + Math.exp(-1)) / 2), two.getDouble(0), 1e-9);
        assertEquals(-10 + Math.log((1 + Math.exp(-2)) / 2), two.getDouble(1), 1e-9);
        INDArray one = LogMeanExp.rows(Nd4j.createFromArray(new double[][] {{-2476.5}, {-5}}));
        assertEquals(-2476.5, one.getDouble(0), 1e-9);
        assertEquals(-5, one.getDouble(1), 1e-9);
    }

    @Test
    void largeWeightsDoNotOverflow() {
        INDArray rows = LogMeanExp.rows(Nd4j.createFromArray(new double[][] {{800, 800, 800}}));
        assertEquals(800, rows.getDouble(0), 1e-9);
    }
}

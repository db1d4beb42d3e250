package org.vaekit.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.weightinit.impl.XavierUniformInitScheme;

/** How a dense layer's weights and bias start. */
public enum WeightInit {
    /** Glorot-uniform weights U(+-sqrt(6 / (fan_in + fan_out))), zero biases: the assignment's choice. */
    GLOROT,
    /** Weights and biases U(+-1 / sqrt(fan_in)): PyTorch's nn.Linear default. */
    FAN_IN;

    INDArray weights(DataType dt, int fanIn, int fanOut) {
        if (this == GLOROT) {
            // The scheme draws in ND4J's default dtype whatever it is asked for: cast to the graph's.
            return new XavierUniformInitScheme('c', fanIn, fanOut).create(dt, fanIn, fanOut).castTo(dt);
        }
        return uniform(dt, 1 / Math.sqrt(fanIn), fanIn, fanOut);
    }

    INDArray bias(DataType dt, int fanIn, int fanOut) {
        return this == GLOROT ? Nd4j.zeros(dt, fanOut) : uniform(dt, 1 / Math.sqrt(fanIn), fanOut);
    }

    private static INDArray uniform(DataType dt, double bound, long... shape) {
        return Nd4j.rand(dt, shape).muli(2 * bound).subi(bound);
    }
}

package org.vaekit.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Activations for the hidden layers. */
public enum HiddenActivation {
    TANH, RELU, ELU, SIGMOID, SOFTPLUS, LEAKYRELU;

    SDVariable apply(SameDiff sd, String name, SDVariable x) {
        switch (this) {
            case TANH:
                return sd.math.tanh(name, x);
            case RELU:
                return sd.nn.relu(name, x, 0.0);
            case ELU:
                return sd.nn.elu(name, x);
            case SIGMOID:
                return sd.nn.sigmoid(name, x);
            case SOFTPLUS:
                return sd.nn.softplus(name, x);
            case LEAKYRELU:
                return sd.nn.leakyRelu(name, x, 0.01);
            default:
                throw new IllegalStateException("unknown activation " + this);
        }
    }
}

package org.vaekit.data;

/** How gray levels in [0,1] become the binary data a Bernoulli likelihood models. */
public enum Binarization {
    /** A fresh Bernoulli(pixel) draw for every example every time it is seen. */
    STOCHASTIC,
    /** 1 where the pixel exceeds a fixed threshold. */
    THRESHOLD,
    /** Keep the gray levels. */
    NONE
}

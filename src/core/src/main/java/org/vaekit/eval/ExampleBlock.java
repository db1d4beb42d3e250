package org.vaekit.eval;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One block of a split as the model sees it (binarized with the block's own seed).
 *
 * @param index    the block's index: it holds examples from {@code index * blockSize}
 * @param first    the split-wide index of its first example
 * @param features [n, inputSize] the examples, prepared as in training
 * @param labels   [n] class indexes, or null when the data has no labels
 */
public record ExampleBlock(long index, long first, INDArray features, int[] labels) {
    public int size() {
        return (int) features.size(0);
    }
}

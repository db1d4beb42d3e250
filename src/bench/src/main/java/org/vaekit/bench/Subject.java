package org.vaekit.bench;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** A VAE implementation measured in this JVM: a fresh model per batch size, then timed passes over the data. */
interface Subject {
    /** Column title in the results. */
    String name();

    /** Builds a fresh model; the pass it returns trains one epoch on {@code train} (reset first). */
    Runnable training(DataSetIterator train);

    /** The pass it returns runs the full forward pass (encode, sample z, decode) on each batch. */
    Runnable inference(List<INDArray> batches);
}

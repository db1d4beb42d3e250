package org.vaekit.data;

import java.util.List;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The examples of a {@link DataSetIterator}'s minibatches as records, [features row, label index]: features are
 * flattened per example, one-hot labels become their index. Only the current minibatch is held.
 */
final class DataSetRecordReader extends WrappingRecordReader {
    private final DataSetIterator in;
    private DataSet batch;
    private int row;

    DataSetRecordReader(DataSetIterator in) {
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        while (batch == null || row >= batch.numExamples()) {
            if (!in.hasNext()) {
                return false;
            }
            batch = in.next();
            row = 0;
        }
        return true;
    }

    @Override
    public List<Writable> next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("no more examples");
        }
        var features = batch.getFeatures();
        var x = features.get(NDArrayIndex.point(row)).reshape(1, features.length() / features.size(0))
                .castTo(DataType.FLOAT);
        int label = batch.getLabels() == null ? 0 : batch.getLabels().getRow(row).argMax().getInt(0);
        row++;
        return List.of(new NDArrayWritable(x), new IntWritable(label));
    }

    @Override
    public void reset() {
        in.reset();
        batch = null;
        row = 0;
    }

    @Override
    public boolean resetSupported() {
        return in.resetSupported();
    }

    @Override
    public List<String> getLabels() {
        return in.getLabels();
    }
}

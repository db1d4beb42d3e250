package org.vaekit.data;

import java.io.DataInputStream;
import java.net.URI;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.datavec.api.writable.batch.NDArrayRecordBatch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DataVec {@code RecordReader} over examples read by index (from memory-mapped files or the heap), in a given
 * list of items: each record is the
 * example's features as one row ({@link NDArrayWritable}) and its label ({@link IntWritable}). Optionally
 * reshuffles on every {@link #reset()} from a seeded RNG, and delivers whole minibatches as arrays
 * ({@link NDArrayRecordBatch}, labels one-hot) so that {@code RecordReaderDataSetIterator} does no per-value work.
 */
public abstract class RowRecordReader extends BaseRecordReader {
    private final boolean shuffle;
    private final Random rng;
    private int[] order = new int[0];
    private int cursor;

    protected RowRecordReader(boolean shuffle, long seed) {
        this.shuffle = shuffle;
        this.rng = new Random(seed);
    }

    /** Values per record (e.g. 784). */
    public abstract int itemSize();

    /** Width of the one-hot labels of a batch (at least 1). */
    public abstract int numClasses();

    /** Writes item's features into {@code out} from {@code offset}. */
    protected abstract void copyFeatures(int item, float[] out, int offset);

    /** The item's label index. */
    protected abstract int label(int item);

    /** Where the examples come from, for the records' metadata. */
    protected abstract URI location();

    /** Reads these items, in this order until the first reshuffle. */
    protected final void setItems(int[] items) {
        this.order = items.clone();
        reset();
    }

    /** Number of records in one pass. */
    public int size() {
        return order.length;
    }

    @Override
    public boolean batchesSupported() {
        return true;
    }

    @Override
    public List<List<Writable>> next(int num) {
        int n = Math.min(num, order.length - cursor);
        int width = itemSize();
        int classes = numClasses();
        // Rows go straight into ND4J's off-heap array: the heap holds one row, not the batch.
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, n, width);
        FloatBuffer xs = x.data().asNioFloat();
        float[] row = new float[width];
        float[] y = new float[n * classes];
        for (int i = 0; i < n; i++) {
            int item = order[cursor + i];
            copyFeatures(item, row, 0);
            xs.put(i * width, row);
            y[i * classes + label(item)] = 1f;
        }
        cursor += n;
        return new NDArrayRecordBatch(x, Nd4j.create(y, new long[] {n, classes}, 'c'));
    }

    @Override
    public List<Writable> next() {
        return record(order[cursor++]);
    }

    private List<Writable> record(int item) {
        float[] x = new float[itemSize()];
        copyFeatures(item, x, 0);
        INDArray row = Nd4j.create(x, new long[] {1, x.length}, 'c');
        return List.of(new NDArrayWritable(row), new IntWritable(label(item)));
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public List<String> getLabels() {
        return IntStream.range(0, numClasses()).mapToObj(String::valueOf).collect(Collectors.toList());
    }

    /** Starts a new pass; with shuffling on, in a new order drawn from the reader's seeded RNG. */
    @Override
    public void reset() {
        if (shuffle) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        cursor = 0;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("records are read by index, not from streams");
    }

    @Override
    public Record nextRecord() {
        int item = order[cursor++];
        return new org.datavec.api.records.impl.Record(record(item),
                new RecordMetaDataIndex(item, location(), getClass()));
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        int item = (int) ((RecordMetaDataIndex) recordMetaData).getIndex();
        return new org.datavec.api.records.impl.Record(record(item), recordMetaData);
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        List<Record> out = new ArrayList<>();
        for (RecordMetaData m : recordMetaDatas) {
            out.add(loadFromMetaData(m));
        }
        return out;
    }

    @Override
    public void close() {
    }

    @Override
    public void setConf(org.datavec.api.conf.Configuration conf) {
    }

    @Override
    public org.datavec.api.conf.Configuration getConf() {
        return null;
    }
}

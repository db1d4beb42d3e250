package org.vaekit.data;

import java.io.DataInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.datavec.api.writable.batch.NDArrayRecordBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;

/**
 * A DataVec {@code RecordReader} over an IDX image file and its IDX label file: each record is the
 * image as a row of pixels scaled to [0,1] ({@link NDArrayWritable}) and its label ({@link IntWritable}).
 * Reads a range of items, optionally reshuffled on every {@link #reset()} from a seeded RNG, and
 * delivers whole minibatches as arrays ({@link NDArrayRecordBatch}, labels one-hot) so that
 * {@code RecordReaderDataSetIterator} does no per-pixel work.
 */
public final class IdxRecordReader extends BaseRecordReader {
    private byte[] pixels;
    private byte[] labels;
    private int itemSize;
    private int numClasses;
    private URI source;
    private final int from;
    private final int to;
    private final boolean shuffle;
    private final Random rng;
    private int[] order;
    private int cursor;

    /**
     * A reader over items [from, to) of already loaded files.
     *
     * @param to exclusive end; -1 for the end of the file
     */
    public IdxRecordReader(IdxFile images, IdxFile labelFile, int from, int to, boolean shuffle, long seed) {
        this.from = from;
        this.to = to;
        this.shuffle = shuffle;
        this.rng = new Random(seed);
        load(images, labelFile);
    }

    /** A reader to be {@link #initialize(InputSplit) initialized} with the image file's and label file's locations. */
    public IdxRecordReader(int from, int to, boolean shuffle, long seed) {
        this.from = from;
        this.to = to;
        this.shuffle = shuffle;
        this.rng = new Random(seed);
    }

    @Override
    public void initialize(InputSplit split) {
        URI[] locations = split.locations();
        if (locations.length != 2) {
            throw new VaekitException("IDX reader needs two files (images, labels), got " + locations.length);
        }
        load(IdxFile.read(Path.of(locations[0])), IdxFile.read(Path.of(locations[1])));
    }

    @Override
    public void initialize(org.datavec.api.conf.Configuration conf, InputSplit split) {
        initialize(split);
    }

    private void load(IdxFile images, IdxFile labelFile) {
        if (images.shape().length < 2) {
            throw new VaekitException(images.path() + ": expected an IDX image file (3 dimensions), got "
                    + images.shape().length);
        }
        if (labelFile.itemSize() != 1) {
            throw new VaekitException(labelFile.path() + ": expected an IDX label file (1 dimension), got "
                    + labelFile.shape().length);
        }
        if (images.count() != labelFile.count()) {
            throw new VaekitException(images.path() + " holds " + images.count() + " images but "
                    + labelFile.path() + " holds " + labelFile.count() + " labels");
        }
        int end = to < 0 ? images.count() : to;
        if (from < 0 || from >= end || end > images.count()) {
            throw new VaekitException(images.path() + ": cannot read items [" + from + ", " + end + ") of "
                    + images.count());
        }
        this.pixels = images.values();
        this.labels = labelFile.values();
        this.itemSize = images.itemSize();
        this.numClasses = 1 + IntStream.range(0, labels.length).map(i -> labels[i] & 0xff).max().orElse(0);
        this.source = images.path().toUri();
        this.order = IntStream.range(from, end).toArray();
        reset();
    }

    /** Number of records in one pass. */
    public int size() {
        return order.length;
    }

    /** Pixels per record (e.g. 784). */
    public int itemSize() {
        return itemSize;
    }

    /** Number of label classes (largest label + 1). */
    public int numClasses() {
        return numClasses;
    }

    @Override
    public boolean batchesSupported() {
        return true;
    }

    @Override
    public List<List<Writable>> next(int num) {
        int n = Math.min(num, order.length - cursor);
        float[] x = new float[n * itemSize];
        float[] y = new float[n * numClasses];
        for (int i = 0; i < n; i++) {
            int item = order[cursor + i];
            scalePixels(item, x, i * itemSize);
            y[i * numClasses + (labels[item] & 0xff)] = 1f;
        }
        cursor += n;
        return new NDArrayRecordBatch(Nd4j.create(x, new long[] {n, itemSize}, 'c'),
                Nd4j.create(y, new long[] {n, numClasses}, 'c'));
    }

    @Override
    public List<Writable> next() {
        return record(order[cursor++]);
    }

    private List<Writable> record(int item) {
        float[] x = new float[itemSize];
        scalePixels(item, x, 0);
        INDArray row = Nd4j.create(x, new long[] {1, itemSize}, 'c');
        return List.of(new NDArrayWritable(row), new IntWritable(labels[item] & 0xff));
    }

    /** Writes item's pixels, scaled from 0..255 to [0,1], into {@code out} from {@code offset}. */
    private void scalePixels(int item, float[] out, int offset) {
        int from = item * itemSize;
        for (int j = 0; j < itemSize; j++) {
            out[offset + j] = (pixels[from + j] & 0xff) / 255f;
        }
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public List<String> getLabels() {
        return IntStream.range(0, numClasses).mapToObj(String::valueOf).collect(Collectors.toList());
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
        throw new UnsupportedOperationException("IDX records are read from whole files, not streams");
    }

    @Override
    public Record nextRecord() {
        int item = order[cursor++];
        return new org.datavec.api.records.impl.Record(record(item),
                new RecordMetaDataIndex(item, source, IdxRecordReader.class));
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

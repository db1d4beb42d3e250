package org.vaekit.data;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.vaekit.VaekitException;

/**
 * Data a program already reads with its own DataVec {@link RecordReader}s (or {@link DataSetIterator}s), one per
 * split, as a {@link DataSource}. The readers are streamed, never copied into memory: one pass at the start counts
 * the examples and finds the input size, the labels and the value range; training then reads them pass after pass
 * in the readers' own order (shuffle in the reader if the order matters; a reader must give the same records in
 * the same order after each {@code reset()} for exact resume).
 *
 * <pre>{@code
 * DataSource data = RecordReaderSource.builder().labelColumn(4)
 *         .train(trainReader).validation(validReader).test(testReader).build();
 * }</pre>
 */
public final class RecordReaderSource implements DataSource {
    private final Map<Split, RecordReader> readers;
    private final Map<Split, Long> sizes;
    private final Map<Split, ValueRange> ranges;
    private final ExampleRecords records;
    private final int inputSize;
    private final int numClasses;
    private final Map<String, String> provenance;

    private RecordReaderSource(Map<Split, RecordReader> readers, ExampleRecords records) {
        this.readers = readers;
        this.records = records;
        this.sizes = new EnumMap<>(Split.class);
        this.ranges = new EnumMap<>(Split.class);
        int width = -1;
        int maxLabel = -1;
        boolean labelled = false;
        for (Split split : Split.values()) {
            RecordReader reader = readers.get(split);
            reader.reset();
            long n = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            String where = split.label() + " reader (" + reader.getClass().getSimpleName() + ")";
            while (reader.hasNext()) {
                List<Writable> record = reader.next();
                INDArray x = records.features(record, n);
                if (width < 0) {
                    width = (int) x.length();
                } else if (x.length() != width) {
                    throw new VaekitException(where + ", record " + n + ": has " + x.length()
                            + " feature values, the first training record has " + width);
                }
                labelled |= records.labelled(record);
                maxLabel = Math.max(maxLabel, records.label(record, n));
                min = Math.min(min, x.minNumber().doubleValue());
                max = Math.max(max, x.maxNumber().doubleValue());
                n++;
            }
            if (n == 0) {
                throw new VaekitException(where + " has no records: every split needs at least one example");
            }
            sizes.put(split, n);
            ranges.put(split, new ValueRange(min, max));
        }
        this.inputSize = width;
        this.numClasses = labelled ? maxLabel + 1 : 0;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", "record-reader");
        for (Split split : Split.values()) {
            p.put(split.label() + "-reader", readers.get(split).getClass().getName());
            p.put(split.label() + "-size", String.valueOf(sizes.get(split)));
        }
        this.provenance = p;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Minibatches a program already has, as a source: features [n, width], labels one-hot or absent. */
    public static RecordReaderSource of(DataSetIterator train, DataSetIterator validation, DataSetIterator test) {
        return builder().train(new DataSetRecordReader(train)).validation(new DataSetRecordReader(validation))
                .test(new DataSetRecordReader(test)).build();
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int size(Split split) {
        long n = sizes.get(split);
        if (n > Integer.MAX_VALUE) {
            throw new VaekitException(split.label() + " split has " + n + " examples, more than "
                    + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** The split's reader in vaekit's record form; {@code shuffle} is not applied (the reader's order is kept). */
    @Override
    public RecordReader reader(Split split, boolean shuffle, long seed) {
        return new ConvertingRecordReader(readers.get(split), records);
    }

    @Override
    public Map<String, String> provenance() {
        return provenance;
    }

    @Override
    public ValueRange valueRange(Split split) {
        return ranges.get(split);
    }

    /** The readers of the three splits and where their labels are. */
    public static final class Builder {
        private final Map<Split, RecordReader> readers = new EnumMap<>(Split.class);
        private int labelColumn = -1;

        private Builder() {
        }

        public Builder train(RecordReader reader) {
            readers.put(Split.TRAIN, reader);
            return this;
        }

        public Builder validation(RecordReader reader) {
            readers.put(Split.VALIDATION, reader);
            return this;
        }

        public Builder test(RecordReader reader) {
            readers.put(Split.TEST, reader);
            return this;
        }

        /**
         * The 0-based column holding the label (a class index), -1 (the default) for unlabelled data. Not used
         * for records that are already [NDArrayWritable features, label].
         */
        public Builder labelColumn(int column) {
            if (column < -1) {
                throw new VaekitException("label column " + column + ": expected a column index >= 0, or -1");
            }
            this.labelColumn = column;
            return this;
        }

        /** Reads each reader once through (streamed) and returns the source. */
        public RecordReaderSource build() {
            for (Split split : Split.values()) {
                if (!readers.containsKey(split)) {
                    throw new VaekitException("RecordReaderSource: no " + split.label() + " reader: every split"
                            + " (train, validation, test) needs one");
                }
            }
            return new RecordReaderSource(readers, new ExampleRecords(labelColumn, "record reader"));
        }
    }
}

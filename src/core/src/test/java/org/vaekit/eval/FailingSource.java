package org.vaekit.eval;

import java.util.List;
import java.util.Map;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.records.reader.impl.collection.CollectionRecordReader;
import org.datavec.api.writable.Writable;
import org.vaekit.data.DataSource;
import org.vaekit.data.Labels;
import org.vaekit.data.Split;
import org.vaekit.data.ValueRange;

/** A source whose readers fail at one record, as a damaged file read half way would. */
final class FailingSource implements DataSource {
    private final DataSource source;
    private final int failAt;

    FailingSource(DataSource source, int failAt) {
        this.source = source;
        this.failAt = failAt;
    }

    @Override
    public int inputSize() {
        return source.inputSize();
    }

    @Override
    public int numClasses() {
        return source.numClasses();
    }

    @Override
    public Labels labels() {
        return source.labels();
    }

    @Override
    public int size(Split split) {
        return source.size(split);
    }

    @Override
    public RecordReader reader(Split split, boolean shuffle, long seed) {
        RecordReader in = source.reader(split, shuffle, seed);
        return new CollectionRecordReader(List.of()) {
            private int index;

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public List<Writable> next() {
                if (index++ == failAt) {
                    throw new IllegalStateException("record " + failAt + " is damaged");
                }
                return in.next();
            }
        };
    }

    @Override
    public Map<String, String> provenance() {
        return source.provenance();
    }

    @Override
    public ValueRange valueRange(Split split) {
        return source.valueRange(split);
    }
}

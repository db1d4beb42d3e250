package org.vaekit.data;

import java.net.URI;
import java.util.stream.IntStream;
import org.datavec.api.conf.Configuration;
import org.datavec.api.split.InputSplit;

/** A DataVec {@code RecordReader} over a {@link Table} (see {@link RowRecordReader}). */
public final class TableRecordReader extends RowRecordReader {
    private final Table table;

    public TableRecordReader(Table table, boolean shuffle, long seed) {
        super(shuffle, seed);
        this.table = table;
        setItems(IntStream.range(0, table.size()).toArray());
    }

    /** Tables come ready in memory, nothing to initialize. */
    @Override
    public void initialize(InputSplit split) {
    }

    @Override
    public void initialize(Configuration conf, InputSplit split) {
    }

    @Override
    public int itemSize() {
        return table.width();
    }

    @Override
    public int numClasses() {
        return Math.max(table.classes().size(), 1);
    }

    @Override
    protected void copyFeatures(int item, float[] out, int offset) {
        System.arraycopy(table.rows()[item], 0, out, offset, table.width());
    }

    @Override
    protected int label(int item) {
        return table.labels()[item];
    }

    /** None: a table may come from several files. */
    @Override
    protected URI location() {
        return null;
    }
}

package org.vaekit.data;

import java.net.URI;
import org.datavec.api.conf.Configuration;
import org.datavec.api.split.InputSplit;

/**
 * A DataVec {@code RecordReader} over rows of a {@link Table} (see {@link RowRecordReader}), each read from the
 * table's file when it is needed, scaled, its label mapped onto the labels of all splits.
 */
public final class TableRecordReader extends RowRecordReader {
    private final Table table;
    private final int[] classIndex;
    private final int numClasses;
    private final FeatureScaler.Transform scaling;

    /**
     * @param classIndex the index among all splits' labels of each of the table's own labels
     * @param scaling    applied to every row, or null
     */
    TableRecordReader(Table table, int[] items, int[] classIndex, int numClasses, FeatureScaler.Transform scaling,
                      boolean shuffle, long seed) {
        super(shuffle, seed);
        this.table = table;
        this.classIndex = classIndex;
        this.numClasses = numClasses;
        this.scaling = scaling;
        setItems(items);
    }

    /** Tables come ready, nothing to initialize. */
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
        return Math.max(numClasses, 1);
    }

    @Override
    protected void copyFeatures(int item, float[] out, int offset) {
        table.copy(item, out, offset);
        if (scaling != null) {
            scaling.apply(out, offset);
        }
    }

    @Override
    protected int label(int item) {
        return classIndex.length == 0 ? 0 : classIndex[table.label(item)];
    }

    /** None: a table may come from several files. */
    @Override
    protected URI location() {
        return null;
    }
}

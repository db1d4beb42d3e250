package org.vaekit.data;

import java.util.List;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;

/**
 * Turns a user's records into vaekit's form, [features (one row), label]: either a record that is already
 * [NDArrayWritable, label], or a row of values with the label in {@code labelColumn} (-1: no labels).
 */
record ExampleRecords(int labelColumn, String origin) {

    /** The features of a record as a [1, width] float row. */
    INDArray features(List<Writable> record, long index) {
        if (isArrayRecord(record)) {
            INDArray a = ((NDArrayWritable) record.get(0)).get();
            return a.reshape(1, a.length()).castTo(DataType.FLOAT);
        }
        int width = record.size() - (labelColumn >= 0 ? 1 : 0);
        if (labelColumn >= record.size()) {
            throw new VaekitException(origin + ", record " + index + ": has " + record.size()
                    + " values, the label column is " + labelColumn);
        }
        float[] x = new float[width];
        int j = 0;
        for (int c = 0; c < record.size(); c++) {
            if (c != labelColumn) {
                x[j++] = (float) number(record.get(c), index, c);
            }
        }
        return Nd4j.create(x, new long[] {1, width}, 'c');
    }

    /** The record's label: a class index >= 0, or 0 for unlabelled data. */
    int label(List<Writable> record, long index) {
        Writable w = isArrayRecord(record) ? record.get(1) : labelColumn >= 0 ? record.get(labelColumn) : null;
        if (w == null) {
            return 0;
        }
        double v = number(w, index, isArrayRecord(record) ? 1 : labelColumn);
        if (v < 0 || v != Math.rint(v)) {
            throw new VaekitException(origin + ", record " + index + ": label " + w
                    + " is not a class index (a whole number >= 0)");
        }
        return (int) v;
    }

    /** The record in vaekit's form. */
    List<Writable> convert(List<Writable> record, long index) {
        return List.of(new NDArrayWritable(features(record, index)), new IntWritable(label(record, index)));
    }

    boolean labelled(List<Writable> record) {
        return isArrayRecord(record) || labelColumn >= 0;
    }

    private static boolean isArrayRecord(List<Writable> record) {
        return record.size() == 2 && record.get(0) instanceof NDArrayWritable;
    }

    private double number(Writable w, long index, int column) {
        try {
            return w.toDouble();
        } catch (RuntimeException e) {
            throw new VaekitException(origin + ", record " + index + ", column " + column + ": '" + w
                    + "' is not a number");
        }
    }
}

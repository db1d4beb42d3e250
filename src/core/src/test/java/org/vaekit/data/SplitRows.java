package org.vaekit.data;

import java.util.ArrayList;
import java.util.List;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;

/** A split's examples read through its record reader, in order, for tests on small data. */
record SplitRows(float[][] rows, int[] labels, List<String> classes) {
    static SplitRows of(DataSource source, Split split) {
        RecordReader reader = source.reader(split, false, 0);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        while (reader.hasNext()) {
            List<Writable> record = reader.next();
            rows.add(((NDArrayWritable) record.get(0)).get().toFloatVector());
            labels.add(record.get(1).toInt());
        }
        return new SplitRows(rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                source.labels().names());
    }

    int size() {
        return rows.length;
    }
}

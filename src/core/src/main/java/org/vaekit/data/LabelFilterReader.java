package org.vaekit.data;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.writable.Writable;

/** A reader of vaekit records ([features, label]) that skips the records of some labels; it reads one ahead. */
final class LabelFilterReader extends WrappingRecordReader {
    private final RecordReader in;
    private final Set<Integer> excluded;
    private List<Writable> next;

    LabelFilterReader(RecordReader in, Set<Integer> excluded) {
        this.in = in;
        this.excluded = excluded;
    }

    @Override
    public boolean hasNext() {
        while (next == null && in.hasNext()) {
            List<Writable> record = in.next();
            if (!excluded.contains(record.get(1).toInt())) {
                next = record;
            }
        }
        return next != null;
    }

    @Override
    public List<Writable> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records");
        }
        List<Writable> out = next;
        next = null;
        return out;
    }

    @Override
    public void reset() {
        in.reset();
        next = null;
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

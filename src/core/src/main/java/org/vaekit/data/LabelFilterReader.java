package org.vaekit.data;

import java.io.DataInputStream;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.Writable;

/** A reader of vaekit records ([features, label]) that skips the records of some labels; it reads one ahead. */
final class LabelFilterReader extends BaseRecordReader {
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

    @Override
    public void initialize(InputSplit split) {
        throw new UnsupportedOperationException("the wrapped reader is initialized by its owner");
    }

    @Override
    public void initialize(Configuration conf, InputSplit split) {
        throw new UnsupportedOperationException("the wrapped reader is initialized by its owner");
    }

    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("records come from the wrapped reader");
    }

    @Override
    public Record nextRecord() {
        return new org.datavec.api.records.impl.Record(next(), null);
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        throw new UnsupportedOperationException("records come from the wrapped reader");
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        throw new UnsupportedOperationException("records come from the wrapped reader");
    }

    @Override
    public void close() {
    }

    @Override
    public void setConf(Configuration conf) {
    }

    @Override
    public Configuration getConf() {
        return null;
    }
}

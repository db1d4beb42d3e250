package org.vaekit.data;

import java.io.DataInputStream;
import java.net.URI;
import java.util.List;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.Writable;

/** A user's {@link RecordReader} read record by record in vaekit's form, [features row, label]. */
final class ConvertingRecordReader extends BaseRecordReader {
    private final RecordReader in;
    private final ExampleRecords records;
    private long index;

    ConvertingRecordReader(RecordReader in, ExampleRecords records) {
        this.in = in;
        this.records = records;
        in.reset();
    }

    @Override
    public List<Writable> next() {
        return records.convert(in.next(), index++);
    }

    @Override
    public boolean hasNext() {
        return in.hasNext();
    }

    @Override
    public void reset() {
        in.reset();
        index = 0;
    }

    @Override
    public boolean resetSupported() {
        return true;
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
        Record r = in.nextRecord();
        r.setRecord(records.convert(r.getRecord(), index++));
        return r;
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

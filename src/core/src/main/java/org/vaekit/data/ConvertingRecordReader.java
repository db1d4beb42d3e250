package org.vaekit.data;

import java.util.List;
import org.datavec.api.records.Record;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.writable.Writable;

/** A user's {@link RecordReader} read record by record in vaekit's form, [features row, label]. */
final class ConvertingRecordReader extends WrappingRecordReader {
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
    public Record nextRecord() {
        Record r = in.nextRecord();
        r.setRecord(records.convert(r.getRecord(), index++));
        return r;
    }
}

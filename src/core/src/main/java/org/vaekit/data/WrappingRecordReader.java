package org.vaekit.data;

import java.io.DataInputStream;
import java.net.URI;
import java.util.List;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.Writable;

/**
 * A record reader over records that come from something its owner already opened (another reader, an iterator):
 * it reads them in order and resets, nothing else; the file-oriented parts of DataVec's interface are refused.
 */
abstract class WrappingRecordReader extends BaseRecordReader {
    private static final String NOT_A_FILE_READER = "records come from the wrapped source, not from files";

    @Override
    public Record nextRecord() {
        return new org.datavec.api.records.impl.Record(next(), null);
    }

    @Override
    public void initialize(InputSplit split) {
        throw new UnsupportedOperationException(NOT_A_FILE_READER);
    }

    @Override
    public void initialize(Configuration conf, InputSplit split) {
        throw new UnsupportedOperationException(NOT_A_FILE_READER);
    }

    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException(NOT_A_FILE_READER);
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        throw new UnsupportedOperationException(NOT_A_FILE_READER);
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        throw new UnsupportedOperationException(NOT_A_FILE_READER);
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

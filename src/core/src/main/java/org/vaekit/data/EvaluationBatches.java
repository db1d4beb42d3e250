package org.vaekit.data;

import java.util.AbstractSequentialList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A split's evaluation batches, read and binarized afresh on every pass: the binarizer restarts from the same
 * seed each time, so every pass yields the same batches while only one of them is in memory at a time (a split
 * larger than memory evaluates as well as a small one). A split whose features take at most {@code keepBytes} is
 * kept after its first whole pass instead (validation runs every epoch). Read-only; {@code get(i)} reads the
 * batches before it.
 */
final class EvaluationBatches extends AbstractSequentialList<DataSet> {
    private final Supplier<RecordReaderDataSetIterator> batches;
    private final Supplier<Binarizer> binarizer;
    private final int size;
    private final boolean keep;
    private List<DataSet> kept;

    /**
     * @param batches   a new iterator over the split's records, in order
     * @param binarizer a new binarizer, seeded the same every time
     * @param size      number of batches in a pass
     * @param keep      keep the batches after the first whole pass
     */
    EvaluationBatches(Supplier<RecordReaderDataSetIterator> batches, Supplier<Binarizer> binarizer, int size,
                      boolean keep) {
        this.batches = batches;
        this.binarizer = binarizer;
        this.size = size;
        this.keep = keep;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public synchronized ListIterator<DataSet> listIterator(int index) {
        if (kept != null) {
            return Collections.unmodifiableList(kept).listIterator(index);
        }
        Pass pass = new Pass(batches.get(), binarizer.get());
        for (int i = 0; i < index; i++) {
            pass.next();
        }
        return pass;
    }

    private synchronized void keep(List<DataSet> whole) {
        kept = whole;
    }

    /** One pass over the split; forward only. */
    private final class Pass implements ListIterator<DataSet> {
        private final RecordReaderDataSetIterator records;
        private final Binarizer binarizer;
        private final List<DataSet> read = keep ? new ArrayList<>() : null;
        private int next;

        Pass(RecordReaderDataSetIterator records, Binarizer binarizer) {
            this.records = records;
            this.binarizer = binarizer;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public DataSet next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            DataSet ds = records.next();
            binarizer.preProcess(ds);
            next++;
            if (read != null) {
                read.add(ds);
                if (next == size) {
                    keep(read);
                }
            }
            return ds;
        }

        @Override
        public int nextIndex() {
            return next;
        }

        @Override
        public boolean hasPrevious() {
            return false;
        }

        @Override
        public DataSet previous() {
            throw new UnsupportedOperationException("evaluation batches are read forward only");
        }

        @Override
        public int previousIndex() {
            return next - 1;
        }

        @Override
        public void remove() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void set(DataSet dataSet) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(DataSet dataSet) {
            throw new UnsupportedOperationException();
        }
    }
}

package org.vaekit.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.datavec.api.split.InputSplit;
import org.vaekit.VaekitException;

/**
 * A DataVec {@code RecordReader} over an IDX image file and its IDX label file: each record is the image as a
 * row of pixels scaled to [0,1] and its label. Reads a range or a list of items (see {@link RowRecordReader}), each
 * from the files when it is needed.
 */
public final class IdxRecordReader extends RowRecordReader {
    private IdxFile images;
    private IdxFile labels;
    private byte[] scratch;
    private int itemSize;
    private int numClasses;
    private URI source;
    private final int from;
    private final int to;

    /**
     * A reader over items [from, to) of already loaded files.
     *
     * @param to exclusive end; -1 for the end of the file
     */
    public IdxRecordReader(IdxFile images, IdxFile labelFile, int from, int to, boolean shuffle, long seed) {
        super(shuffle, seed);
        this.from = from;
        this.to = to;
        load(images, labelFile);
    }

    /**
     * A reader over the listed items of already loaded files, with labels one-hot over {@code numClasses}.
     */
    public IdxRecordReader(IdxFile images, IdxFile labelFile, int[] items, int numClasses, boolean shuffle,
                           long seed) {
        super(shuffle, seed);
        this.from = 0;
        this.to = -1;
        load(images, labelFile);
        this.numClasses = numClasses;
        setItems(items);
    }

    /** A reader to be {@link #initialize(InputSplit) initialized} with the image file's and label file's locations. */
    public IdxRecordReader(int from, int to, boolean shuffle, long seed) {
        super(shuffle, seed);
        this.from = from;
        this.to = to;
    }

    @Override
    public void initialize(InputSplit split) {
        URI[] locations = split.locations();
        if (locations.length != 2) {
            throw new VaekitException("IDX reader needs two files (images, labels), got " + locations.length);
        }
        load(IdxFile.read(Path.of(locations[0])), IdxFile.read(Path.of(locations[1])));
    }

    @Override
    public void initialize(org.datavec.api.conf.Configuration conf, InputSplit split) {
        initialize(split);
    }

    private void load(IdxFile images, IdxFile labelFile) {
        requirePair(images, labelFile);
        int end = to < 0 ? images.count() : to;
        if (from < 0 || from >= end || end > images.count()) {
            throw new VaekitException(images.path() + ": cannot read items [" + from + ", " + end + ") of "
                    + images.count());
        }
        this.images = images;
        this.labels = labelFile;
        this.itemSize = images.itemSize();
        this.scratch = new byte[itemSize];
        this.numClasses = numClasses(labelFile);
        this.source = images.path().toUri();
        setItems(IntStream.range(from, end).toArray());
    }

    /** Checks that the files are an image file and a label file with as many items. */
    static void requirePair(IdxFile images, IdxFile labelFile) {
        if (images.shape().length < 2) {
            throw new VaekitException(images.path() + ": expected an IDX image file (3 dimensions), got "
                    + images.shape().length);
        }
        if (labelFile.itemSize() != 1) {
            throw new VaekitException(labelFile.path() + ": expected an IDX label file (1 dimension), got "
                    + labelFile.shape().length);
        }
        if (images.count() != labelFile.count()) {
            throw new VaekitException(images.path() + " holds " + images.count() + " images but "
                    + labelFile.path() + " holds " + labelFile.count() + " labels");
        }
    }

    /** Largest label + 1. */
    static int numClasses(IdxFile labelFile) {
        return 1 + IntStream.range(0, labelFile.count()).map(i -> labelFile.value(i, 0)).max().orElse(0);
    }

    /** Pixels per record (e.g. 784). */
    @Override
    public int itemSize() {
        return itemSize;
    }

    /** Number of label classes (largest label + 1). */
    @Override
    public int numClasses() {
        return numClasses;
    }

    /** Scales item's pixels from 0..255 to [0,1]. */
    @Override
    protected void copyFeatures(int item, float[] out, int offset) {
        images.copy(item, scratch, 0);
        for (int j = 0; j < itemSize; j++) {
            out[offset + j] = (scratch[j] & 0xff) / 255f;
        }
    }

    @Override
    protected int label(int item) {
        return labels.value(item, 0);
    }

    @Override
    protected URI location() {
        return source;
    }
}

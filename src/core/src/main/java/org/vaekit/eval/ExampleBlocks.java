package org.vaekit.eval;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;
import org.vaekit.data.Binarizer;
import org.vaekit.data.DataSource;
import org.vaekit.data.Split;

/**
 * A split streamed as the blocks {@link BlockNoise} defines, one block in memory at a time, each binarized with its
 * own seed. A range of blocks can be read alone (the blocks before it are read and skipped), as a partition of a
 * larger job would be. A record that cannot be read stops the stream with one line naming the examples.
 */
public final class ExampleBlocks implements Iterator<ExampleBlock> {
    private final RecordReaderDataSetIterator batches;
    private final DataSettings settings;
    private final BlockNoise noise;
    private final boolean labelled;
    private final String origin;
    private final long endBlock;
    private long block;

    private ExampleBlocks(RecordReaderDataSetIterator batches, DataSettings settings, BlockNoise noise,
                          boolean labelled, String origin, long firstBlock, long endBlock) {
        this.batches = batches;
        this.settings = settings;
        this.noise = noise;
        this.labelled = labelled;
        this.origin = origin;
        this.block = firstBlock;
        this.endBlock = endBlock;
    }

    /** Every block of {@code split}. */
    public static ExampleBlocks of(DataSource source, Split split, DataSettings settings, BlockNoise noise,
                                   String origin) {
        return range(source, split, settings, noise, origin, 0, Long.MAX_VALUE);
    }

    /**
     * Blocks {@code firstBlock} to {@code firstBlock + count - 1} of {@code split} (fewer where the split ends).
     *
     * @param settings the binarization to apply (the run's or the given data's {@code data.*} keys)
     * @param origin   what the data is, for messages, e.g. "the test split of conf/csv-example.conf"
     */
    public static ExampleBlocks range(DataSource source, Split split, DataSettings settings, BlockNoise noise,
                                      String origin, long firstBlock, long count) {
        if (firstBlock < 0 || count < 1) {
            throw new VaekitException("blocks from " + firstBlock + ", " + count + " of them: expected a first block"
                    + " >= 0 and a count >= 1");
        }
        var batches = new RecordReaderDataSetIterator(source.reader(split, false, 0), noise.blockSize(), 1,
                Math.max(source.numClasses(), 1));
        // skipped a block at a time through the iterator: it resets its reader before the first batch
        try {
            for (long b = 0; b < firstBlock && batches.hasNext(); b++) {
                batches.next();
            }
        } catch (RuntimeException e) {
            throw new VaekitException(origin + ": cannot read the examples before block " + firstBlock + ": "
                    + e.getMessage(), e);
        }
        long end = count > Long.MAX_VALUE - firstBlock ? Long.MAX_VALUE : firstBlock + count;
        return new ExampleBlocks(batches, settings, noise, source.numClasses() > 0, origin, firstBlock, end);
    }

    /** Whether the examples have labels (a label column is written only then). */
    public boolean labelled() {
        return labelled;
    }

    @Override
    public boolean hasNext() {
        try {
            return block < endBlock && batches.hasNext();
        } catch (RuntimeException e) {
            throw unreadable(block * noise.blockSize(), e);
        }
    }

    @Override
    public ExampleBlock next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more blocks in " + origin);
        }
        long first = block * noise.blockSize();
        DataSet ds;
        try {
            ds = batches.next();
        } catch (RuntimeException e) {
            throw unreadable(first, e);
        }
        Binarizer binarizer = new Binarizer(settings.binarization(), settings.threshold(),
                noise.binarizationSeed(block));
        int[] labels = labelled ? ds.getLabels().argMax(1).toIntVector() : null;
        return new ExampleBlock(block++, first, binarizer.binarize(ds.getFeatures()), labels);
    }

    private VaekitException unreadable(long first, RuntimeException e) {
        return new VaekitException(origin + ": cannot read the examples from index " + first + " (block " + block
                + " of " + noise.blockSize() + "): " + e.getMessage(), e);
    }
}

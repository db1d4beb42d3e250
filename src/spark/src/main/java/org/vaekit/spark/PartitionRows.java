package org.vaekit.spark;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.vaekit.data.DataSource;
import org.vaekit.data.Split;
import org.vaekit.eval.BlockNoise;
import org.vaekit.eval.CsvTable;
import org.vaekit.eval.ExampleBlock;
import org.vaekit.eval.ExampleBlocks;
import org.vaekit.eval.StreamingEncoder;
import org.vaekit.eval.StreamingScorer;
import org.vaekit.model.Vae;

/**
 * Runs on an executor: the CSV lines of one partition's blocks, as the single-JVM {@code encode} or {@code score}
 * writes them (partition 0 starts with the header). The model and the data are opened once per partition from the
 * broadcast run; blocks are read, scored and turned into lines one at a time as Spark writes them.
 */
final class PartitionRows implements FlatMapFunction<BlockRange, String> {
    private final Broadcast<ShippedRun> run;
    private final Output output;
    private final Split split;
    private final long seed;
    private final int blockSize;
    private final int k;
    private final String origin;

    /**
     * @param k      importance samples for log p(x) (score), 0 for none
     * @param origin what the data is, for messages, e.g. "the test split of the run's data (data.source = mnist)"
     */
    PartitionRows(Broadcast<ShippedRun> run, Output output, Split split, BlockNoise noise, int k, String origin) {
        this.run = run;
        this.output = output;
        this.split = split;
        this.seed = noise.seed();
        this.blockSize = noise.blockSize();
        this.k = k;
        this.origin = origin;
    }

    @Override
    public Iterator<String> call(BlockRange range) {
        ShippedRun shipped = run.value();
        Vae vae = shipped.vae();
        DataSource source = shipped.source();
        BlockNoise noise = new BlockNoise(seed, blockSize);
        boolean labelled = source.numClasses() > 0;
        List<String> header;
        Function<ExampleBlock, List<String>> lines;
        if (output == Output.ENCODE) {
            StreamingEncoder encoder = new StreamingEncoder(vae, source.labels());
            header = encoder.header(labelled);
            lines = block -> encoder.rows(block).stream().map(CsvTable::line).toList();
        } else {
            StreamingScorer scorer = new StreamingScorer(vae, source.labels(), noise, k);
            header = scorer.header(labelled);
            lines = block -> scorer.score(block).stream().map(s -> CsvTable.line(scorer.row(s, labelled))).toList();
        }
        Iterator<ExampleBlock> blocks = ExampleBlocks.range(source, split, shipped.data(), noise, origin,
                range.first(), range.count());
        return new Lines(range.partition() == 0 ? CsvTable.line(header) : null, blocks, lines);
    }

    /** The header (if any), then each block's lines; the next block is read when the previous one's are taken. */
    private static final class Lines implements Iterator<String> {
        private final Iterator<ExampleBlock> blocks;
        private final Function<ExampleBlock, List<String>> lines;
        private String header;
        private Iterator<String> current = Collections.emptyIterator();

        Lines(String header, Iterator<ExampleBlock> blocks, Function<ExampleBlock, List<String>> lines) {
            this.header = header;
            this.blocks = blocks;
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            while (header == null && !current.hasNext() && blocks.hasNext()) {
                current = lines.apply(blocks.next()).iterator();
            }
            return header != null || current.hasNext();
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (header != null) {
                String line = header;
                header = null;
                return line;
            }
            return current.next();
        }
    }
}

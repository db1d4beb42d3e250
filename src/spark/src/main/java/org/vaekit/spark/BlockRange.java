package org.vaekit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole noise blocks one partition reads: blocks {@code first} to {@code first + count - 1}. Partitions are cut
 * on block boundaries so that each block's noise is seeded as in a single pass over the split.
 *
 * @param partition the partition's index; partition 0 also writes the header line
 */
public record BlockRange(int partition, long first, long count) implements Serializable {

    /**
     * {@code blocks} blocks cut into at most {@code partitions} contiguous ranges of nearly equal length, in order
     * (never more ranges than blocks: every partition has rows). The data sources refuse empty splits, so there is
     * at least one block.
     */
    public static List<BlockRange> split(long blocks, int partitions) {
        if (blocks < 1 || partitions < 1) {
            throw new IllegalArgumentException(blocks + " blocks in " + partitions + " partitions: expected >= 1 of"
                    + " each");
        }
        int n = (int) Math.min(partitions, blocks);
        List<BlockRange> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = blocks * i / n;
            long end = blocks * (i + 1) / n;
            ranges.add(new BlockRange(i, start, end - start));
        }
        return ranges;
    }
}

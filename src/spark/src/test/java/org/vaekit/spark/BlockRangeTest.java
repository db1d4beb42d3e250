package org.vaekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockRangeTest {
    @Test
    void blocksAreCutInOrderIntoNearlyEqualRanges() {
        assertEquals(List.of(new BlockRange(0, 0, 1), new BlockRange(1, 1, 1), new BlockRange(2, 2, 2)),
                BlockRange.split(4, 3));
        assertEquals(List.of(new BlockRange(0, 0, 10)), BlockRange.split(10, 1));
    }

    @Test
    void neverMoreRangesThanBlocks() {
        assertEquals(List.of(new BlockRange(0, 0, 1), new BlockRange(1, 1, 1)), BlockRange.split(2, 5));
        assertThrows(IllegalArgumentException.class, () -> BlockRange.split(0, 4));
        assertThrows(IllegalArgumentException.class, () -> BlockRange.split(4, 0));
    }

    @Test
    void rangesCoverEveryBlockOnceWhateverTheCounts() {
        for (long blocks = 1; blocks <= 40; blocks++) {
            for (int partitions = 1; partitions <= 12; partitions++) {
                List<BlockRange> ranges = BlockRange.split(blocks, partitions);
                assertEquals(Math.min(blocks, partitions), ranges.size());
                long next = 0;
                for (int i = 0; i < ranges.size(); i++) {
                    BlockRange r = ranges.get(i);
                    assertEquals(i, r.partition());
                    assertEquals(next, r.first());
                    assertTrue(r.count() >= blocks / partitions && r.count() <= blocks / partitions + 1, r.toString());
                    next += r.count();
                }
                assertEquals(blocks, next);
            }
        }
    }
}

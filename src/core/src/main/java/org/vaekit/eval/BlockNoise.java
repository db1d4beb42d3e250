package org.vaekit.eval;

import org.vaekit.VaekitException;

/**
 * How per-example outputs are made independent of how the data is partitioned: examples are taken in blocks of
 * {@code blockSize} aligned on their index in the split (block b holds examples b*blockSize to (b+1)*blockSize-1),
 * and the noise of a block (the binarization draws and the model's z draws) is seeded from (seed, b) alone. Any
 * program that scores a range of whole blocks with the same seed and block size gets the same rows as one pass
 * over all of them.
 *
 * @param seed      the run's seed for these outputs (the CLI uses the run's {@code data.eval-seed})
 * @param blockSize examples per block; also the batch the graph is run on
 */
public record BlockNoise(long seed, int blockSize) {
    /** The block size the command line uses unless told otherwise. */
    public static final int DEFAULT_BLOCK_SIZE = 1000;

    public BlockNoise {
        if (blockSize < 1) {
            throw new VaekitException("block size " + blockSize + ": expected a whole number >= 1");
        }
    }

    /** The seed of block {@code block}'s binarization draws. */
    public long binarizationSeed(long block) {
        return mix(seed, 2 * block);
    }

    /** The seed of block {@code block}'s z draws (ND4J's global RNG, which the graph's random ops draw from). */
    public long modelSeed(long block) {
        return mix(seed, 2 * block + 1);
    }

    /** The block that holds example {@code index}. */
    public long blockOf(long index) {
        return index / blockSize;
    }

    /** SplitMix64's finaliser over seed and stream: nearby (seed, block) pairs give unrelated seeds. */
    private static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

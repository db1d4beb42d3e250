package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;

class IdxFileTest {
    private static final Path IMAGES = Fixtures.mnistMini().resolve("train-images-idx3-ubyte.gz");
    private static final Path LABELS = Fixtures.mnistMini().resolve("train-labels-idx1-ubyte.gz");

    @Test
    void readsHeaderCountsAndKnownPixels() {
        IdxFile images = IdxFile.read(IMAGES);
        assertArrayEquals(new int[] {1000, 28, 28}, images.shape());
        assertEquals(1000, images.count());
        assertEquals(784, images.itemSize());
        // The first MNIST training image (a 5): its first ink pixels and its total ink.
        assertEquals(3, images.values()[152] & 0xff);
        assertEquals(18, images.values()[153] & 0xff);
        assertEquals(126, images.values()[156] & 0xff);
        long sum = 0;
        for (int i = 0; i < 784; i++) {
            sum += images.values()[i] & 0xff;
        }
        assertEquals(27525, sum);

        IdxFile labels = IdxFile.read(LABELS);
        assertArrayEquals(new int[] {1000}, labels.shape());
        byte[] first = java.util.Arrays.copyOf(labels.values(), 10);
        assertArrayEquals(new byte[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, first);
    }

    @Test
    void rawAndGzippedGiveTheSameValuesAndChecksum(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("labels-idx1-ubyte");
        Files.write(raw, gunzip(LABELS));
        IdxFile a = IdxFile.read(raw);
        IdxFile b = IdxFile.read(LABELS);
        assertArrayEquals(a.values(), b.values());
        assertEquals(a.sha256(), b.sha256());
    }

    @Test
    void rejectsBadMagicTruncationAndTrailingBytes(@TempDir Path dir) throws Exception {
        byte[] good = gunzip(LABELS);

        Path badMagic = dir.resolve("bad-magic");
        byte[] b = good.clone();
        b[2] = 0x0D; // float type, not unsigned bytes
        Files.write(badMagic, b);
        VaekitException e1 = assertThrows(VaekitException.class, () -> IdxFile.read(badMagic));
        assertTrue(e1.getMessage().contains("bad-magic") && e1.getMessage().contains("magic number"), e1.getMessage());

        Path truncated = dir.resolve("truncated");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 10));
        VaekitException e2 = assertThrows(VaekitException.class, () -> IdxFile.read(truncated));
        assertTrue(e2.getMessage().contains("truncated IDX file"), e2.getMessage());
        assertTrue(e2.getMessage().contains("promises 1000 values, found 990"), e2.getMessage());

        Path header = dir.resolve("short-header");
        Files.write(header, java.util.Arrays.copyOf(good, 6));
        assertTrue(assertThrows(VaekitException.class, () -> IdxFile.read(header)).getMessage()
                .contains("truncated IDX header"));

        Path huge = dir.resolve("huge");
        Files.write(huge, ByteBuffer.allocate(16).putInt(0x00000803).putInt(60000).putInt(60000).putInt(60000)
                .array());
        VaekitException e3 = assertThrows(VaekitException.class, () -> IdxFile.read(huge));
        assertTrue(e3.getMessage().contains("dimension"), e3.getMessage());

        Path trailing = dir.resolve("trailing");
        byte[] t = java.util.Arrays.copyOf(good, good.length + 3);
        Files.write(trailing, t);
        assertTrue(assertThrows(VaekitException.class, () -> IdxFile.read(trailing)).getMessage()
                .contains("data after"));
    }

    @Test
    void gzippedFilesAreGunzippedOnceIntoTheCacheAndOnlyWhole(@TempDir Path dir) throws Exception {
        DataCache cache = new DataCache(dir.resolve("cache"));
        IdxFile first = IdxFile.open(LABELS, cache);
        IdxFile again = IdxFile.open(LABELS, cache);
        assertArrayEquals(gunzip(LABELS), Files.readAllBytes(onlyFile(cache.dir())));
        assertEquals(first.sha256(), again.sha256());
        assertEquals(first.path(), LABELS, "messages and provenance name the file given, not the cache file");

        // A truncated gzip member: an error naming the file, and nothing left in the cache.
        byte[] gz = Files.readAllBytes(LABELS);
        Path cut = dir.resolve("cut-labels.gz");
        Files.write(cut, java.util.Arrays.copyOf(gz, gz.length / 2));
        VaekitException e = assertThrows(VaekitException.class, () -> IdxFile.open(cut, cache));
        assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
        try (var files = Files.list(cache.dir())) {
            assertEquals(1, files.count(), "only the earlier, whole file");
        }
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    static byte[] gunzip(Path gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}

package org.vaekit.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.vaekit.VaekitException;

/**
 * One IDX file of unsigned bytes (the MNIST format), raw or gzipped, read by item through the file system (see
 * {@link FixedRecords}) rather than loaded. Gzip allows no reading by position, so a gzipped file is gunzipped once
 * into the {@link DataCache} and read from there.
 */
public final class IdxFile {
    private static final int UNSIGNED_BYTE = 0x08;
    /** Largest number of values accepted (1 TiB): beyond, a header is taken to be lying. */
    private static final long MAX_VALUES = 1L << 40;

    private final Path path;
    private final int[] shape;
    private final String sha256;
    private final FixedRecords items;

    private IdxFile(Path path, int[] shape, String sha256, FixedRecords items) {
        this.path = path;
        this.shape = shape;
        this.sha256 = sha256;
        this.items = items;
    }

    /** The file as given (not the cache file it may be read from). */
    public Path path() {
        return path;
    }

    /** The dimensions from the header, e.g. [60000, 28, 28]. */
    public int[] shape() {
        return shape.clone();
    }

    /** The SHA-256 of the uncompressed file, header included. */
    public String sha256() {
        return sha256;
    }

    /** Number of items along the first dimension. */
    public int count() {
        return shape[0];
    }

    /** Number of values per item (e.g. 784 for 28x28 images, 1 for labels). */
    public int itemSize() {
        return items.recordBytes();
    }

    /** Value {@code index} of item {@code item}, 0..255. */
    public int value(int item, int index) {
        return items.unsignedByte(item, index);
    }

    /** Copies item {@code item}'s values into {@code out} from {@code offset}. */
    public void copy(int item, byte[] out, int offset) {
        items.bytes(item, 0, out, offset, items.recordBytes());
    }

    /** This file with its values copied into the heap (the in-memory option). */
    IdxFile inHeap() {
        return new IdxFile(path, shape, sha256, items.inHeap());
    }

    /** Opens the file, a gzipped one through the user's default cache folder. */
    public static IdxFile read(Path path) {
        return open(path, new DataCache(DataCache.defaultDir()));
    }

    /**
     * Checks the header and that the file holds exactly the values it promises, then maps the values; gzip is
     * recognised by its magic bytes and gunzipped into {@code cache} (once per distinct compressed file).
     */
    public static IdxFile open(Path path, DataCache cache) {
        try {
            Path raw = path;
            if (isGzip(path)) {
                String name = "idx-" + DataCache.key(List.of("gunzipped idx 1", DataFiles.sha256(path))) + ".idx";
                raw = cache.file(name, tmp -> gunzip(path, tmp));
            }
            Header h = header(path, raw);
            long fileValues = Files.size(raw) - h.bytes();
            if (fileValues < h.values()) {
                throw new VaekitException(path + ": truncated IDX file: header " + Arrays.toString(h.shape())
                        + " promises " + h.values() + " values, found " + fileValues);
            }
            if (fileValues > h.values()) {
                throw new VaekitException(path + ": IDX file has data after the " + h.values()
                        + " values its header " + Arrays.toString(h.shape()) + " promises");
            }
            int itemSize = (int) (h.values() / h.shape()[0]);
            FixedRecords items = FixedRecords.map(raw, h.bytes(), itemSize, h.shape()[0]);
            return new IdxFile(path, h.shape(), DataFiles.sha256(raw), items);
        } catch (NoSuchFileException e) {
            throw new VaekitException(path + ": file not found");
        } catch (IOException e) {
            throw new VaekitException(path + ": cannot read IDX file: " + e.getMessage(), e);
        }
    }

    private record Header(int[] shape, long values) {
        long bytes() {
            return 4L + 4L * shape.length;
        }
    }

    /** Reads and checks the header of {@code raw} (the uncompressed file), naming {@code path} in errors. */
    private static Header header(Path path, Path raw) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(raw))) {
            return header(path, in);
        }
    }

    private static Header header(Path path, DataInputStream in) throws IOException {
        try {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UNSIGNED_BYTE || (magic & 0xff) < 1
                    || (magic & 0xff) > 4) {
                throw new VaekitException(path + ": not an IDX file of unsigned bytes (magic number 0x"
                        + String.format("%08x", magic) + ", expected 0x000008NN with 1 <= NN <= 4)");
            }
            int[] shape = new int[magic & 0xff];
            long values = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readInt();
                values *= Math.max(shape[i], 0);
                if (shape[i] <= 0 || values > MAX_VALUES || values / shape[0] > Integer.MAX_VALUE) {
                    throw new VaekitException(path + ": IDX header dimension " + i + " is " + shape[i]
                            + " (expected a positive size, " + MAX_VALUES + " values in all and "
                            + Integer.MAX_VALUE + " per item at most)");
                }
            }
            return new Header(shape, values);
        } catch (EOFException e) {
            throw new VaekitException(path + ": truncated IDX header");
        }
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] signature = in.readNBytes(2);
            return GzipCompressorInputStream.matches(signature, signature.length);
        }
    }

    /**
     * Gunzips {@code gz} into {@code out}, checking the header first and the length at the end, so only a whole
     * IDX file is ever kept and a lying header cannot fill the disk.
     */
    private static void gunzip(Path gz, Path out) throws IOException {
        try (DataInputStream in = new DataInputStream(DataFiles.open(gz));
             OutputStream o = Files.newOutputStream(out, StandardOpenOption.TRUNCATE_EXISTING)) {
            Header h = header(gz, in);
            ByteBuffer header = ByteBuffer.allocate((int) h.bytes()).putInt(0x00000800 | h.shape().length);
            Arrays.stream(h.shape()).forEach(header::putInt);
            o.write(header.array());
            long copied = copy(in, o, h.values());
            if (copied < h.values()) {
                throw new VaekitException(gz + ": truncated IDX file: header " + Arrays.toString(h.shape())
                        + " promises " + h.values() + " values, found " + copied);
            }
            if (in.read() != -1) {
                throw new VaekitException(gz + ": IDX file has data after the " + h.values()
                        + " values its header " + Arrays.toString(h.shape()) + " promises");
            }
        } catch (IOException e) {
            throw new VaekitException(gz + ": cannot gunzip IDX file: " + e.getMessage(), e);
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        while (copied < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /** All values, row-major, in one array: for small files only. */
    byte[] values() {
        byte[] out = new byte[Math.toIntExact((long) count() * itemSize())];
        for (int i = 0; i < count(); i++) {
            copy(i, out, i * itemSize());
        }
        return out;
    }
}

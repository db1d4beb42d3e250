package org.vaekit.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.vaekit.VaekitException;

/**
 * One IDX file of unsigned bytes (the MNIST format), raw or gzipped.
 *
 * @param shape  the dimensions from the header, e.g. [60000, 28, 28]
 * @param values the unsigned bytes, row-major
 * @param sha256 the SHA-256 of the uncompressed file, header included
 */
public record IdxFile(Path path, int[] shape, byte[] values, String sha256) {
    private static final int UNSIGNED_BYTE = 0x08;

    /** Number of items along the first dimension. */
    public int count() {
        return shape[0];
    }

    /** Number of values per item (e.g. 784 for 28x28 images, 1 for labels). */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < shape.length; i++) {
            size *= shape[i];
        }
        return size;
    }

    /** Reads and checks the header, then the values; gzip is recognised by its magic bytes. */
    public static IdxFile read(Path path) {
        MessageDigest sha = DataFiles.sha256();
        try (DataInputStream in = new DataInputStream(new DigestInputStream(DataFiles.open(path), sha))) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UNSIGNED_BYTE || (magic & 0xff) < 1
                    || (magic & 0xff) > 4) {
                throw new VaekitException(path + ": not an IDX file of unsigned bytes (magic number 0x"
                        + String.format("%08x", magic) + ", expected 0x000008NN with 1 <= NN <= 4)");
            }
            int[] shape = new int[magic & 0xff];
            long length = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readInt();
                length *= Math.max(shape[i], 0);
                if (shape[i] <= 0 || length > Integer.MAX_VALUE - 8) {
                    throw new VaekitException(path + ": IDX header dimension " + i + " is " + shape[i]
                            + " (expected a positive size, " + (Integer.MAX_VALUE - 8) + " values at most)");
                }
            }
            // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
            byte[] values = in.readNBytes((int) length);
            if (values.length < length) {
                throw new VaekitException(path + ": truncated IDX file: header " + Arrays.toString(shape)
                        + " promises " + length + " values, found " + values.length);
            }
            if (in.read() != -1) {
                throw new VaekitException(path + ": IDX file has data after the " + length
                        + " values its header " + Arrays.toString(shape) + " promises");
            }
            return new IdxFile(path, shape, values, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchFileException e) {
            throw new VaekitException(path + ": file not found");
        } catch (EOFException e) {
            throw new VaekitException(path + ": truncated IDX header");
        } catch (IOException e) {
            throw new VaekitException(path + ": cannot read IDX file: " + e.getMessage(), e);
        }
    }
}

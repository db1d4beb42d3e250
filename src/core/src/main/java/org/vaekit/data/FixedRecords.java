package org.vaekit.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records of one fixed size stored back to back in a file, read by index through memory maps: the operating
 * system's page cache holds what is read, not the heap, so a file larger than the heap reads as well as a small
 * one. A map covers at most 2 GB, so larger files are mapped in several segments of whole records. A heap copy
 * ({@link #inHeap()}) serves the in-memory option. Values are little-endian.
 */
final class FixedRecords {
    private final ByteBuffer[] segments;
    private final FloatBuffer[] floats;
    private final int recordBytes;
    private final int perSegment;
    private final int count;

    private FixedRecords(ByteBuffer[] segments, int recordBytes, int perSegment, int count) {
        this.segments = segments;
        this.recordBytes = recordBytes;
        this.perSegment = perSegment;
        this.count = count;
        this.floats = new FloatBuffer[segments.length];
        for (int i = 0; i < segments.length; i++) {
            segments[i].order(ByteOrder.LITTLE_ENDIAN);
            floats[i] = recordBytes % Float.BYTES == 0 ? segments[i].asFloatBuffer() : null;
        }
    }

    /** Maps {@code count} records of {@code recordBytes} bytes starting at byte {@code offset} of {@code file}. */
    static FixedRecords map(Path file, long offset, int recordBytes, int count) throws IOException {
        int perSegment = Math.max(1, Integer.MAX_VALUE / recordBytes);
        int n = count == 0 ? 0 : (count - 1) / perSegment + 1;
        ByteBuffer[] segments = new ByteBuffer[n];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < n; i++) {
                long first = (long) i * perSegment;
                long records = Math.min(perSegment, count - first);
                // The map stays valid after the channel is closed.
                segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, offset + first * recordBytes,
                        records * recordBytes);
            }
        }
        return new FixedRecords(segments, recordBytes, perSegment, count);
    }

    /** The same records copied into the heap. */
    FixedRecords inHeap() {
        ByteBuffer[] copies = new ByteBuffer[segments.length];
        for (int i = 0; i < segments.length; i++) {
            copies[i] = ByteBuffer.allocate(segments[i].capacity());
            copies[i].put(0, segments[i], 0, segments[i].capacity());
        }
        return new FixedRecords(copies, recordBytes, perSegment, count);
    }

    int count() {
        return count;
    }

    int recordBytes() {
        return recordBytes;
    }

    /** Copies {@code length} bytes of record {@code item} from byte {@code from} of it. */
    void bytes(int item, int from, byte[] out, int offset, int length) {
        segments[item / perSegment].get(position(item) + from, out, offset, length);
    }

    /** The byte at {@code from} in record {@code item}, unsigned. */
    int unsignedByte(int item, int from) {
        return segments[item / perSegment].get(position(item) + from) & 0xff;
    }

    /** The int at byte {@code from} of record {@code item}. */
    int intAt(int item, int from) {
        return segments[item / perSegment].getInt(position(item) + from);
    }

    /** Copies {@code length} floats of record {@code item} from byte {@code from} (a multiple of 4) of it. */
    void floats(int item, int from, float[] out, int offset, int length) {
        floats[item / perSegment].get((position(item) + from) / Float.BYTES, out, offset, length);
    }

    private int position(int item) {
        return (item % perSegment) * recordBytes;
    }
}

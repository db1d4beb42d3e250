package org.vaekit.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.vaekit.VaekitException;

/**
 * Examples as a file of fixed-size float32 records (the csv and images sources convert their files into one, in
 * the {@link DataCache}): one row of features per example and its label's index into {@link #classes()} (empty
 * when the data has no labels; every label is then 0). Rows are read by index through the file system
 * ({@link FixedRecords}), not loaded.
 *
 * <p>Layout, little-endian: a header (magic, version, rows, width, offset of the names), the rows (an int32 label
 * and {@code width} float32 values each), the label names (a count, then per name its UTF-8 length and bytes).
 */
public final class Table {
    static final int MAGIC = 0x564b5442; // "VKTB"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 32;

    private final String origin;
    private final int width;
    private final List<String> classes;
    private final FixedRecords rows;

    private Table(String origin, int width, List<String> classes, FixedRecords rows) {
        this.origin = origin;
        this.width = width;
        this.classes = List.copyOf(classes);
        this.rows = rows;
    }

    /**
     * Opens a table file written by {@link TableWriter}.
     *
     * @param origin the files the table was made from, for messages
     */
    static Table open(Path file, String origin) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            c.read(h, 0);
            h.flip();
            long size = c.size();
            if (h.remaining() < HEADER_BYTES || h.getInt() != MAGIC || h.getInt() != VERSION) {
                throw damaged(file, "not a table file of version " + VERSION);
            }
            int count = h.getInt();
            int width = h.getInt();
            long namesAt = h.getLong();
            long recordBytes = Integer.BYTES + (long) Float.BYTES * width;
            if (count < 0 || width < 0 || namesAt != HEADER_BYTES + count * recordBytes || namesAt + 4 > size
                    || size - namesAt > Integer.MAX_VALUE) {
                throw damaged(file, "its header does not match its length");
            }
            ByteBuffer names = ByteBuffer.allocate((int) (size - namesAt)).order(ByteOrder.LITTLE_ENDIAN);
            c.read(names, namesAt);
            names.flip();
            List<String> classes = new ArrayList<>();
            for (int i = names.getInt(); i > 0; i--) {
                byte[] utf8 = new byte[names.getInt()];
                names.get(utf8);
                classes.add(new String(utf8, StandardCharsets.UTF_8));
            }
            return new Table(origin, width, classes, FixedRecords.map(file, HEADER_BYTES, (int) recordBytes, count));
        } catch (IOException | RuntimeException e) {
            if (e instanceof VaekitException v) {
                throw v;
            }
            throw damaged(file, e.toString());
        }
    }

    private static VaekitException damaged(Path file, String why) {
        return new VaekitException(file + ": damaged data cache file (" + why + "); delete it to have it made again");
    }

    /** Distinct names sorted as numbers when they all are whole numbers, else alphabetically. */
    public static List<String> sortedClasses(Collection<String> names) {
        boolean numeric = names.stream().allMatch(n -> n.matches("-?\\d{1,9}"));
        Comparator<String> order = numeric ? Comparator.comparingInt(Integer::parseInt) : Comparator.naturalOrder();
        return names.stream().distinct().sorted(order).toList();
    }

    /** Where the rows came from, for messages. */
    public String origin() {
        return origin;
    }

    /** The label names in order of first appearance; empty when the data has no labels. */
    public List<String> classes() {
        return classes;
    }

    public int size() {
        return rows.count();
    }

    /** Values per row. */
    public int width() {
        return width;
    }

    /** The label index of row {@code item}, into {@link #classes()}. */
    public int label(int item) {
        return rows.intAt(item, 0);
    }

    /** Copies row {@code item}'s values into {@code out} from {@code offset}. */
    public void copy(int item, float[] out, int offset) {
        rows.floats(item, Integer.BYTES, out, offset, width);
    }

    /** This table with its rows copied into the heap (the in-memory option). */
    Table inHeap() {
        return new Table(origin, width, classes, rows.inHeap());
    }
}

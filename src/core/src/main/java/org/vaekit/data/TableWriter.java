package org.vaekit.data;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Table} file in one pass, row by row, holding only the distinct label names in memory. The
 * header, whose row count is known only at the end, is written last.
 */
final class TableWriter implements Closeable {
    private final Path file;
    private final OutputStream out;
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final List<String> labelNames = new ArrayList<>();
    private ByteBuffer record;
    private int width = -1;
    private int rows;

    TableWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
        out.write(new byte[Table.HEADER_BYTES]);
    }

    /** Appends a row; {@code label} is its label's name, or null when the data has no labels. */
    void add(float[] row, String label) throws IOException {
        if (width < 0) {
            width = row.length;
            record = ByteBuffer.allocate(Integer.BYTES + Float.BYTES * width).order(ByteOrder.LITTLE_ENDIAN);
        } else if (row.length != width) {
            throw new IllegalArgumentException("row of " + row.length + " values in a table of " + width);
        }
        record.clear();
        record.putInt(label == null ? 0 : labelIds.computeIfAbsent(label, name -> {
            labelNames.add(name);
            return labelNames.size() - 1;
        }));
        record.asFloatBuffer().put(row);
        out.write(record.array());
        rows++;
    }

    /** Writes the label names after the rows and the header before them. */
    @Override
    public void close() throws IOException {
        long namesAt = Table.HEADER_BYTES + (long) rows * (Integer.BYTES + Float.BYTES * Math.max(width, 0));
        ByteBuffer count = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(labelNames.size());
        out.write(count.array());
        for (String name : labelNames) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            out.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
            out.write(utf8);
        }
        out.close();
        ByteBuffer header = ByteBuffer.allocate(Table.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(Table.MAGIC).putInt(Table.VERSION).putInt(rows).putInt(Math.max(width, 0)).putLong(namesAt);
        header.flip();
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            while (header.hasRemaining()) {
                c.write(header, header.position());
            }
        }
    }
}

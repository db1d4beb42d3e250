package org.vaekit.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.vaekit.VaekitException;

/**
 * A CSV file written row by row into a temporary file beside the target and moved into place by {@link #commit()};
 * closing it uncommitted deletes the temporary file, so a failure leaves no half-written table. An existing target
 * is never overwritten.
 */
public final class CsvTable implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private long rows;
    private boolean committed;

    private CsvTable(Path target, Path tmp, BufferedWriter out) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
    }

    /** Starts the table {@code target} (which must not exist yet) with its header line; creates its folder. */
    public static CsvTable create(Path target, List<String> header) {
        requireAbsent(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            CsvTable table = new CsvTable(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
            try {
                table.row(header);
            } catch (RuntimeException | Error e) {
                table.close();
                throw e;
            }
            table.rows = 0;
            return table;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new VaekitException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Stops with one line when {@code target} exists: outputs are never overwritten. */
    public static void requireAbsent(Path target) {
        if (Files.exists(target)) {
            throw new VaekitException(target + " already exists: it is kept as it is; give another output file");
        }
    }

    /** Appends a row; cells holding the separator, quotes or line breaks are quoted. */
    public void row(List<String> cells) {
        try {
            out.write(line(cells));
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new VaekitException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * A row as {@link #row} writes it, without the line break: for programs that write the rows of a table in
     * parts elsewhere (one file per partition of a distributed job).
     */
    public static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quoted(cells.get(i)));
        }
        return line.toString();
    }

    /**
     * RFC 4180 quoting. Hand-written: commons-text's {@code StringEscapeUtils.escapeCsv} needs a newer commons-lang3
     * than the one Deeplearning4j brings.
     */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    /** Flushes the rows to disk and moves the file into place. */
    public Path commit() {
        try {
            out.close();
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, target);
            committed = true;
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new VaekitException(target + " appeared while it was being written: it is kept as it is; give"
                    + " another output file", e);
        } catch (IOException e) {
            throw new VaekitException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file unless the table was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                out.close();
            } catch (IOException e) {
                // the file is deleted next: what was not written does not matter
            }
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // nothing more to do: the temporary file's name starts with a dot and ends in .tmp
            }
        }
    }
}

package org.vaekit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.StreamInputSplit;
import org.datavec.api.writable.Writable;
import org.vaekit.VaekitException;
import org.vaekit.config.CsvSettings;

/**
 * Reads CSV files, plain or gzipped, with DataVec's {@link CSVRecordReader} line by line into a {@link Table} file:
 * the configured feature columns as numbers, the label column (if any) as class names. Every malformed line is
 * reported with its file and line number.
 */
final class CsvTableReader implements TableSource.Reader {
    private final CsvSettings settings;

    CsvTableReader(CsvSettings settings) {
        this.settings = settings;
    }

    /** What a table made by this reader depends on besides its files' bytes (for the cache key). */
    @Override
    public String describe() {
        return "csv 1 skip=" + settings.skipLines() + " separator=" + (int) settings.separator() + " label="
                + settings.labelColumn() + " features=" + settings.featureColumns();
    }

    /** Streams all {@code files} into {@code out} (no scaling yet). */
    @Override
    public void read(List<Path> files, TableWriter out) throws IOException {
        int columns = -1;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new VaekitException(file + ": CSV file not found");
            }
            // One reader per file: CSVRecordReader skips header lines only at the start of its first file.
            CSVRecordReader reader = new CSVRecordReader(settings.skipLines(), settings.separator());
            try {
                initialize(reader, file);
                int line = settings.skipLines();
                while (reader.hasNext()) {
                    Record record = next(reader, file, line);
                    line = ((RecordMetaDataLine) record.getMetaData()).getLineNumber() + 1;
                    List<Writable> cells = record.getRecord();
                    if (columns < 0) {
                        columns = cells.size();
                        checkColumns(file, line, columns);
                    } else if (cells.size() != columns) {
                        throw new VaekitException(file + ": line " + line + ": " + cells.size() + " columns, expected "
                                + columns + " as in the first data line");
                    }
                    out.add(features(cells, file, line),
                            settings.labelColumn() >= 0 ? cells.get(settings.labelColumn()).toString().trim() : null);
                }
            } catch (UncheckedIOException e) {
                throw new VaekitException(file + ": cannot read: " + e.getCause().getMessage(), e);
            } finally {
                reader.close();
            }
        }
    }

    private static void initialize(CSVRecordReader reader, Path file) {
        try {
            reader.initialize(new StreamInputSplit(List.of(file.toUri()), CsvTableReader::open));
        } catch (IOException | InterruptedException e) {
            throw new VaekitException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The next record; DataVec's parse errors (e.g. an unterminated quote) as our error with the line. */
    private static Record next(CSVRecordReader reader, Path file, int previousLine) {
        try {
            return reader.nextRecord();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new VaekitException(file + ": line " + (previousLine + 1) + ": not valid CSV: " + cause.getMessage(), e);
        }
    }

    private void checkColumns(Path file, int line, int columns) {
        int label = settings.labelColumn();
        if (label >= columns) {
            throw new VaekitException(file + ": line " + line + " has " + columns + " columns, so data.csv.label-column"
                    + " = " + label + " does not exist (columns count from 0)");
        }
        for (int c : settings.featureColumns()) {
            if (c >= columns || c == label) {
                throw new VaekitException(file + ": line " + line + " has " + columns + " columns: data.csv.feature-columns"
                        + " entry " + c + (c == label ? " is the label column" : " does not exist (columns count from 0)"));
            }
        }
        if (featureColumns(columns).length == 0) {
            throw new VaekitException(file + ": line " + line + " has no feature columns besides the label");
        }
    }

    private int[] featureColumns(int columns) {
        if (!settings.featureColumns().isEmpty()) {
            return settings.featureColumns().stream().mapToInt(Integer::intValue).toArray();
        }
        return IntStream.range(0, columns).filter(c -> c != settings.labelColumn()).toArray();
    }

    private float[] features(List<Writable> cells, Path file, int line) {
        int[] columns = featureColumns(cells.size());
        float[] row = new float[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String text = cells.get(columns[i]).toString().trim();
            try {
                row[i] = Float.parseFloat(text);
            } catch (NumberFormatException e) {
                row[i] = Float.NaN;
            }
            if (!Float.isFinite(row[i])) {
                throw new VaekitException(file + ": line " + line + ", column " + columns[i] + ": '" + text
                        + "' is not a finite number");
            }
        }
        return row;
    }

    /** Opens a file, gunzipping it when it starts with gzip's magic bytes. */
    private static InputStream open(URI uri) {
        try {
            return DataFiles.open(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

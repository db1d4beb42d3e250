package org.vaekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @Test
    void aLineIsTheRowTheTableWrites(@TempDir Path dir) throws IOException {
        List<String> header = List.of("index", "label");
        List<String> row = List.of("7", "a \"b\", c");
        Path file = dir.resolve("t.csv");
        try (CsvTable table = CsvTable.create(file, header)) {
            table.row(row);
            table.commit();
        }
        assertEquals("7,\"a \"\"b\"\", c\"", CsvTable.line(row));
        assertEquals(CsvTable.line(header) + "\n" + CsvTable.line(row) + "\n", Files.readString(file));
    }
}

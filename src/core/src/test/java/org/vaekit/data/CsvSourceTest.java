package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.DataSettings;

class CsvSourceTest {
    @TempDir
    Path dir;

    /** 20 rows: x = i, y = 100 - 2i, label "b" for odd i, "a" for even, after a header line. */
    private Path gzippedCsv(String name) throws IOException {
        StringBuilder text = new StringBuilder("x;label;y\n");
        for (int i = 0; i < 20; i++) {
            text.append(i).append(';').append(i % 2 == 0 ? "a" : "b").append(';').append(100 - 2 * i).append('\n');
        }
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private Path plainCsv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private DataSettings settings(Path train, String... overrides) {
        List<String> all = new ArrayList<>(List.of("data.source=csv", "data.train=[\"" + train + "\"]",
                "data.train-size=0", "data.csv.skip-lines=1", "data.csv.separator=\";\"", "data.csv.label-column=1",
                "data.validation-fraction=0.2", "data.test-fraction=0.1"));
        all.addAll(List.of(overrides));
        return ConfigLoader.fromString("", all).data();
    }

    private static TableSource open(DataSettings s) {
        return (TableSource) DataSources.open(s);
    }

    @Test
    void gzippedCsvWithHeaderAndLabelColumnIsSplitBySeededFractions() throws IOException {
        TableSource source = open(settings(gzippedCsv("d.csv.gz")));
        assertEquals(2, source.inputSize());
        assertEquals(2, source.numClasses());
        assertEquals(14, source.size(Split.TRAIN));
        assertEquals(4, source.size(Split.VALIDATION));
        assertEquals(2, source.size(Split.TEST));
        List<Float> seen = new ArrayList<>();
        for (Split split : Split.values()) {
            SplitRows t = SplitRows.of(source, split);
            assertEquals(List.of("a", "b"), t.classes());
            for (int i = 0; i < t.size(); i++) {
                float x = t.rows()[i][0];
                assertEquals(100 - 2 * x, t.rows()[i][1], 1e-6);
                assertEquals((int) x % 2, t.labels()[i], "label of row x = " + x);
                seen.add(x);
            }
        }
        assertEquals(20, seen.stream().distinct().count(), "every row in exactly one split");
        // The same seed gives the same split; another seed another one.
        assertArrayEquals(SplitRows.of(source, Split.TEST).rows(), SplitRows.of(open(settings(gzippedCsv("e.csv.gz"))), Split.TEST).rows());
        TableSource other = open(settings(gzippedCsv("f.csv.gz"), "data.split-seed=99"));
        assertTrue(!java.util.Arrays.deepEquals(SplitRows.of(source, Split.VALIDATION).rows(),
                SplitRows.of(other, Split.VALIDATION).rows()));
    }

    @Test
    void minMaxScalingIsLearnedOnTheTrainingSplitAndSavedForEvaluation() throws IOException {
        Path file = gzippedCsv("d.csv.gz");
        TableSource source = open(settings(file, "data.csv.scale=minmax"));
        ValueRange train = source.valueRange(Split.TRAIN);
        assertEquals(0.0, train.min(), 1e-6);
        assertEquals(1.0, train.max(), 1e-6);
        float[][] rows = SplitRows.of(source, Split.TRAIN).rows();
        float minX = Float.MAX_VALUE;
        for (float[] r : rows) {
            minX = Math.min(minX, r[0]);
        }
        assertEquals(0f, minX, 1e-6);
        for (Split split : List.of(Split.VALIDATION, Split.TEST)) {
            ValueRange r = source.valueRange(split);
            assertTrue(r.min() >= 0 && r.max() <= 1, split + " clipped to [0,1]: " + r);
        }

        // Evaluation reuses the saved scaling even when the data changed since.
        Path run = Files.createDirectories(dir.resolve("run"));
        source.saveLearned(run);
        assertTrue(Files.isRegularFile(run.resolve(FeatureScaler.FILE)));
        StringBuilder wider = new StringBuilder("x;label;y\n");
        for (int i = 0; i < 20; i++) {
            wider.append(10 * i).append(";a;").append(100 - 2 * i).append('\n');
        }
        Files.writeString(file, wider.toString());
        TableSource again = (TableSource) DataSources.open(settings(file, "data.csv.scale=minmax"), run);
        assertEquals(1.0, again.valueRange(Split.TRAIN).max(), 1e-6, "values beyond the saved range are clipped");
        float[] first = SplitRows.of(again, Split.TRAIN).rows()[0];
        TableSource relearned = open(settings(file, "data.csv.scale=minmax"));
        assertTrue(first[0] != SplitRows.of(relearned, Split.TRAIN).rows()[0][0] || first[0] == 0,
                "the saved scaling, not a fresh one");
        VaekitException e = assertThrows(VaekitException.class,
                () -> DataSources.open(settings(file, "data.csv.scale=minmax"), dir.resolve("nothing")));
        assertTrue(e.getMessage().contains(FeatureScaler.FILE), e.getMessage());
    }

    @Test
    void rangeScalingMapsTheGivenRange() throws IOException {
        TableSource source = open(settings(gzippedCsv("d.csv.gz"), "data.csv.scale=range", "data.csv.range=[0, 200]",
                "data.validation=[\"" + gzippedCsv("v.csv.gz") + "\"]", "data.test=[\"" + gzippedCsv("t.csv.gz") + "\"]"));
        SplitRows train = SplitRows.of(source, Split.TRAIN);
        assertEquals(20, train.size());
        assertEquals(0.5f, train.rows()[0][1], 1e-6); // x = 0, y = 100
        assertEquals(19 / 200f, train.rows()[19][0], 1e-6);
    }

    @Test
    void featureColumnsSelectColumnsAndNoLabelColumnMeansNoClasses() throws IOException {
        Path file = plainCsv("p.csv", "1,2,3\n4,5,6\n7,8,9\n10,11,12\n");
        TableSource source = open(settings(file, "data.csv.skip-lines=0", "data.csv.separator=\",\"",
                "data.csv.label-column=-1", "data.csv.feature-columns=[2, 0]", "data.validation-fraction=0.25",
                "data.test-fraction=0.25"));
        assertEquals(2, source.inputSize());
        assertEquals(0, source.numClasses());
        float[][] all = new float[4][];
        int k = 0;
        for (Split split : Split.values()) {
            for (float[] row : SplitRows.of(source, split).rows()) {
                all[k++] = row;
            }
        }
        java.util.Arrays.sort(all, (a, b) -> Float.compare(a[1], b[1]));
        assertArrayEquals(new float[] {3, 1}, all[0]);
        assertArrayEquals(new float[] {12, 10}, all[3]);
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineNumber() throws IOException {
        Path wrongCount = plainCsv("w.csv", "x;label;y\n1;a;2\n3;b\n");
        VaekitException e = assertThrows(VaekitException.class, () -> open(settings(wrongCount)));
        assertEquals(wrongCount + ": line 3: 2 columns, expected 3 as in the first data line", e.getMessage());

        Path nonNumeric = plainCsv("n.csv", "x;label;y\n1;a;2\n3;b;4\n5;a;oops\n");
        e = assertThrows(VaekitException.class, () -> open(settings(nonNumeric)));
        assertEquals(nonNumeric + ": line 4, column 2: 'oops' is not a finite number", e.getMessage());

        Path shortRow = plainCsv("s.csv", "1;2\n");
        e = assertThrows(VaekitException.class, () -> open(settings(shortRow, "data.csv.skip-lines=0",
                "data.csv.label-column=5")));
        assertTrue(e.getMessage().contains("data.csv.label-column = 5 does not exist"), e.getMessage());
    }

    @Test
    void emptyDataAndEmptySplitsAreErrors() throws IOException {
        Path headerOnly = plainCsv("h.csv", "x;label;y\n");
        VaekitException e = assertThrows(VaekitException.class, () -> open(settings(headerOnly)));
        assertEquals(headerOnly + ": no examples found (data.train)", e.getMessage());

        Path three = plainCsv("3.csv", "x;label;y\n1;a;1\n2;a;2\n3;b;3\n");
        e = assertThrows(VaekitException.class, () -> open(settings(three, "data.test-fraction=0.1")));
        assertTrue(e.getMessage().startsWith("the test split is empty: data.test-fraction of the 3 examples"),
                e.getMessage());

        Path emptyTest = plainCsv("e.csv", "x;label;y\n");
        e = assertThrows(VaekitException.class,
                () -> open(settings(gzippedCsv("d.csv.gz"), "data.test=[\"" + emptyTest + "\"]")));
        assertEquals("the test split is empty: its files (data.test) hold no examples", e.getMessage());

        e = assertThrows(VaekitException.class, () -> open(settings(dir.resolve("missing.csv"))));
        assertEquals(dir.resolve("missing.csv") + ": CSV file not found", e.getMessage());
    }

    @Test
    void aCsvIsConvertedOnceIntoTheCacheAndAgainWhenItsBytesOrSettingsChange() throws IOException {
        Path cache = dir.resolve("cache");
        Path file = gzippedCsv("c.csv.gz");
        String at = "data.cache-dir=\"" + cache + "\"";
        SplitRows first = SplitRows.of(open(settings(file, at)), Split.TRAIN);
        assertEquals(1, tables(cache).size());
        Path table = tables(cache).get(0);
        long written = Files.getLastModifiedTime(table).toMillis();
        assertArrayEquals(first.rows(), SplitRows.of(open(settings(file, at)), Split.TRAIN).rows());
        assertEquals(List.of(table), tables(cache), "the same file and settings reuse the table");
        assertEquals(written, Files.getLastModifiedTime(table).toMillis());

        open(settings(file, at, "data.csv.feature-columns=[0]"));
        assertEquals(2, tables(cache).size(), "another reading setting, another table");
        Files.writeString(file, "x;label;y\n1;a;2\n3;b;4\n5;a;6\n7;b;8\n9;a;10\n11;b;12\n13;a;14\n15;b;16\n17;a;18\n19;b;20\n");
        SplitRows changed = SplitRows.of(open(settings(file, at)), Split.TRAIN);
        assertEquals(3, tables(cache).size(), "changed bytes, another table");
        assertEquals(7, changed.size());

        // A damaged table is named, with what to do.
        Files.write(table, new byte[] {1, 2, 3});
        VaekitException e = assertThrows(VaekitException.class, () -> open(settings(gzippedCsv("c.csv.gz"), at)));
        assertEquals(table + ": damaged data cache file (not a table file of version 1); delete it to have it made"
                + " again", e.getMessage());
    }

    @Test
    void aBadLineHalfWayThroughALargeCsvIsNamedAndLeavesNothingInTheCache() throws IOException {
        StringBuilder text = new StringBuilder("x;label;y\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(";a;").append(i == 2500 ? "n/a" : String.valueOf(i)).append('\n');
        }
        Path file = plainCsv("big.csv", text.toString());
        Path cache = dir.resolve("cache");
        VaekitException e = assertThrows(VaekitException.class,
                () -> open(settings(file, "data.cache-dir=\"" + cache + "\"")));
        assertEquals(file + ": line 2502, column 2: 'n/a' is not a finite number", e.getMessage());
        try (var left = Files.list(cache)) {
            assertEquals(List.of(), left.toList(), "no table and no temporary file left");
        }
    }

    private static List<Path> tables(Path cache) throws IOException {
        try (var files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".vktb")).sorted().toList();
        }
    }
}

package org.vaekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;

class ScoreCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true));
        System.setErr(new PrintStream(e, true));
        try {
            int code = Main.run(args);
            return new Result(code, o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String runDir() {
        return Fixtures.trainedMini().folder().dir().toString();
    }

    @Test
    void scoreWritesEveryTestExampleAndShowsTheWorst(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("scores.csv");
        Result r = run("score", runDir(), "--out", out.toString(), "--iwae-samples", "2", "--top", "12",
                "--held-out", "3", "--block-size", "50");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("index,label,neg_elbo,rec,kl,log_px", lines.get(0));
        assertEquals(201, lines.size());
        assertTrue(r.out().contains("12 worst-explained examples of the test split"), r.out());
        assertTrue(r.out().contains("ROC AUC"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("scores-worst.png")));

        Path again = dir.resolve("again.csv");
        assertEquals(0, run("score", runDir(), "--out", again.toString(), "--iwae-samples", "2", "--top", "0",
                "--block-size", "50").code());
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void encodeWritesThePosteriorOfASplit(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("codes.csv");
        Result r = run("encode", runDir(), "--split", "validation", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("index,label,mu_0,mu_1,logvar_0,logvar_1", lines.get(0));
        assertEquals(101, lines.size());
        assertTrue(r.out().contains("wrote 100 rows to " + out), r.out());
    }

    @Test
    void aFolderWithoutAModelIsNamed(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-run"));
        Result r = run("score", empty.toString(), "--out", dir.resolve("s.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(empty.toString()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(List.of(empty), listing(dir));
    }

    @Test
    void dataOfAnotherSizeIsRefused(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("codes.csv");
        Result r = run("encode", runDir(), "--data", "conf/csv-example.conf", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: the model expects 784 values per example but the data of"
                + " conf/csv-example.conf has "), r.err());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void importanceSamplesBelowOneAreRefused(@TempDir Path dir) throws IOException {
        Result r = run("score", runDir(), "--out", dir.resolve("s.csv").toString(), "--iwae-samples", "0");
        assertEquals(2, r.code());
        assertEquals("error: --iwae-samples 0: expected a number of importance samples >= 1", r.err().strip());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void anExistingOutputIsNeverOverwritten(@TempDir Path dir) throws IOException {
        Path out = Files.writeString(dir.resolve("s.csv"), "kept");
        Result r = run("score", runDir(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("error: " + out + " already exists: it is kept as it is; give another output file",
                r.err().strip());
        assertEquals("kept", Files.readString(out));
        assertFalse(Files.exists(dir.resolve("s-worst.png")));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}

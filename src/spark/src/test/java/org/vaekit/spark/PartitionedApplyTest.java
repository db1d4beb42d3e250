package org.vaekit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.DataSettings;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.Split;
import org.vaekit.eval.BlockNoise;
import org.vaekit.eval.ExampleBlocks;
import org.vaekit.eval.StreamingEncoder;
import org.vaekit.eval.StreamingScorer;
import org.vaekit.train.TrainedRun;

/**
 * The Spark job in local[2] against the single-JVM writers on the committed fixture (200 test images): the parts,
 * concatenated in order, must be the single-JVM file byte for byte.
 */
class PartitionedApplyTest {
    private static SparkSession spark;
    private static TrainedRun run;

    @BeforeAll
    static void start() {
        run = TrainedRun.open(Fixtures.trainedMini().folder().dir());
        spark = SparkSession.builder().master("local[2]").appName("vaekit-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static PartitionedApply.Result apply(String... args) {
        return PartitionedApply.run(spark, ApplyArguments.parse(args));
    }

    @Test
    void encodeInThreeUnevenPartitionsIsTheSingleJvmFile(@TempDir Path dir) throws IOException {
        // 200 examples in blocks of 50: 4 blocks cut 1, 1, 2 (the model's posterior has no noise: binarization only)
        BlockNoise noise = new BlockNoise(run.config().data().evalSeed(), 50);
        Path single = dir.resolve("codes.csv");
        new StreamingEncoder(run.vae(), run.source().labels())
                .write(ExampleBlocks.of(run.source(), Split.TEST, run.config().data(), noise, "test split"), single);

        Path out = dir.resolve("codes");
        PartitionedApply.Result result = apply("encode", run.folder().dir().toString(), "--out", out.toString(),
                "--partitions", "3", "--block-size", "50");

        assertEquals(new PartitionedApply.Result(out.toString(), 200, 3), result);
        assertEquals(List.of(1 + 50, 50, 100), lineCounts(parts(out)));
        assertArrayEquals(Files.readAllBytes(single), concatenated(out));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    @Test
    void scoreWithImportanceSamplesInThreePartitionsIsTheSingleJvmFile(@TempDir Path dir) throws IOException {
        // blocks of 64: 64, 64, 64 and 8 examples, cut 1, 1, 2; a seed of our own; z drawn for the ELBO and log p(x)
        BlockNoise noise = new BlockNoise(99, 64);
        Path single = dir.resolve("scores.csv");
        new StreamingScorer(run.vae(), run.source().labels(), noise, 3).write(
                ExampleBlocks.of(run.source(), Split.TEST, run.config().data(), noise, "test split"), single, 0,
                Optional.empty());

        Path out = dir.resolve("scores");
        PartitionedApply.Result result = apply("score", run.folder().dir().toString(), "--out", out.toString(),
                "--partitions", "3", "--block-size", "64", "--seed", "99", "--iwae-samples", "3");

        assertEquals(3, result.parts());
        assertEquals(List.of(1 + 64, 64, 72), lineCounts(parts(out)));
        assertEquals("index,label,neg_elbo,rec,kl,log_px", Files.readAllLines(parts(out).get(0)).get(0));
        assertArrayEquals(Files.readAllBytes(single), concatenated(out));
    }

    @Test
    void scoreOfDataAConfigFileNamesIsTheSingleJvmFile(@TempDir Path dir) throws IOException {
        // the validation split of the fixture thresholded (the config's binarization, not the run's): 100
        // examples in blocks of 30, two partitions of 2 blocks each (60 and 40 examples)
        Path conf = dir.resolve("thresholded.conf");
        Files.writeString(conf, String.join("\n", Fixtures.miniSettings(dir, "data.binarization=threshold")));
        DataSettings settings = ConfigLoader.load(conf, List.of()).data();
        DataSource source = DataSources.open(settings, null);
        BlockNoise noise = new BlockNoise(run.config().data().evalSeed(), 30);
        Path single = dir.resolve("validation.csv");
        new StreamingScorer(run.vae(), source.labels(), noise, 0).write(
                ExampleBlocks.of(source, Split.VALIDATION, settings, noise, "validation split"), single, 0,
                Optional.empty());

        Path out = dir.resolve("validation");
        apply("score", run.folder().dir().toString(), "--out", out.toString(), "--data", conf.toString(),
                "--split", "validation", "--partitions", "2", "--block-size", "30");

        assertEquals(List.of(1 + 60, 40), lineCounts(parts(out)));
        assertArrayEquals(Files.readAllBytes(single), concatenated(out));
        // the threshold really applied: these rows differ from the run's own (stochastic) binarization
        Path own = dir.resolve("own");
        apply("score", run.folder().dir().toString(), "--out", own.toString(), "--split", "validation",
                "--partitions", "2", "--block-size", "30");
        assertFalse(Arrays.equals(concatenated(own), concatenated(out)));
    }

    @Test
    void moreRequestedPartitionsThanBlocksGiveOnePartPerBlock(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("codes");
        PartitionedApply.Result result = apply("encode", run.folder().dir().toString(), "--out", out.toString(),
                "--partitions", "8", "--block-size", "100");
        assertEquals(2, result.parts());
        assertEquals(List.of(1 + 100, 100), lineCounts(parts(out)));
    }

    @Test
    void anExistingOutputFolderIsKeptAndNothingRuns(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("mine.csv"), "precious");
        long jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        VaekitException e = assertThrows(VaekitException.class,
                () -> apply("score", run.folder().dir().toString(), "--out", out.toString()));
        assertTrue(e.getMessage().endsWith("taken already exists: it is kept as it is; give another output folder"),
                e.getMessage());
        assertEquals("precious", Files.readString(out.resolve("mine.csv")));
        assertEquals(List.of(out.resolve("mine.csv")), listing(out));
        assertEquals(jobsBefore, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length);
    }

    @Test
    void badRunOrDataStopsWithOneLineBeforeAnyOutput(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        VaekitException notRun = assertThrows(VaekitException.class,
                () -> apply("encode", dir.toString(), "--out", out.toString()));
        assertEquals(dir + " is not a run folder (no config.conf)", notRun.getMessage());

        Path conf = dir.resolve("missing.conf");
        Files.writeString(conf, String.join("\n", Fixtures.miniSettings(dir, "data.dir=\"" + dir.resolve("none")
                + "\"")));
        VaekitException noData = assertThrows(VaekitException.class,
                () -> apply("encode", run.folder().dir().toString(), "--out", out.toString(), "--data",
                        conf.toString()));
        assertFalse(noData.getMessage().contains("\n"), noData.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void anExecutorsFailureIsReportedByItsOwnLine() {
        String stage = "Job aborted due to stage failure: Task 1 in stage 3.0 failed 4 times, most recent failure:"
                + " Lost task 1.3 (TID 9) (10.0.0.7 executor 2): org.vaekit.VaekitException: the test split: cannot"
                + " read the examples from index 2000 (block 2 of 1000): bad record\n\tat org.vaekit.eval...";
        assertEquals("the test split: cannot read the examples from index 2000 (block 2 of 1000): bad record",
                PartitionedApply.reason(new RuntimeException(stage)));
        assertEquals("no data", PartitionedApply.reason(new RuntimeException("wrapped",
                new VaekitException("no data"))));
        assertEquals("java.lang.OutOfMemoryError: Java heap space", PartitionedApply.reason(
                new RuntimeException("Job aborted.", new OutOfMemoryError("Java heap space"))));
    }

    private static List<Path> parts(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    private static List<Integer> lineCounts(List<Path> parts) throws IOException {
        List<Integer> counts = new ArrayList<>();
        for (Path part : parts) {
            counts.add(Files.readAllLines(part).size());
        }
        return counts;
    }

    private static byte[] concatenated(Path out) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path part : parts(out)) {
            all.write(Files.readAllBytes(part));
        }
        return all.toByteArray();
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}

package org.vaekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.data.DataSource;
import org.vaekit.data.Split;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;
import org.vaekit.train.TrainedRun;
import org.vaekit.train.TrainingRun;

class StreamingScorerTest {
    /** 200 test examples in blocks of 64: three full blocks and one of 8. */
    private static final BlockNoise NOISE = new BlockNoise(99, 64);
    private static final int K = 3;

    private static TrainedRun run() {
        TrainingRun trained = Fixtures.trainedMini();
        return TrainedRun.open(trained.folder().dir());
    }

    private static ExampleBlocks blocks(TrainedRun run) {
        return ExampleBlocks.of(run.source(), Split.TEST, run.config().data(), NOISE, "test split");
    }

    private static StreamingScorer scorer(TrainedRun run) {
        return new StreamingScorer(run.vae(), run.source().labels(), NOISE, K);
    }

    @Test
    void encodeWritesOneRowPerExampleWithTheModelsPosterior(@TempDir Path dir) throws IOException {
        TrainedRun run = run();
        Path out = dir.resolve("codes.csv");
        long rows = new StreamingEncoder(run.vae(), run.source().labels()).write(blocks(run), out);
        List<String> lines = Files.readAllLines(out);
        assertEquals(200, rows);
        assertEquals(201, lines.size());
        assertEquals("index,label,mu_0,mu_1,logvar_0,logvar_1", lines.get(0));

        ExampleBlocks again = blocks(run);
        again.next();
        ExampleBlock second = again.next();
        Map<String, INDArray> posterior = run.vae().encode(second.features());
        String[] row = lines.get(1 + 64 + 5).split(",");
        assertEquals("69", row[0]);
        assertEquals(String.valueOf(second.labels()[5]), row[1]);
        assertEquals(posterior.get(VaeGraph.MU).getFloat(5, 1), Float.parseFloat(row[3]));
        assertEquals(posterior.get(VaeGraph.LOGVAR).getFloat(5, 0), Float.parseFloat(row[4]));
    }

    @Test
    void scoresEqualTheModelsOwnOnTheSameBlockWithTheSameSeed(@TempDir Path dir) throws IOException {
        TrainedRun run = run();
        Path out = dir.resolve("scores.csv");
        StreamingScorer.Summary summary = scorer(run).write(blocks(run), out, 5, Optional.empty());
        List<String> lines = Files.readAllLines(out);
        assertEquals(200, summary.rows());
        assertEquals(201, lines.size());
        assertEquals("index,label,neg_elbo,rec,kl,log_px", lines.get(0));

        ExampleBlocks again = blocks(run);
        again.next();
        again.next();
        ExampleBlock third = again.next();
        Vae vae = run.vae();
        Vae.seed(NOISE.modelSeed(2));
        INDArray negElbo = vae.negativeElbo(third.features());
        INDArray logPx = vae.logLikelihood(third.features(), K);
        for (int i : new int[] {0, 17, 63}) {
            String[] row = lines.get(1 + 128 + i).split(",");
            assertEquals(negElbo.getDouble(i), Double.parseDouble(row[2]), 1e-4, "row " + (128 + i));
            assertEquals(logPx.getDouble(i), Double.parseDouble(row[5]), 1e-9, "row " + (128 + i));
            assertEquals(Double.parseDouble(row[2]), Double.parseDouble(row[3]) + Double.parseDouble(row[4]), 1e-4);
        }

        // the worst five are the five highest -log p(x) of the file
        List<Double> worst = summary.worst().worstFirst().stream().map(e -> e.score().logPx()).toList();
        List<Double> lowest = lines.stream().skip(1).map(l -> Double.parseDouble(l.split(",")[5])).sorted().limit(5)
                .toList();
        assertEquals(lowest, worst);
        assertEquals(784, summary.worst().worstFirst().get(0).features().length);
    }

    @Test
    void rerunsAreByteIdentical(@TempDir Path dir) throws IOException {
        TrainedRun run = run();
        scorer(run).write(blocks(run), dir.resolve("a.csv"), 0, Optional.empty());
        Vae.seed(12345); // the global RNG's state before a run does not matter
        scorer(run).write(blocks(run), dir.resolve("b.csv"), 0, Optional.empty());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
    }

    @Test
    void aRangeOfBlocksScoredAloneGivesTheSameRowsAsTheWholeSplit(@TempDir Path dir) throws IOException {
        TrainedRun run = run();
        scorer(run).write(blocks(run), dir.resolve("all.csv"), 0, Optional.empty());
        ExampleBlocks middle = ExampleBlocks.range(run.source(), Split.TEST, run.config().data(), NOISE, "test split",
                1, 2);
        scorer(run).write(middle, dir.resolve("part.csv"), 0, Optional.empty());
        List<String> all = Files.readAllLines(dir.resolve("all.csv"));
        List<String> part = Files.readAllLines(dir.resolve("part.csv"));
        assertEquals(1 + 128, part.size());
        assertEquals(all.get(0), part.get(0));
        assertEquals(all.subList(1 + 64, 1 + 192), part.subList(1, part.size()));

        ExampleBlocks last = ExampleBlocks.range(run.source(), Split.TEST, run.config().data(), NOISE, "test split",
                3, 10);
        scorer(run).write(last, dir.resolve("last.csv"), 0, Optional.empty());
        assertEquals(all.subList(1 + 192, 201), Files.readAllLines(dir.resolve("last.csv")).subList(1, 9));
    }

    @Test
    void anExistingOutputIsKept(@TempDir Path dir) throws IOException {
        TrainedRun run = run();
        Path out = dir.resolve("scores.csv");
        Files.writeString(out, "mine");
        VaekitException e = assertThrows(VaekitException.class,
                () -> scorer(run).write(blocks(run), out, 0, Optional.empty()));
        assertTrue(e.getMessage().contains(out + " already exists"), e.getMessage());
        assertEquals("mine", Files.readString(out));
        assertEquals(List.of(out), listing(dir));
    }

    @Test
    void anUnreadableRecordHalfWayLeavesNoFile(@TempDir Path dir) throws IOException {
        TrainedRun run = run();
        DataSource failing = new FailingSource(run.source(), 150);
        ExampleBlocks blocks = ExampleBlocks.of(failing, Split.TEST, run.config().data(), NOISE, "the test split");
        Path out = dir.resolve("scores.csv");
        VaekitException e = assertThrows(VaekitException.class,
                () -> scorer(run).write(blocks, out, 3, Optional.empty()));
        assertTrue(e.getMessage().startsWith("the test split: cannot read the examples from index 128 (block 2 of"
                + " 64): "), e.getMessage());
        assertTrue(e.getMessage().contains("record 150 is damaged"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(dir));

        ExampleBlocks codes = ExampleBlocks.of(failing, Split.TEST, run.config().data(), NOISE, "the test split");
        assertThrows(VaekitException.class,
                () -> new StreamingEncoder(run.vae(), run.source().labels()).write(codes, dir.resolve("codes.csv")));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void negativeImportanceSamplesAndBlockSizesAreRefused() {
        TrainedRun run = run();
        assertThrows(VaekitException.class, () -> new StreamingScorer(run.vae(), run.source().labels(), NOISE, -1));
        VaekitException e = assertThrows(VaekitException.class, () -> new BlockNoise(1, 0));
        assertEquals("block size 0: expected a whole number >= 1", e.getMessage());
    }

    @Test
    void blockSeedsDifferAcrossBlocksAndPurposes() {
        assertEquals(NOISE.modelSeed(3), new BlockNoise(99, 500).modelSeed(3));
        assertFalse(NOISE.modelSeed(3) == NOISE.modelSeed(4));
        assertFalse(NOISE.modelSeed(3) == NOISE.binarizationSeed(3));
        assertFalse(NOISE.modelSeed(3) == new BlockNoise(100, 64).modelSeed(3));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}

package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSources;
import org.vaekit.data.TrainingBatches;

/**
 * Training on an IDX dataset several times larger than the heap: a child JVM with {@value #HEAP_MB} MB of heap trains
 * one epoch on {@value #EXAMPLES} examples of {@value #WIDTH} bytes (172 MB), evaluates, and reports the examples it
 * saw. Every example must be seen exactly once, in the order the seeded shuffle gives; the next epoch's order (read
 * here through the same pipeline) is another one. Data copied into the heap would not fit.
 */
class LargerThanHeapTest {
    static final int HEAP_MB = 32;
    static final int EXAMPLES = 220_000;
    static final int WIDTH = 784;
    static final int BATCH = 2_000;
    static final long SEED = 4242;

    @TempDir
    Path dir;

    /** The index an example's first three values encode (base 256). */
    static int index(int b0, int b1, int b2) {
        return (b0 << 16) | (b1 << 8) | b2;
    }

    @Test
    void trainsOnDataLargerThanTheHeapSeeingEveryExampleOncePerEpochInASeededOrder() throws Exception {
        Path images = idxImages(dir.resolve("train-images"), EXAMPLES);
        Path labels = idxLabels(dir.resolve("train-labels"), EXAMPLES);
        Path small = idxImages(dir.resolve("small-images"), 500);
        Path smallLabels = idxLabels(dir.resolve("small-labels"), 500);
        assertTrue(Files.size(images) > 3L * HEAP_MB << 20, "the data is several times the child's heap");
        List<String> settings = List.of("data.source=idx", "data.train=[\"" + images + "\", \"" + labels + "\"]",
                "data.validation=[\"" + small + "\", \"" + smallLabels + "\"]",
                "data.test=[\"" + small + "\", \"" + smallLabels + "\"]", "data.train-size=0",
                "data.binarization=none", "data.cache-dir=\"" + dir.resolve("cache") + "\"", "model.encoder=[8]",
                "model.decoder=[8]", "train.epochs=1", "train.batch-size=" + BATCH,
                "train.eval-batch-size=" + BATCH, "eval.iwae-samples=[1]", "eval.iwae-examples=100",
                "ui.enabled=false", "checkpoint.every-minutes=0", "run.seed=" + SEED,
                "run.dir=\"" + dir.resolve("runs") + "\"", "run.name=large");

        Path seen = dir.resolve("seen.bin");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-Dorg.bytedeco.javacpp.maxbytes=1G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0",
                "-cp", System.getProperty("java.class.path"), LargeDataTraining.class.getName(), seen.toString()));
        cmd.addAll(settings);
        Path log = dir.resolve("child.out");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("child still running after 10 minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("max heap"), output);

        TreeMap<Integer, List<Integer>> byEpoch = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(seen)))) {
            while (true) {
                int epoch;
                try {
                    epoch = in.readInt();
                } catch (EOFException e) {
                    break;
                }
                byEpoch.computeIfAbsent(epoch, e -> new ArrayList<>()).add(in.readInt());
            }
        }
        assertEquals(List.of(0), List.copyOf(byEpoch.keySet()), "one epoch trained");
        int[] trained = byEpoch.get(0).stream().mapToInt(Integer::intValue).toArray();

        // The same seed gives the same order, read here through the library's own pipeline; the next epoch another.
        VaeConfig config = ConfigLoader.fromString("", settings);
        DataPipeline pipeline = new DataPipeline(DataSources.open(config.data()), config.data(), BATCH);
        TrainingBatches replay = pipeline.training(BATCH, SEED);
        int[] first = epoch(replay);
        int[] second = epoch(replay);
        assertArrayEquals(first, trained, "training saw the seeded order");
        int[] everyExample = IntStream.range(0, EXAMPLES).toArray();
        for (int[] order : List.of(trained, second)) {
            assertFalse(Arrays.equals(everyExample, order), "shuffled, not in file order");
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(everyExample, sorted, "every example exactly once per epoch");
        }
        assertFalse(Arrays.equals(first, second), "a new order every epoch");
    }

    /** The example indices of the next epoch's batches, in order. */
    private static int[] epoch(TrainingBatches batches) {
        batches.reset();
        int[] order = new int[EXAMPLES];
        int k = 0;
        while (batches.hasNext()) {
            DataSet b = batches.next();
            for (float[] v : b.getFeatures().getColumns(0, 1, 2).toFloatMatrix()) {
                order[k++] = index(Math.round(v[0] * 255), Math.round(v[1] * 255), Math.round(v[2] * 255));
            }
        }
        assertEquals(EXAMPLES, k);
        return order;
    }

    /** An IDX image file of {@code n} examples: example i starts with i in base 256, then a pattern. */
    private static Path idxImages(Path file, int n) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            byte[] row = new byte[WIDTH];
            for (int i = 0; i < n; i++) {
                row[0] = (byte) (i >>> 16);
                row[1] = (byte) (i >>> 8);
                row[2] = (byte) i;
                for (int j = 3; j < WIDTH; j++) {
                    row[j] = (byte) ((i * 31 + j * 7) & 0xff);
                }
                out.write(row);
            }
        }
        return file;
    }

    private static Path idxLabels(Path file, int n) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte(i % 10);
            }
        }
        return file;
    }
}

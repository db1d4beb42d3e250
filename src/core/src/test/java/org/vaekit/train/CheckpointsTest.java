package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.VaekitException;
import org.vaekit.data.TrainingBatches;

class CheckpointsTest {
    @TempDir
    Path dir;

    static Checkpoint checkpoint(int epoch, int batch, int modelBytes) {
        byte[] model = new byte[modelBytes];
        Arrays.fill(model, (byte) epoch);
        return new Checkpoint(epoch, batch, 18 * epoch + batch, epoch, new long[] {7, -3},
                new TrainingBatches.Position(epoch + 1, new long[] {11, 12}, batch),
                new EpochCosts.Sums(1.25, 1.0, 0.25, 50L * batch, 0.5), Map.of("train-size", "900"), model);
    }

    @Test
    void roundTripsEveryFieldAndKeepsTheNewest() throws Exception {
        Checkpoints store = new Checkpoints(dir.resolve("checkpoints"), 2);
        Checkpoint c = checkpoint(3, 7, 1000);
        store.save(checkpoint(1, 0, 10));
        store.save(checkpoint(2, 0, 10));
        store.save(c);
        assertEquals(List.of("epoch-0002-batch-000000.ckpt", "epoch-0003-batch-000007.ckpt"), names(store));

        Checkpoint back = store.newest(line -> { throw new AssertionError(line); }).checkpoint();
        assertEquals(c.epoch(), back.epoch());
        assertEquals(c.batch(), back.batch());
        assertEquals(c.iterationCount(), back.iterationCount());
        assertArrayEquals(c.noiseRng(), back.noiseRng());
        assertEquals(c.data().passes(), back.data().passes());
        assertArrayEquals(c.data().binarizerRng(), back.data().binarizerRng());
        assertEquals(c.costs(), back.costs());
        assertEquals(c.dataFiles(), back.dataFiles());
        assertArrayEquals(c.model(), back.model());
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousWithAMessage() throws Exception {
        Checkpoints store = new Checkpoints(dir.resolve("checkpoints"), 5);
        store.save(checkpoint(1, 0, 5000));
        Path flipped = store.save(checkpoint(2, 0, 5000));
        Path truncated = store.save(checkpoint(2, 9, 5000));
        byte[] f = Files.readAllBytes(flipped);
        f[f.length / 2] ^= 0x40; // inside the model entry: its CRC-32 no longer matches
        Files.write(flipped, f);
        byte[] t = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(t, t.length / 2)); // as a crash without atomic writes would leave it

        List<String> warnings = new ArrayList<>();
        Checkpoints.Loaded loaded = store.newest(warnings::add);
        assertEquals("epoch-0001-batch-000000.ckpt", loaded.file().getFileName().toString());
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("skipping damaged checkpoint " + truncated), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("trying the previous one"), warnings.get(0));
        assertTrue(warnings.get(1).contains(flipped.toString()) && warnings.get(1).contains("CRC"), warnings.get(1));

        Files.write(loaded.file(), new byte[] {1, 2, 3});
        VaekitException none = assertThrows(VaekitException.class, () -> store.newest(w -> { }));
        assertTrue(none.getMessage().contains("no readable checkpoint in " + store.dir() + " (3 damaged)"),
                none.getMessage());
    }

    @Test
    void aFullDiskFailsWithAClearMessageAndKeepsEarlierCheckpoints() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(4096)
                .setMaxSize(64 * 1024).build())) {
            Checkpoints store = new Checkpoints(fs.getPath("/run/checkpoints"), 3);
            store.save(checkpoint(1, 0, 20_000));
            byte[] before = Files.readAllBytes(store.list().get(0));

            VaekitException e = assertThrows(VaekitException.class, () -> store.save(checkpoint(2, 0, 60_000)));
            assertTrue(e.getMessage().startsWith("cannot write checkpoint /run/checkpoints/epoch-0002-batch-000000"
                    + ".ckpt (out of disk space)"), e.getMessage());
            assertTrue(e.getMessage().endsWith("the earlier checkpoints in /run/checkpoints are kept"),
                    e.getMessage());
            try (Stream<Path> left = Files.list(store.dir())) {
                assertEquals(List.of("epoch-0001-batch-000000.ckpt"),
                        left.map(p -> p.getFileName().toString()).collect(Collectors.toList()), "no temp file left");
            }
            assertArrayEquals(before, Files.readAllBytes(store.list().get(0)));
            assertEquals(1, store.newest(w -> { }).checkpoint().epoch());
        }
    }

    @Test
    void anUnwritableCheckpointFolderFailsWithAClearMessage() throws Exception {
        Path blocked = Files.writeString(dir.resolve("checkpoints"), "a file where the folder should be");
        VaekitException e = assertThrows(VaekitException.class,
                () -> new Checkpoints(blocked, 3).save(checkpoint(1, 0, 10)));
        assertTrue(e.getMessage().startsWith("cannot write checkpoint " + blocked.resolve(
                "epoch-0001-batch-000000.ckpt")), e.getMessage());
        assertEquals("a file where the folder should be", Files.readString(blocked));
    }

    private static List<String> names(Checkpoints store) {
        return store.list().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
}

package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.cli.Main;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.IdxFile;
import org.vaekit.data.IdxRecordReader;
import org.vaekit.model.Vae;

/** Bad input each gives one line naming the file or key and what was expected, and loses nothing already written. */
class BadInputTest {
    @TempDir
    Path runs;

    private final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true);

    @Test
    void imageAndLabelCountsMustMatch() {
        IdxFile images = IdxFile.read(Fixtures.mnistMini().resolve("train-images-idx3-ubyte.gz"));
        IdxFile labels = IdxFile.read(Fixtures.mnistMini().resolve("t10k-labels-idx1-ubyte.gz"));
        VaekitException e = assertThrows(VaekitException.class,
                () -> new IdxRecordReader(images, labels, 0, -1, false, 1));
        assertTrue(e.getMessage().endsWith("train-images-idx3-ubyte.gz holds 1000 images but "
                + labels.path() + " holds 200 labels"), e.getMessage());
    }

    @Test
    void aChecksumMismatchStopsBeforeARunFolderIsMade() {
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=sums", "data.verify-checksums=true");
        VaekitException e = assertThrows(VaekitException.class, () -> VaeTrainer.of(cfg).train());
        assertTrue(e.getMessage().contains("-idx") && e.getMessage().contains(": SHA-256 ")
                && e.getMessage().contains("is not MNIST's"), e.getMessage());
        assertTrue(Files.notExists(runs.resolve("sums")));
    }

    @Test
    void corruptTruncatedAndMismatchedModelFilesAreNamed() throws Exception {
        VaeConfig cfg = Fixtures.miniConfig(runs);
        Vae vae = Vae.create(cfg.model(), 784, 1);
        Path good = runs.resolve("model.sdz");
        vae.save(good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = Files.write(runs.resolve("truncated.sdz"), Arrays.copyOf(bytes, bytes.length / 3));
        VaekitException t = assertThrows(VaekitException.class, () -> Vae.load(truncated, cfg.model()));
        assertTrue(t.getMessage().startsWith("model file " + truncated + " is corrupt or not a SameDiff model"),
                t.getMessage());

        Path text = Files.writeString(runs.resolve("notes.sdz"), "not a model at all");
        VaekitException n = assertThrows(VaekitException.class, () -> Vae.load(text, cfg.model()));
        assertTrue(n.getMessage().startsWith("model file " + text + " is corrupt"), n.getMessage());

        VaeConfig other = Fixtures.miniConfig(runs, "model.latent=5");
        VaekitException a = assertThrows(VaekitException.class, () -> Vae.load(good, other.model()));
        assertTrue(a.getMessage().contains("array 'W2_mu' has shape [64, 2] but the config's model needs [64, 5]"), a.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(good), "loading never changes the file");

        VaekitException size = assertThrows(VaekitException.class, () -> vae.encode(Nd4j.rand(3, 100)));
        assertEquals("input has shape [3, 100], the model expects [batch, 784]", size.getMessage());
    }

    @Test
    void resumeNeedsARunFolderWithACheckpointAndItsOwnConfig() throws Exception {
        VaekitException notRun = assertThrows(VaekitException.class,
                () -> VaeTrainer.resume(runs.resolve("nothing")));
        assertTrue(notRun.getMessage().endsWith("nothing is not a run folder (no config.conf)"), notRun.getMessage());

        Path dir = Files.createDirectories(runs.resolve("empty"));
        Files.writeString(dir.resolve(RunFolder.CONFIG), Fixtures.miniConfig(runs).render());
        VaekitException none = assertThrows(VaekitException.class, () -> VaeTrainer.resume(dir));
        assertEquals("no checkpoint in " + dir.resolve("checkpoints") + ": nothing to resume from",
                none.getMessage());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = Main.run("train", "--resume", dir.toString(), "--set", "train.epochs=9");
        } finally {
            System.setErr(saved);
        }
        assertEquals(2, code);
        assertEquals("error: --resume continues " + dir + " with its own config.conf: --config and --set cannot be"
                + " combined with it", err.toString().strip());
    }
}

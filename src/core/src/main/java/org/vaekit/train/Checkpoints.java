package org.vaekit.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vaekit.AtomicWrite;
import org.vaekit.VaekitException;

/**
 * A run's {@code checkpoints/} folder: {@code epoch-0003-batch-000012.ckpt} files written atomically, the newest
 * {@code keep} kept, and the newest readable one found again when resuming.
 */
final class Checkpoints {
    static final String DIR = "checkpoints";
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,9})-batch-(\\d{6,9})\\.ckpt");

    private final Path dir;
    private final int keep;

    Checkpoints(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    Path dir() {
        return dir;
    }

    /**
     * Writes {@code c} atomically, then deletes all but the newest {@code keep}. When writing fails (disk full,
     * folder not writable) nothing is deleted and the message names the file and the reason.
     */
    Path save(Checkpoint c) {
        Path file = dir.resolve(String.format(Locale.ROOT, "epoch-%04d-batch-%06d.ckpt", c.epoch(), c.batch()));
        try {
            Files.createDirectories(dir);
            AtomicWrite.bytes(file, c.toBytes());
        } catch (IOException | RuntimeException e) {
            throw new VaekitException("cannot write checkpoint " + file + " (" + describe(e) + "); the earlier "
                    + "checkpoints in " + dir + " are kept", e);
        }
        List<Path> all = list();
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                // an extra old checkpoint left behind does no harm
            }
        }
        return file;
    }

    /**
     * The newest checkpoint that reads back whole; each damaged newer one is reported through {@code warn}
     * and skipped.
     */
    Loaded newest(Consumer<String> warn) {
        List<Path> all = list();
        if (all.isEmpty()) {
            throw new VaekitException("no checkpoint in " + dir + ": nothing to resume from");
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            try {
                return new Loaded(file, Checkpoint.fromBytes(Files.readAllBytes(file), "checkpoint " + file));
            } catch (VaekitException | IOException e) {
                warn.accept("skipping damaged checkpoint " + file + ": " + e.getMessage()
                        + (i > 0 ? "; trying the previous one" : ""));
            }
        }
        throw new VaekitException("no readable checkpoint in " + dir + " (" + all.size() + " damaged)");
    }

    /** The checkpoint files, oldest first. */
    List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).forEach(out::add);
            out.sort(Comparator.comparing((Path f) -> position(f, 1)).thenComparing(f -> position(f, 2)));
            return out;
        } catch (IOException e) {
            throw new VaekitException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long position(Path file, int group) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        m.matches();
        return Long.parseLong(m.group(group));
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** A checkpoint read back, and its file. */
    record Loaded(Path file, Checkpoint checkpoint) {
    }
}

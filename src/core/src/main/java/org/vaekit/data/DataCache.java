package org.vaekit.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;

/**
 * The folder of files derived from data files (gunzipped IDX files, CSV and image tables), so that they can be
 * read by position. Each file is named by the SHA-256 of its inputs and reading settings: a changed input or
 * setting makes a new file, never a stale hit. Each is written whole to a temporary file, forced to disk and
 * renamed, so a crash never leaves half a file under its name and processes sharing the folder do not clash.
 */
public final class DataCache {
    private final Path dir;

    public DataCache(Path dir) {
        this.dir = dir;
    }

    /** The folder {@code data.cache-dir} names, or the user's cache folder when it is empty. */
    public static DataCache of(DataSettings s) {
        return new DataCache(s.cacheDir() != null ? s.cacheDir() : defaultDir());
    }

    /** {@code $XDG_CACHE_HOME/vaekit}, else {@code ~/.cache/vaekit}: per user, not under the working directory. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vaekit");
    }

    public Path dir() {
        return dir;
    }

    /** Writes a cache file's content into a fresh file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    /** The SHA-256 of the parts, each UTF-8 and ended by a NUL so that no two lists of parts collide. */
    static String key(Iterable<String> parts) {
        MessageDigest sha = DataFiles.sha256();
        for (String p : parts) {
            sha.update(p.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The cache file {@code name}, written by {@code writer} first when absent. A writer's failure (e.g. a
     * malformed input) leaves no file behind and is passed on as it is.
     */
    public Path file(String name, Writer writer) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
            writer.write(tmp);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new VaekitException("cannot write " + (tmp != null ? tmp : target) + " in the data cache "
                    + "(data.cache-dir): " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a leftover temporary file is harmless: it is never read under a cache name
                }
            }
        }
    }
}

package org.vaekit.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.RunSettings;
import org.vaekit.config.VaeConfig;

/**
 * A run's folder, {@code runs/<name>/}: the resolved config, metrics.csv, the model, the log and the
 * provenance. Created fresh; an existing folder is never reused or overwritten.
 */
public final class RunFolder {
    public static final String CONFIG = "config.conf";
    public static final String METRICS = "metrics.csv";
    public static final String MODEL = "model.sdz";
    public static final String LOG = "train.log";
    public static final String PROVENANCE = "run.json";

    private static final Logger LOGGER = LoggerFactory.getLogger(RunFolder.class);

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates {@code run.dir/run.name}, or {@code run.dir/<label>-<date>-<time>} when no name is set. */
    public static RunFolder create(RunSettings run, String label) {
        String name = run.name().isBlank()
                ? label + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                : run.name();
        if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new VaekitException("config: key 'run.name' = \"" + name + "\" is invalid: expected a plain folder name");
        }
        if (run.dir() == null) {
            throw new VaekitException("config: key 'run.dir' is not set: expected the folder to create run folders"
                    + " in, e.g. runs");
        }
        Path dir = run.dir().resolve(name);
        try {
            Files.createDirectories(run.dir());
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new VaekitException("run folder " + dir + " already exists: it is kept as it is; set another run.name"
                    + " (e.g. --set run.name=" + name + "-2)");
        } catch (IOException e) {
            throw new VaekitException("cannot create run folder " + dir + ": " + e.getMessage(), e);
        }
        return new RunFolder(dir);
    }

    /** An existing run folder, e.g. to evaluate it. */
    public static RunFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new VaekitException(dir + " is not a run folder (no " + CONFIG + ")");
        }
        return new RunFolder(dir);
    }

    /** The configuration the run was made with (its config.conf). */
    public VaeConfig config() {
        return ConfigLoader.load(file(CONFIG), List.of());
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Logs a line (SLF4J, INFO) and appends it to the run's train.log. */
    public void log(String line) {
        LOGGER.info(line);
        write(LOG, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Writes a whole file of the run folder. */
    public void write(String name, String text) {
        write(name, text, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Appends a line to a file of the run folder, e.g. a metrics row. */
    public void appendLine(String name, String line) {
        write(name, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void write(String name, String text, StandardOpenOption... options) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new VaekitException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}

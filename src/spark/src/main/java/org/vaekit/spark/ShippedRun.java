package org.vaekit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.DataSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.data.HeldOutLabels;
import org.vaekit.model.Vae;
import org.vaekit.train.RunFolder;
import org.vaekit.train.TrainedRun;

/**
 * What every executor needs of a trained run, in one broadcast: the model's bytes, the run's config, the config
 * naming the data to read and the files the run learned from its data (the CSV min/max scaling). Executors do not
 * read the run folder; they read the data from the paths its config names.
 *
 * @param model       the bytes of the run's model.sdz
 * @param origin      what the model is, for messages
 * @param runConfig   the run's resolved config (HOCON)
 * @param dataConfig  the resolved config whose data.* keys name the data (the run's own, or a --data file's)
 * @param ownData     whether the data is the run's own: its training split then leaves out data.exclude-labels
 * @param learned     run folder files by name that opening the data reuses, or null to learn afresh
 * @param description what the data is, for messages, e.g. "the run's data (data.source = mnist)"
 */
public record ShippedRun(byte[] model, String origin, String runConfig, String dataConfig, boolean ownData,
                         Map<String, byte[]> learned, String description) implements Serializable {

    /** The run's own data. */
    public static ShippedRun of(TrainedRun run) {
        return new ShippedRun(modelBytes(run), "model file " + run.folder().file(RunFolder.MODEL),
                run.config().render(), run.config().render(), true, learnedFiles(run.folder().dir()),
                "the run's data (data.source = " + run.config().data().source() + ")");
    }

    /** The data a config file names; the run's learned scaling is reused only when the run learned one. */
    public static ShippedRun of(TrainedRun run, Path dataConf) {
        VaeConfig data = ConfigLoader.load(dataConf, List.of());
        return new ShippedRun(modelBytes(run), "model file " + run.folder().file(RunFolder.MODEL),
                run.config().render(), data.render(), false,
                DataSources.learnsFromData(run.config().data()) ? learnedFiles(run.folder().dir()) : null,
                "the data of " + dataConf);
    }

    /** The model, opened from the shipped bytes. */
    public Vae vae() {
        return Vae.fromBytes(model, origin, ConfigLoader.fromString(runConfig, List.of()).model());
    }

    /** The data.* settings (binarization, paths) of the data to read. */
    public DataSettings data() {
        return ConfigLoader.fromString(dataConfig, List.of()).data();
    }

    /** The data opened as the single-JVM encode and score open it. */
    public DataSource source() {
        DataSource source = learned == null ? DataSources.open(data(), null) : openReusingLearned();
        return ownData ? HeldOutLabels.of(source, ConfigLoader.fromString(runConfig, List.of()).data()
                .excludeLabels()) : source;
    }

    /** Opens the data with the learned files in a scratch folder, which they need only while the source opens. */
    private DataSource openReusingLearned() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vaekit-learned");
            for (Map.Entry<String, byte[]> file : learned.entrySet()) {
                Files.write(dir.resolve(file.getKey()), file.getValue());
            }
            return DataSources.open(data(), dir);
        } catch (IOException e) {
            throw new VaekitException("cannot write the run's learned files to a scratch folder: " + e.getMessage(),
                    e);
        } finally {
            if (dir != null) {
                FileUtils.deleteQuietly(dir.toFile());
            }
        }
    }

    private static byte[] modelBytes(TrainedRun run) {
        Path file = run.folder().file(RunFolder.MODEL);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaekitException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> learnedFiles(Path runDir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : DataSources.LEARNED_FILES) {
            Path file = runDir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    files.put(name, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new VaekitException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return files;
    }
}

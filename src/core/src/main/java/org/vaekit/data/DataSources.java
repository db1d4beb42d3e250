package org.vaekit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;
import org.vaekit.config.SplitSettings;

/** Opens the data source {@code data.source} names: mnist, idx, csv or images. */
public final class DataSources {
    /**
     * The files of a run folder that {@link #open(DataSettings, Path)} reads: what training learned from its data.
     * A program that opens the data elsewhere (on a cluster's executors) ships these with the model.
     */
    public static final List<String> LEARNED_FILES = List.of(FeatureScaler.FILE);

    private DataSources() {
    }

    /** Opens the source for training: anything learned from data (e.g. feature scaling) is learned afresh. */
    public static DataSource open(DataSettings s) {
        return open(s, null);
    }

    /**
     * Opens the source; with a run folder, what that run learned from its training split (e.g. the CSV feature
     * scaling) is reused rather than learned again.
     *
     * @param runDir a run folder written by training, or null
     */
    public static DataSource open(DataSettings s, Path runDir) {
        switch (s.source()) {
            case "mnist":
                return MnistSource.prepare(s);
            case "idx":
                return IdxSource.open(s);
            case "csv":
                return TableSource.of(s, new CsvTableReader(s.csv()), Optional.of(FeatureScaler.of(s.csv(), runDir)));
            case "images":
                return TableSource.of(s, new ImageFolderReader(s.images()), Optional.empty());
            default:
                throw new VaekitException("config: key 'data.source' = " + s.source()
                        + " is invalid: expected one of mnist, idx, csv, images");
        }
    }

    /** Whether opening the source learns something from the training split (the CSV min/max scaling). */
    public static boolean learnsFromData(DataSettings s) {
        return s.source().equals("csv") && s.csv().scale() == FeatureScaling.MINMAX;
    }

    /**
     * The SHA-256 of each listed file, and of each listed folder's files (taken in sorted path order); paths that
     * do not exist are left out, for the reader to report in its own words.
     */
    static Map<String, String> digests(SplitSettings splits) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<Path> files : List.of(splits.train(), splits.validation(), splits.test())) {
            for (Path f : files) {
                if (Files.exists(f)) {
                    out.put(f.toString(), sha256(f));
                }
            }
        }
        return out;
    }

    private static String sha256(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return DataFiles.sha256(path);
            }
            MessageDigest sha = DataFiles.sha256();
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    sha.update(path.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new VaekitException(path + ": cannot read: " + e.getMessage(), e);
        }
    }
}

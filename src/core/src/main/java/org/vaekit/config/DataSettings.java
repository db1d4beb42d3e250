package org.vaekit.config;

import java.nio.file.Path;
import java.util.List;
import org.vaekit.data.Binarization;

/**
 * Which data to read and how to present it to the model.
 *
 * @param source         mnist, idx, csv or images
 * @param dir            mnist only: the folder of the four IDX files; null when not set
 * @param trainSize      first N training examples, 0 for all of them
 * @param validationSize mnist only: last N images of the training file held out for validation
 * @param testSize       first N test examples, 0 for all of them
 * @param evalSeed       seed of the one-off binarization of validation and test
 * @param splits         files per split for the idx, csv and images sources
 * @param cacheDir       where files derived from the data go (gunzipped IDX files, CSV and image tables); null
 *                       for the user's cache folder (see {@code DataCache})
 * @param inMemory       read the data into the heap rather than through the file system
 * @param excludeLabels  labels whose examples are left out of the training split (validation and test keep them)
 */
public record DataSettings(String source, Path dir, boolean fetch, boolean verifyChecksums,
                           int trainSize, int validationSize, int testSize,
                           Binarization binarization, double threshold, boolean shuffle, long evalSeed,
                           SplitSettings splits, CsvSettings csv, ImageSettings images, Path cacheDir,
                           boolean inMemory, List<Integer> excludeLabels) {
    public DataSettings {
        excludeLabels = List.copyOf(excludeLabels);
    }

    /** These settings with {@code data.in-memory} set to {@code inMemory}. */
    public DataSettings withInMemory(boolean inMemory) {
        return new DataSettings(source, dir, fetch, verifyChecksums, trainSize, validationSize, testSize, binarization,
                threshold, shuffle, evalSeed, splits, csv, images, cacheDir, inMemory, excludeLabels);
    }

    static DataSettings from(Settings s) {
        return new DataSettings(
                s.oneOf("data.source", "mnist", "idx", "csv", "images"),
                s.optionalPath("data.dir"),
                s.bool("data.fetch"),
                s.bool("data.verify-checksums"),
                s.intAtLeast("data.train-size", 0),
                s.intAtLeast("data.validation-size", 1),
                s.intAtLeast("data.test-size", 0),
                s.enumValue("data.binarization", Binarization.class),
                s.doubleIn("data.threshold", 0, true, 1, true),
                s.bool("data.shuffle"),
                s.longValue("data.eval-seed"),
                SplitSettings.from(s),
                CsvSettings.from(s),
                ImageSettings.from(s),
                s.optionalPath("data.cache-dir"),
                s.bool("data.in-memory"),
                s.intList("data.exclude-labels", 0));
    }
}

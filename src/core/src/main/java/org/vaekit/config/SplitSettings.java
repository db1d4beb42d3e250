package org.vaekit.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the idx, csv and images sources find each split: explicit files per split, or shares of the training
 * files cut off after a seeded shuffle when a split has no files of its own.
 *
 * @param train              training files (idx: images then labels; csv: one or more files; images: folders)
 * @param validation         validation files, or empty to cut {@code validationFraction} of the training data
 * @param test               test files, or empty to cut {@code testFraction} of the training data
 * @param seed               seed of the shuffle that decides which examples go to which split
 */
public record SplitSettings(List<Path> train, List<Path> validation, List<Path> test, double validationFraction,
                            double testFraction, long seed) {
    public SplitSettings {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    static SplitSettings from(Settings s) {
        return new SplitSettings(
                s.pathList("data.train"),
                s.pathList("data.validation"),
                s.pathList("data.test"),
                s.doubleIn("data.validation-fraction", 0, true, 1, false),
                s.doubleIn("data.test-fraction", 0, true, 1, false),
                s.longValue("data.split-seed"));
    }
}

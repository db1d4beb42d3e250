package org.vaekit.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;
import org.vaekit.config.SplitSettings;

/**
 * Decides which examples form each split for the idx, csv and images sources: a split with files of its own reads
 * them all; the splits without are cut from the training files after a shuffle seeded by {@code data.split-seed};
 * then {@code data.train-size} and {@code data.test-size} keep the first N of their split.
 */
final class SplitCut {
    /** The examples of one split: items of a loaded dataset. */
    record Part<T>(T data, int[] items) {
    }

    private SplitCut() {
    }

    /**
     * Loads the files of every split with {@code read} and cuts the splits that have none from the training data.
     *
     * @param count number of examples in loaded data
     */
    static <T> Map<Split, Part<T>> parts(DataSettings s, Function<List<Path>, T> read, ToIntFunction<T> count) {
        SplitSettings f = s.splits();
        if (f.train().isEmpty()) {
            throw new VaekitException("config: key 'data.train' is empty: data.source = " + s.source()
                    + " needs the training files, e.g. data.train = [\"my-data.csv.gz\"]");
        }
        T train = read.apply(f.train());
        int n = count.applyAsInt(train);
        if (n == 0) {
            throw new VaekitException(String.join(", ", f.train().stream().map(Path::toString).toList())
                    + ": no examples found (data.train)");
        }
        int nValidation = f.validation().isEmpty() ? (int) Math.round(n * f.validationFraction()) : 0;
        int nTest = f.test().isEmpty() ? (int) Math.round(n * f.testFraction()) : 0;
        int[] shuffled = shuffled(n, f.seed());
        Map<Split, Part<T>> parts = new EnumMap<>(Split.class);
        parts.put(Split.VALIDATION, f.validation().isEmpty()
                ? new Part<>(train, sorted(shuffled, 0, nValidation)) : whole(read.apply(f.validation()), count));
        parts.put(Split.TEST, f.test().isEmpty()
                ? new Part<>(train, sorted(shuffled, nValidation, nValidation + nTest))
                : whole(read.apply(f.test()), count));
        parts.put(Split.TRAIN, nValidation + nTest == 0 ? whole(train, count)
                : new Part<>(train, sorted(shuffled, nValidation + nTest, n)));
        cap(parts, Split.TRAIN, "data.train-size", s.trainSize());
        cap(parts, Split.TEST, "data.test-size", s.testSize());
        for (Split split : Split.values()) {
            if (parts.get(split).items().length == 0) {
                throw new VaekitException(emptySplit(split, f, n));
            }
        }
        return parts;
    }

    private static String emptySplit(Split split, SplitSettings f, int n) {
        if (split == Split.TRAIN) {
            return "the train split is empty: data.validation-fraction + data.test-fraction leave none of the " + n
                    + " examples of data.train for training";
        }
        String key = split == Split.VALIDATION ? "validation" : "test";
        if (!(split == Split.VALIDATION ? f.validation() : f.test()).isEmpty()) {
            return "the " + key + " split is empty: its files (data." + key + ") hold no examples";
        }
        return "the " + key + " split is empty: data." + key + "-fraction of the " + n
                + " examples of data.train rounds to 0; raise it or list files in data." + key;
    }

    private static <T> Part<T> whole(T data, ToIntFunction<T> count) {
        return new Part<>(data, IntStream.range(0, count.applyAsInt(data)).toArray());
    }

    private static <T> void cap(Map<Split, Part<T>> parts, Split split, String key, int size) {
        Part<T> part = parts.get(split);
        if (size > part.items().length) {
            throw new VaekitException("config: key '" + key + "' = " + size + " exceeds the " + part.items().length
                    + " examples of the " + split.label() + " split (0 = all of them)");
        }
        if (size > 0) {
            parts.put(split, new Part<>(part.data(), Arrays.copyOf(part.items(), size)));
        }
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = IntStream.range(0, n).toArray();
        Random rng = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static int[] sorted(int[] order, int from, int to) {
        int[] part = Arrays.copyOfRange(order, from, to);
        Arrays.sort(part);
        return part;
    }
}

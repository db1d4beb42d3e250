package org.vaekit.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;
import org.vaekit.data.MnistFetcher.MnistFile;

/**
 * MNIST split as the assignment's {@code mnist.pkl.gz}: train = the first images of the training file,
 * validation = its last {@code data.validation-size} (10,000), test = the test file.
 */
public final class MnistSource implements DataSource {
    private final Map<MnistFile, IdxFile> files;
    private final int trainSize;
    private final int validationSize;
    private final int testSize;

    private MnistSource(Map<MnistFile, IdxFile> files, DataSettings s) {
        this.files = files;
        int trainFile = files.get(MnistFile.TRAIN_IMAGES).count();
        int testFile = files.get(MnistFile.TEST_IMAGES).count();
        String trainPath = files.get(MnistFile.TRAIN_IMAGES).path().toString();
        if (s.validationSize() >= trainFile) {
            throw new VaekitException("config: key 'data.validation-size' = " + s.validationSize()
                    + " leaves no training images in " + trainPath + " (" + trainFile + " images)");
        }
        int available = trainFile - s.validationSize();
        if (s.trainSize() > available) {
            throw new VaekitException("config: key 'data.train-size' = " + s.trainSize() + " exceeds the "
                    + available + " training images (" + trainPath + " minus data.validation-size)");
        }
        if (s.testSize() > testFile) {
            throw new VaekitException("config: key 'data.test-size' = " + s.testSize() + " exceeds the "
                    + testFile + " images of " + files.get(MnistFile.TEST_IMAGES).path());
        }
        this.validationSize = s.validationSize();
        this.trainSize = s.trainSize() == 0 ? available : s.trainSize();
        this.testSize = s.testSize() == 0 ? testFile : s.testSize();
    }

    /** Finds (or fetches) the four files in {@code data.dir}, reads them and checks their checksums. */
    public static MnistSource prepare(DataSettings s) {
        if (s.dir() == null) {
            throw new VaekitException("config: key 'data.dir' is not set: expected the folder of the MNIST IDX files"
                    + " (data.source = mnist), e.g. data/mnist");
        }
        Map<MnistFile, Path> paths = MnistFetcher.locateOrFetch(s.dir(), s.fetch());
        Map<MnistFile, IdxFile> files = new EnumMap<>(MnistFile.class);
        for (Map.Entry<MnistFile, Path> e : paths.entrySet()) {
            IdxFile file = IdxSource.open(e.getValue(), s);
            if (s.verifyChecksums() && !file.sha256().equals(e.getKey().sha256)) {
                throw new VaekitException(e.getValue() + ": SHA-256 " + file.sha256() + " is not MNIST's "
                        + e.getKey().sha256 + " (replace the file, or set data.verify-checksums = false for other IDX data)");
            }
            files.put(e.getKey(), file);
        }
        int trainItem = files.get(MnistFile.TRAIN_IMAGES).itemSize();
        int testItem = files.get(MnistFile.TEST_IMAGES).itemSize();
        if (trainItem != testItem) {
            throw new VaekitException(paths.get(MnistFile.TEST_IMAGES) + " has " + testItem + " pixels per image but "
                    + paths.get(MnistFile.TRAIN_IMAGES) + " has " + trainItem);
        }
        return new MnistSource(files, s);
    }

    @Override
    public int inputSize() {
        return files.get(MnistFile.TRAIN_IMAGES).itemSize();
    }

    @Override
    public Labels labels() {
        return Labels.numbered("digit");
    }

    @Override
    public int numClasses() {
        return 10;
    }

    @Override
    public int size(Split split) {
        switch (split) {
            case TRAIN:
                return trainSize;
            case VALIDATION:
                return validationSize;
            default:
                return testSize;
        }
    }

    @Override
    public IdxRecordReader reader(Split split, boolean shuffle, long seed) {
        IdxFile trainImages = files.get(MnistFile.TRAIN_IMAGES);
        IdxFile trainLabels = files.get(MnistFile.TRAIN_LABELS);
        switch (split) {
            case TRAIN:
                return new IdxRecordReader(trainImages, trainLabels, 0, trainSize, shuffle, seed);
            case VALIDATION:
                int n = trainImages.count();
                return new IdxRecordReader(trainImages, trainLabels, n - validationSize, n, shuffle, seed);
            default:
                return new IdxRecordReader(files.get(MnistFile.TEST_IMAGES), files.get(MnistFile.TEST_LABELS), 0,
                        testSize, shuffle, seed);
        }
    }

    /** Unsigned bytes over 255 lie in [0,1]. */
    @Override
    public ValueRange valueRange(Split split) {
        return new ValueRange(0, 1);
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", "mnist");
        for (IdxFile f : files.values()) {
            p.put(f.path().getFileName().toString(), f.sha256());
        }
        for (Split split : Split.values()) {
            p.put(split.label() + "-size", String.valueOf(size(split)));
        }
        return p;
    }
}

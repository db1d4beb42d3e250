package org.vaekit.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;
import org.vaekit.data.SplitCut.Part;

/**
 * Any IDX image/label pair (MNIST's format, also Fashion-MNIST, KMNIST, EMNIST), raw or gzipped: each split's
 * files are {@code [images, labels]}; the image size comes from the header. Examples are read from the files as
 * they are needed.
 */
public final class IdxSource implements DataSource {
    /** An image file and its label file. */
    record Pair(IdxFile images, IdxFile labels) {
    }

    private final Map<Split, Part<Pair>> parts;
    private final int numClasses;
    private final Map<String, String> provenance;

    private IdxSource(Map<Split, Part<Pair>> parts, int numClasses, Map<String, String> provenance) {
        this.parts = parts;
        this.numClasses = numClasses;
        this.provenance = provenance;
    }

    /** Reads the splits' files as {@code data.train}, {@code data.validation} and {@code data.test} list them. */
    public static IdxSource open(DataSettings s) {
        Map<Split, Part<Pair>> parts = new EnumMap<>(SplitCut.parts(s, files -> read(files, s),
                p -> p.images().count()));
        IdxFile train = parts.get(Split.TRAIN).data().images();
        int classes = 0;
        for (Split split : Split.values()) {
            IdxFile images = parts.get(split).data().images();
            if (images.itemSize() != train.itemSize()) {
                throw new VaekitException(images.path() + " has " + images.itemSize() + " pixels per image but "
                        + train.path() + " has " + train.itemSize());
            }
            classes = Math.max(classes, IdxRecordReader.numClasses(parts.get(split).data().labels()));
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", "idx");
        for (Part<Pair> part : parts.values()) {
            for (IdxFile f : List.of(part.data().images(), part.data().labels())) {
                p.put(f.path().toString(), f.sha256());
            }
        }
        for (Split split : Split.values()) {
            p.put(split.label() + "-size", String.valueOf(parts.get(split).items().length));
        }
        return new IdxSource(parts, classes, p);
    }

    private static Pair read(List<Path> files, DataSettings s) {
        if (files.size() != 2) {
            throw new VaekitException("data.source = idx needs two files per split, [images, labels], got "
                    + files.size() + ": " + files);
        }
        IdxFile images = open(files.get(0), s);
        IdxFile labels = open(files.get(1), s);
        IdxRecordReader.requirePair(images, labels);
        return new Pair(images, labels);
    }

    /** Opens an IDX file to be read through the file system, or with {@code data.in-memory} from a heap copy. */
    static IdxFile open(Path file, DataSettings s) {
        IdxFile f = IdxFile.open(file, DataCache.of(s));
        return s.inMemory() ? f.inHeap() : f;
    }

    @Override
    public int inputSize() {
        return parts.get(Split.TRAIN).data().images().itemSize();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int size(Split split) {
        return parts.get(split).items().length;
    }

    @Override
    public IdxRecordReader reader(Split split, boolean shuffle, long seed) {
        Part<Pair> part = parts.get(split);
        return new IdxRecordReader(part.data().images(), part.data().labels(), part.items(), numClasses, shuffle,
                seed);
    }

    /** Unsigned bytes over 255 lie in [0,1]. */
    @Override
    public ValueRange valueRange(Split split) {
        return new ValueRange(0, 1);
    }

    @Override
    public Map<String, String> provenance() {
        return provenance;
    }
}

package org.vaekit.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;
import org.vaekit.data.SplitCut.Part;

/**
 * The csv and images sources: each split's files converted in one streaming pass into a {@link Table} file in the
 * {@link DataCache} (named by the SHA-256 of the files and the reading settings, so later runs skip the
 * conversion), then read by row as batches need them. Labels are unified over the splits and every split has the
 * same number of values per example.
 */
public final class TableSource implements DataSource {
    /** Reads a split's files into a table file. */
    interface Reader {
        /** What the table depends on besides the files' bytes, e.g. the separator and the label column. */
        String describe();

        void read(List<Path> files, TableWriter out) throws IOException;
    }

    private final Map<Split, Part<Table>> parts;
    private final Map<Table, int[]> classIndex;
    private final List<String> classes;
    private final Map<String, String> provenance;
    private final FeatureScaler scaler;
    private final Map<Split, ValueRange> ranges = new EnumMap<>(Split.class);

    private TableSource(Map<Split, Part<Table>> parts, Map<Table, int[]> classIndex, List<String> classes,
                        Map<String, String> provenance, FeatureScaler scaler) {
        this.parts = parts;
        this.classIndex = classIndex;
        this.classes = classes;
        this.provenance = provenance;
        this.scaler = scaler;
    }

    /** Converts (or finds) the splits' tables, cuts and unifies them; {@code scaler} is fitted on the training split. */
    static TableSource of(DataSettings s, Reader reader, Optional<FeatureScaler> scaler) {
        Map<String, String> digests = DataSources.digests(s.splits());
        DataCache cache = DataCache.of(s);
        Map<Split, Part<Table>> parts = SplitCut.parts(s, files -> table(files, digests, reader, cache, s.inMemory()),
                Table::size);
        TreeSet<String> names = new TreeSet<>();
        parts.values().forEach(p -> names.addAll(p.data().classes()));
        List<String> classes = Table.sortedClasses(names);
        Map<Table, int[]> classIndex = new LinkedHashMap<>();
        for (Part<Table> part : parts.values()) {
            classIndex.put(part.data(), part.data().classes().stream().mapToInt(classes::indexOf).toArray());
        }
        Table train = parts.get(Split.TRAIN).data();
        for (Split split : Split.values()) {
            Table t = parts.get(split).data();
            if (t.width() != train.width()) {
                throw new VaekitException(t.origin() + " (" + split.label() + ") has " + t.width()
                        + " values per example but " + train.origin() + " (train) has " + train.width());
            }
        }
        FeatureScaler fitted = scaler.map(sc -> sc.fitted(train, parts.get(Split.TRAIN).items())).orElse(null);
        if (fitted != null) {
            fitted.requireWidth(train.width(), train.origin());
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", s.source());
        p.putAll(digests);
        for (Split split : Split.values()) {
            p.put(split.label() + "-size", String.valueOf(parts.get(split).items().length));
        }
        p.put("classes", String.join(",", classes));
        return new TableSource(parts, classIndex, classes, p, fitted);
    }

    /** The table of {@code files}: from the cache, or converted into it first. */
    private static Table table(List<Path> files, Map<String, String> digests, Reader reader, DataCache cache,
                               boolean inMemory) {
        List<String> key = new ArrayList<>(List.of(reader.describe()));
        files.forEach(f -> key.add(digests.getOrDefault(f.toString(), "missing " + f)));
        Path file = cache.file("table-" + DataCache.key(key) + ".vktb", tmp -> {
            try (TableWriter out = new TableWriter(tmp)) {
                reader.read(files, out);
            }
        });
        Table t = Table.open(file, String.join(", ", files.stream().map(Path::toString).toList()));
        return inMemory ? t.inHeap() : t;
    }

    @Override
    public int inputSize() {
        return parts.get(Split.TRAIN).data().width();
    }

    @Override
    public Labels labels() {
        return new Labels("label", classes);
    }

    @Override
    public int numClasses() {
        return classes.size();
    }

    @Override
    public int size(Split split) {
        return parts.get(split).items().length;
    }

    @Override
    public TableRecordReader reader(Split split, boolean shuffle, long seed) {
        Part<Table> part = parts.get(split);
        return new TableRecordReader(part.data(), part.items(), classIndex.get(part.data()), classes.size(),
                scaler == null ? null : scaler.transform(part.data().width()), shuffle, seed);
    }

    /** The smallest and largest scaled value of the split, from one pass over it (then remembered). */
    @Override
    public synchronized ValueRange valueRange(Split split) {
        return ranges.computeIfAbsent(split, sp -> {
            TableRecordReader r = reader(sp, false, 0);
            float[] row = new float[r.itemSize()];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int item : parts.get(sp).items()) {
                r.copyFeatures(item, row, 0);
                for (float v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            return new ValueRange(min, max);
        });
    }

    @Override
    public void saveLearned(Path dir) {
        if (scaler != null) {
            scaler.save(dir);
        }
    }

    @Override
    public Map<String, String> provenance() {
        return provenance;
    }
}

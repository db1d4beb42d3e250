package org.vaekit.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.vaekit.VaekitException;
import org.vaekit.config.DataSettings;
import org.vaekit.data.SplitCut.Part;

/**
 * A dataset held in memory as one {@link Table} per split (the csv and images sources), labels unified over the
 * splits, every split with the same number of values per example.
 */
public final class TableSource implements DataSource {
    private final Map<Split, Table> tables;
    private final Map<String, String> provenance;
    private final FeatureScaler scaler;

    TableSource(Map<Split, Table> tables, Map<String, String> provenance, FeatureScaler scaler) {
        this.tables = tables;
        this.provenance = provenance;
        this.scaler = scaler;
    }

    /** Reads the splits with {@code reader}, cuts and unifies them; {@code scaler} is fitted on the training split. */
    static TableSource of(DataSettings s, Function<List<Path>, Table> reader, Optional<FeatureScaler> scaler) {
        Map<Split, Part<Table>> parts = SplitCut.parts(s, reader, Table::size);
        TreeSet<String> names = new TreeSet<>();
        parts.values().forEach(p -> names.addAll(p.data().classes()));
        List<String> classes = Table.sortedClasses(names);
        Map<Split, Table> tables = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            Part<Table> part = parts.get(split);
            tables.put(split, part.data().select(part.items()).withClasses(classes));
        }
        Table train = tables.get(Split.TRAIN);
        for (Split split : Split.values()) {
            Table t = tables.get(split);
            if (t.width() != train.width()) {
                throw new VaekitException(t.origin() + " (" + split.label() + ") has " + t.width()
                        + " values per example but " + train.origin() + " (train) has " + train.width());
            }
        }
        FeatureScaler fitted = scaler.map(sc -> sc.fitted(train)).orElse(null);
        if (fitted != null) {
            tables.replaceAll((split, t) -> fitted.apply(t));
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", s.source());
        p.putAll(DataSources.digests(s.splits()));
        for (Split split : Split.values()) {
            p.put(split.label() + "-size", String.valueOf(tables.get(split).size()));
        }
        p.put("classes", String.join(",", classes));
        return new TableSource(tables, p, fitted);
    }

    /** The table of a split (scaled). */
    public Table table(Split split) {
        return tables.get(split);
    }

    @Override
    public int inputSize() {
        return tables.get(Split.TRAIN).width();
    }

    @Override
    public Labels labels() {
        return new Labels("label", tables.get(Split.TRAIN).classes());
    }

    @Override
    public int numClasses() {
        return tables.get(Split.TRAIN).classes().size();
    }

    @Override
    public int size(Split split) {
        return tables.get(split).size();
    }

    @Override
    public TableRecordReader reader(Split split, boolean shuffle, long seed) {
        Table t = tables.get(split);
        return new TableRecordReader(t, shuffle, seed);
    }

    @Override
    public ValueRange valueRange(Split split) {
        return tables.get(split).valueRange();
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

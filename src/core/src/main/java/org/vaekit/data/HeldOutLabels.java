package org.vaekit.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.datavec.api.records.reader.RecordReader;
import org.vaekit.VaekitException;

/**
 * A source whose training split lacks the examples of some labels ({@code data.exclude-labels}), e.g. to train on
 * all digits but one and score the held-out digit as an anomaly. Validation and test are left whole.
 */
public final class HeldOutLabels implements DataSource {
    private final DataSource source;
    private final Set<Integer> excluded;
    private final int trainSize;

    private HeldOutLabels(DataSource source, Set<Integer> excluded, int trainSize) {
        this.source = source;
        this.excluded = excluded;
        this.trainSize = trainSize;
    }

    /**
     * {@code source} without the {@code labels} in its training split; {@code source} itself when the list is empty.
     * Counts the training split once; refuses unlabelled data, unknown labels and an emptied training split.
     */
    public static DataSource of(DataSource source, List<Integer> labels) {
        if (labels.isEmpty()) {
            return source;
        }
        if (source.numClasses() == 0) {
            throw new VaekitException("config: key 'data.exclude-labels' = " + labels + " needs labelled data, but"
                    + " this source has no labels");
        }
        for (int label : labels) {
            if (label >= source.numClasses()) {
                throw new VaekitException("config: key 'data.exclude-labels' = " + labels + " is invalid: label "
                        + label + " is not one of the source's " + source.numClasses() + " labels (0 to "
                        + (source.numClasses() - 1) + ")");
            }
        }
        Set<Integer> excluded = new TreeSet<>(labels);
        RecordReader reader = new LabelFilterReader(source.reader(Split.TRAIN, false, 0), excluded);
        int kept = 0;
        while (reader.hasNext()) {
            reader.next();
            kept++;
        }
        if (kept == 0) {
            throw new VaekitException("config: key 'data.exclude-labels' = " + labels + " leaves no training"
                    + " examples");
        }
        return new HeldOutLabels(source, excluded, kept);
    }

    @Override
    public int inputSize() {
        return source.inputSize();
    }

    @Override
    public int numClasses() {
        return source.numClasses();
    }

    @Override
    public Labels labels() {
        return source.labels();
    }

    @Override
    public int size(Split split) {
        return split == Split.TRAIN ? trainSize : source.size(split);
    }

    @Override
    public RecordReader reader(Split split, boolean shuffle, long seed) {
        RecordReader reader = source.reader(split, shuffle, seed);
        return split == Split.TRAIN ? new LabelFilterReader(reader, excluded) : reader;
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>(source.provenance());
        p.put("train-excluded-labels", excluded.toString());
        p.put("train-size", String.valueOf(trainSize));
        return p;
    }

    /** The bounds of the whole split: still bounds of what is left of it. */
    @Override
    public ValueRange valueRange(Split split) {
        return source.valueRange(split);
    }

    @Override
    public void saveLearned(java.nio.file.Path runDir) {
        source.saveLearned(runDir);
    }
}

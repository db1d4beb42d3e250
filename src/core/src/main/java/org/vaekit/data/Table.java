package org.vaekit.data;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Examples held in memory: one row of features per example and its label's index into {@code classes}
 * (empty when the data has no labels; every label is then 0).
 *
 * @param origin where the rows came from, for messages
 */
public record Table(String origin, float[][] rows, int[] labels, List<String> classes) {
    public Table {
        classes = List.copyOf(classes);
    }

    /** A table whose labels are given by name (an empty list: no labels); classes are the sorted distinct names. */
    public static Table labelled(String origin, float[][] rows, List<String> labelNames) {
        if (labelNames.isEmpty()) {
            return new Table(origin, rows, new int[rows.length], List.of());
        }
        List<String> classes = sortedClasses(labelNames);
        return new Table(origin, rows, indices(labelNames, classes), classes);
    }

    /** The same rows with labels indexing {@code allClasses}, a superset of this table's classes. */
    public Table withClasses(List<String> allClasses) {
        if (classes.isEmpty()) {
            return this;
        }
        return new Table(origin, rows, indices(Arrays.stream(labels).mapToObj(classes::get).toList(), allClasses),
                allClasses);
    }

    private static int[] indices(List<String> names, List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        return names.stream().mapToInt(index::get).toArray();
    }

    /** Distinct names sorted as numbers when they all are whole numbers, else alphabetically. */
    public static List<String> sortedClasses(Collection<String> names) {
        boolean numeric = names.stream().allMatch(n -> n.matches("-?\\d{1,9}"));
        Comparator<String> order = numeric ? Comparator.comparingInt(Integer::parseInt) : Comparator.naturalOrder();
        return names.stream().distinct().sorted(order).toList();
    }

    public int size() {
        return rows.length;
    }

    /** Values per row; 0 for an empty table. */
    public int width() {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    /** The rows at {@code items}, in that order (rows are shared, not copied). */
    public Table select(int[] items) {
        float[][] r = new float[items.length][];
        int[] l = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            r[i] = rows[items[i]];
            l[i] = labels[items[i]];
        }
        return new Table(origin, r, l, classes);
    }

    /** The smallest and largest value of all rows. */
    public ValueRange valueRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] row : rows) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new ValueRange(min, max);
    }
}

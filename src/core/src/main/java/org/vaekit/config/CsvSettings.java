package org.vaekit.config;

import java.util.List;
import org.vaekit.data.FeatureScaling;

/**
 * How to read CSV files: lines to skip, the separator, which columns are features and which one is the label,
 * and how features are scaled.
 *
 * @param skipLines      lines skipped at the top of every file (e.g. 1 for a header)
 * @param labelColumn    0-based column of the label, -1 when the data has no labels
 * @param featureColumns 0-based feature columns; empty for every column but the label
 * @param rangeMin       with {@code scale = range}: the value mapped to 0
 * @param rangeMax       with {@code scale = range}: the value mapped to 1
 */
public record CsvSettings(int skipLines, char separator, int labelColumn, List<Integer> featureColumns,
                          FeatureScaling scale, double rangeMin, double rangeMax) {
    public CsvSettings {
        featureColumns = List.copyOf(featureColumns);
    }

    static CsvSettings from(Settings s) {
        List<Double> range = s.doubleList("data.csv.range", 2);
        if (range.get(1) <= range.get(0)) {
            throw s.invalid("data.csv.range", "[min, max] with min < max");
        }
        return new CsvSettings(
                s.intAtLeast("data.csv.skip-lines", 0),
                s.character("data.csv.separator"),
                s.intAtLeast("data.csv.label-column", -1),
                s.intList("data.csv.feature-columns", 0),
                s.enumValue("data.csv.scale", FeatureScaling.class),
                range.get(0),
                range.get(1));
    }
}

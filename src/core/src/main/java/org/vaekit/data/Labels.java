package org.vaekit.data;

import java.util.List;

/**
 * What a source's integer labels stand for, for tables and figure legends: MNIST's are digits; a CSV label column's
 * values and image folders' names are kept by name (label i is the i-th name in sorted order).
 *
 * @param kind  what one label is called, e.g. "digit" or "label"
 * @param names the name of each label, or empty when the label's number is its name
 */
public record Labels(String kind, List<String> names) {
    public Labels {
        names = List.copyOf(names);
    }

    /** Labels named by their number, e.g. {@code numbered("digit")}. */
    public static Labels numbered(String kind) {
        return new Labels(kind, List.of());
    }

    /** The name of label {@code label}; negative labels are "unlabelled". */
    public String name(int label) {
        if (label < 0) {
            return "unlabelled";
        }
        return label < names.size() ? names.get(label) : String.valueOf(label);
    }

    /** The legend entry of label {@code label}: "digit 3" for numbered labels, the name itself otherwise. */
    public String legend(int label) {
        return names.isEmpty() && label >= 0 ? kind + " " + label : name(label);
    }
}

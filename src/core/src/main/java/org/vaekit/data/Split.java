package org.vaekit.data;

import java.util.Locale;

/** The three parts of a dataset. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Lower-case name used in files and tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

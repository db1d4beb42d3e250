package org.vaekit.spark;

import java.util.Locale;

/** What a job writes per example: the posterior ({@code encode}) or the scores ({@code score}). */
public enum Output {
    ENCODE, SCORE;

    /** The command's name on the command line. */
    public String command() {
        return name().toLowerCase(Locale.ROOT);
    }
}

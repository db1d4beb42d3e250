package org.vaekit.spark;

/** What a job writes per example: the posterior ({@code encode}) or the scores ({@code score}). */
public enum Output {
    ENCODE, SCORE;

    /** The command's name on the command line. */
    public String command() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

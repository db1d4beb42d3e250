package org.vaekit.cli;

import java.io.PrintStream;

/**
 * The command's stdout without SameDiff M2.1's "Added differentiated op ..." lines, which it prints with
 * System.out.println for every op while building a model's backward pass.
 */
final class QuietStdout extends PrintStream {
    private static final String NOISE = "Added differentiated op ";

    QuietStdout(PrintStream out) {
        super(out, true);
    }

    @Override
    public void println(String line) {
        if (line == null || !line.startsWith(NOISE)) {
            super.println(line);
        }
    }
}

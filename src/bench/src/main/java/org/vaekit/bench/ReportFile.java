package org.vaekit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A bench report saved as {@code dir/<date>.md} (or {@code <date>-2.md}, ...: earlier reports are kept). */
final class ReportFile {
    private ReportFile() {
    }

    static Path save(Path dir, String command, String markdown) {
        String date = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(date + ".md");
            for (int i = 2; Files.exists(file); i++) {
                file = dir.resolve(date + "-" + i + ".md");
            }
            String header = String.format(Locale.ROOT, "# vaekit bench, %s%n%n`%s`%n%n",
                    LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replace('T', ' '), command);
            Files.writeString(file, header + markdown);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

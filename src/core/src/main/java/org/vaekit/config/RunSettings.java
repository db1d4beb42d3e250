package org.vaekit.config;

import java.nio.file.Path;

/** Where a run's folder goes ({@code dir} null when not set) and the seed that makes it reproducible. */
public record RunSettings(String name, Path dir, long seed) {
    static RunSettings from(Settings s) {
        return new RunSettings(s.string("run.name"), s.optionalPath("run.dir"), s.longValue("run.seed"));
    }
}

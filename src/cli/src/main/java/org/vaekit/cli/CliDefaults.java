package org.vaekit.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The command line's own defaults under every config file it reads: folders relative to where it runs
 * ({@code runs/}, {@code data/mnist/}), which the library leaves unset.
 */
final class CliDefaults {
    private CliDefaults() {
    }

    static Config config() {
        return ConfigFactory.parseResources("org/vaekit/cli/cli-defaults.conf");
    }
}

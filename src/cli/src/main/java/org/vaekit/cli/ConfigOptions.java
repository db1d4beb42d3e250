package org.vaekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} and {@code --set key=value} options shared by the commands that read a config. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "conf/mnist-vae.conf",
            description = "HOCON config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. --set train.epochs=5 --set model.encoder=[500,250]. Repeatable.")
    List<String> overrides = new ArrayList<>();

    VaeConfig load() {
        return ConfigLoader.load(config, overrides, CliDefaults.config());
    }
}

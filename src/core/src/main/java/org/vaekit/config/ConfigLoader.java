package org.vaekit.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.vaekit.VaekitException;

/** Loads a HOCON config file over the library defaults, applies {@code key=value} overrides and validates. */
public final class ConfigLoader {
    private static final String DEFAULTS = "org/vaekit/defaults.conf";

    private ConfigLoader() {
    }

    /** The library defaults alone (MNIST, the assignment's sizes). */
    public static VaeConfig defaults() {
        return build("defaults", ConfigFactory.empty(), List.of());
    }

    /** Loads {@code file}, then the overrides in order ({@code train.epochs=5}, {@code model.encoder=[500,250]}). */
    public static VaeConfig load(Path file, List<String> overrides) {
        return load(file, overrides, ConfigFactory.empty());
    }

    /**
     * Loads {@code file} over {@code fallback} (e.g. an application's own defaults, such as the command line's
     * run.dir) over the library defaults, then applies the overrides in order.
     */
    public static VaeConfig load(Path file, List<String> overrides, Config fallback) {
        if (!Files.isRegularFile(file)) {
            throw new VaekitException("config file " + file + " not found");
        }
        Config user;
        try {
            user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new VaekitException("config file " + file + ": " + oneLine(e.getMessage()));
        }
        String name = file.getFileName().toString().replaceFirst("\\.conf$", "");
        return build(name, user.withFallback(fallback), overrides);
    }

    /** Applies overrides to an in-memory config, e.g. for programs and tests. */
    public static VaeConfig fromString(String hocon, List<String> overrides) {
        return fromString(hocon, overrides, ConfigFactory.empty());
    }

    /** As {@link #fromString(String, List)}, with {@code fallback} between the text and the library defaults. */
    public static VaeConfig fromString(String hocon, List<String> overrides, Config fallback) {
        Config user;
        try {
            user = ConfigFactory.parseString(hocon);
        } catch (ConfigException e) {
            throw new VaekitException("config: " + oneLine(e.getMessage()));
        }
        return build("config", user.withFallback(fallback), overrides);
    }

    /** Validates {@code user} (keys and values) over the library defaults. */
    static VaeConfig build(String label, Config user, List<String> overrides) {
        Config merged = user;
        for (String override : overrides) {
            merged = parseOverride(override).withFallback(merged);
        }
        Config defaults = ConfigFactory.parseResources(DEFAULTS);
        try {
            merged = merged.resolve();
        } catch (ConfigException e) {
            throw new VaekitException("config: " + oneLine(e.getMessage()));
        }
        rejectUnknownKeys(merged, defaults);
        return VaeConfig.of(label, merged.withFallback(defaults).resolve());
    }

    private static Config parseOverride(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new VaekitException("--set " + override + ": expected key=value, e.g. train.epochs=5");
        }
        String key = override.substring(0, eq).trim();
        String value = override.substring(eq + 1).trim();
        ConfigParseOptions options = ConfigParseOptions.defaults().setOriginDescription("--set " + override);
        try {
            Config parsed = ConfigFactory.parseString(key + " = " + value, options);
            if (parsed.hasPath(key)) {
                return parsed;
            }
        } catch (ConfigException e) {
            // not HOCON syntax (e.g. a path with odd characters): take the text as a plain string
        }
        try {
            return ConfigFactory.empty("--set " + override).withValue(key, ConfigValueFactory.fromAnyRef(value,
                    "--set " + override));
        } catch (ConfigException e) {
            throw new VaekitException("--set " + override + ": '" + key + "' is not a valid key");
        }
    }

    private static void rejectUnknownKeys(Config user, Config defaults) {
        for (Map.Entry<String, ?> entry : user.entrySet()) {
            String key = entry.getKey();
            if (!defaults.hasPath(key)) {
                String origin = Settings.origin(user.getValue(key));
                throw new VaekitException("config " + origin + ": unknown key '" + key + "'"
                        + nearest(key, defaults).map(k -> " (did you mean '" + k + "'?)").orElse(""));
            }
        }
    }

    private static Optional<String> nearest(String key, Config defaults) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return defaults.entrySet().stream().map(Map.Entry::getKey)
                .min(Comparator.comparingInt(k -> distance.apply(k, key)))
                .filter(k -> distance.apply(k, key) <= Math.max(3, key.length() / 3));
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s+", " ").trim();
    }
}

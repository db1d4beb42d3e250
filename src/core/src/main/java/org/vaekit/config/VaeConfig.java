package org.vaekit.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaekit.VaekitException;
import org.vaekit.model.Objective;
import org.vaekit.train.KlSchedule;

/**
 * A complete, validated vaekit configuration. Read from HOCON files with {@link ConfigLoader}, or built in code
 * with {@link #builder()} and {@link #with}; either way every value is checked the same way, and a bad one fails
 * with one line naming the key and what was expected.
 *
 * @param label    short name of where it came from (the config file's name), used to name runs
 * @param resolved the merged HOCON tree, written to each run folder as provenance
 */
public record VaeConfig(String label, RunSettings run, DataSettings data, ModelSettings model,
                        TrainSettings train, CheckpointSettings checkpoint, EvalSettings eval, PlotSettings plot,
                        UiSettings ui, Config resolved) {

    static VaeConfig of(String label, Config resolved) {
        Settings s = new Settings(resolved);
        ModelSettings model = ModelSettings.from(s);
        TrainSettings train = TrainSettings.from(s);
        if (model.objective() == Objective.IWAE && !train.kl().equals(KlSchedule.ELBO)) {
            throw new VaekitException("config: train.kl-beta and train.kl-warmup-epochs weight the ELBO's KL term,"
                    + " which model.objective = iwae does not have: leave them at 1.0 and 0");
        }
        return new VaeConfig(label, RunSettings.from(s), DataSettings.from(s), model, train,
                CheckpointSettings.from(s), EvalSettings.from(s), PlotSettings.from(s, model.latent()),
                UiSettings.from(s), resolved);
    }

    /** A builder over the library defaults (the assignment's MNIST VAE); {@code run.dir} must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This configuration with one key changed, validated again, e.g. {@code cfg.with("train.epochs", 5)}.
     *
     * @param value a number, string, boolean, {@link Path}, enum, or a list of those
     */
    public VaeConfig with(String key, Object value) {
        return ConfigLoader.build(label, withValue(resolved, key, value), List.of());
    }

    /** The resolved configuration as HOCON text with the origin of each value as a comment. */
    public String render() {
        return resolved.root().render(ConfigRenderOptions.defaults().setJson(false).setOriginComments(true));
    }

    private static Config withValue(Config config, String key, Object value) {
        try {
            return config.withValue(key, ConfigValueFactory.fromAnyRef(plain(value), "set in code"));
        } catch (ConfigException e) {
            throw new VaekitException("config: '" + key + "' is not a valid key or " + value + " not a valid value");
        }
    }

    /** Paths and enums as the strings a config file would hold; lists element by element. */
    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Path path) {
            return path.toString();
        }
        if (value instanceof int[] ints) {
            return Arrays.stream(ints).boxed().toList();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(VaeConfig::plain).toList();
        }
        return value;
    }

    /**
     * Builds a configuration in code: typed setters for the common keys, {@link #set} for any other key of
     * {@code defaults.conf}. Unset keys keep the library defaults; {@link #build()} validates.
     */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private Config base = ConfigFactory.empty();
        private String label = "config";

        private Builder() {
        }

        /** Starts from a HOCON file (its values under the ones set here); names runs after it. */
        public Builder file(Path conf) {
            VaeConfig loaded = ConfigLoader.load(conf, List.of());
            this.base = loaded.resolved();
            this.label = loaded.label();
            return this;
        }

        /** Names runs {@code <label>-<date>-<time>} when no run name is set. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Any key of the config, e.g. {@code set("data.csv.label-column", 8)}. */
        public Builder set(String key, Object value) {
            values.put(key, value);
            return this;
        }

        /** The folder run folders are created in (required). */
        public Builder runDir(Path dir) {
            return set("run.dir", dir);
        }

        /** The run folder's name (default: the label and the time). */
        public Builder runName(String name) {
            return set("run.name", name);
        }

        /** Seeds initialisation, noise, shuffling and binarization. */
        public Builder seed(long seed) {
            return set("run.seed", seed);
        }

        /** Hidden layer sizes from the input to the code. */
        public Builder encoder(int... sizes) {
            return set("model.encoder", sizes);
        }

        /** Hidden layer sizes from the code to the output. */
        public Builder decoder(int... sizes) {
            return set("model.decoder", sizes);
        }

        /** Dimensions of the latent code. */
        public Builder latent(int dims) {
            return set("model.latent", dims);
        }

        /** {@code bernoulli} (data in [0,1]) or {@code gaussian}. */
        public Builder likelihood(String likelihood) {
            return set("model.likelihood", likelihood);
        }

        public Builder epochs(int epochs) {
            return set("train.epochs", epochs);
        }

        public Builder batchSize(int batchSize) {
            return set("train.batch-size", batchSize);
        }

        /** Adam's learning rate. */
        public Builder learningRate(double rate) {
            return set("train.learning-rate", rate);
        }

        /** Validates and returns the configuration. */
        public VaeConfig build() {
            Config config = base;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                config = withValue(config, e.getKey(), e.getValue());
            }
            return ConfigLoader.build(label, config, List.of());
        }
    }
}

package org.vaekit.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;

/**
 * A complete, validated vaekit configuration.
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
        return new VaeConfig(label, RunSettings.from(s), DataSettings.from(s), model, TrainSettings.from(s),
                CheckpointSettings.from(s), EvalSettings.from(s), PlotSettings.from(s, model.latent()),
                UiSettings.from(s), resolved);
    }

    /** The resolved configuration as HOCON text with the origin of each value as a comment. */
    public String render() {
        return resolved.root().render(ConfigRenderOptions.defaults().setJson(false).setOriginComments(true));
    }
}

package org.vaekit.config;

import java.util.List;

/**
 * What {@code plot} draws.
 *
 * @param latentDims       the two latent dimensions (0-based) shown when the code has more than two
 * @param latentExamples   examples per split drawn as ellipses in the latent-space figures (the first N)
 * @param manifoldSize     images per side of the decoded manifold grid
 * @param gaussianManifold also draw the manifold over Gaussian quantiles of the prior
 */
public record PlotSettings(List<Integer> latentDims, int latentExamples, int manifoldSize, boolean gaussianManifold) {
    public PlotSettings {
        latentDims = List.copyOf(latentDims);
    }

    static PlotSettings from(Settings s, int latent) {
        return new PlotSettings(s.latentPair("plot.latent-dims", latent), s.intAtLeast("plot.latent-examples", 1),
                s.intAtLeast("plot.manifold-size", 2), s.bool("plot.gaussian-manifold"));
    }
}

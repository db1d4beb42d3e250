package org.vaekit.config;

import java.util.List;
import org.vaekit.model.BernoulliLikelihood;
import org.vaekit.model.GaussianLikelihood;
import org.vaekit.model.HiddenActivation;
import org.vaekit.model.Likelihood;
import org.vaekit.model.Objective;
import org.vaekit.model.WeightInit;

/**
 * The VAE's architecture; the input size comes from the data.
 *
 * @param encoder       hidden layer sizes from the input to the latent code
 * @param decoder       hidden layer sizes from the latent code to the output
 * @param inputKeepProb probability of keeping each encoder input pixel during training (1 = no noise)
 * @param init          how weights and biases start
 * @param likelihood    the decoder's distribution p(x|z)
 * @param objective     the training objective
 * @param iwaeSamples   samples z per example in the IWAE objective (1 under the ELBO)
 */
public record ModelSettings(List<Integer> encoder, List<Integer> decoder, int latent,
                            HiddenActivation activation, double inputKeepProb, WeightInit init,
                            Likelihood likelihood, Objective objective, int iwaeSamples) {
    public ModelSettings {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
        if (iwaeSamples < 1 || objective == Objective.ELBO && iwaeSamples != 1) {
            throw new IllegalArgumentException("iwaeSamples = " + iwaeSamples + " with objective " + objective);
        }
    }

    /** A model trained on the ELBO. */
    public ModelSettings(List<Integer> encoder, List<Integer> decoder, int latent, HiddenActivation activation,
                         double inputKeepProb, WeightInit init, Likelihood likelihood) {
        this(encoder, decoder, latent, activation, inputKeepProb, init, likelihood, Objective.ELBO, 1);
    }

    /** A model with the Bernoulli likelihood, trained on the ELBO. */
    public ModelSettings(List<Integer> encoder, List<Integer> decoder, int latent, HiddenActivation activation,
                         double inputKeepProb, WeightInit init) {
        this(encoder, decoder, latent, activation, inputKeepProb, init, new BernoulliLikelihood());
    }

    static ModelSettings from(Settings s) {
        return new ModelSettings(
                s.positiveIntList("model.encoder"),
                s.positiveIntList("model.decoder"),
                s.intAtLeast("model.latent", 1),
                s.enumValue("model.activation", HiddenActivation.class),
                s.doubleIn("model.input-keep-prob", 0, false, 1, true),
                s.enumValue("model.init", WeightInit.class),
                likelihood(s),
                s.enumValue("model.objective", Objective.class),
                iwaeSamples(s));
    }

    /** This model trained with the given objective and samples per example (1 for the ELBO). */
    public ModelSettings withObjective(Objective objective, int iwaeSamples) {
        return new ModelSettings(encoder, decoder, latent, activation, inputKeepProb, init, likelihood, objective,
                iwaeSamples);
    }

    /** k, checked whatever the objective so that a typo shows; the ELBO draws one z per example. */
    private static int iwaeSamples(Settings s) {
        int k = s.intAtLeast("model.iwae-samples", 1);
        return s.enumValue("model.objective", Objective.class) == Objective.IWAE ? k : 1;
    }

    private static Likelihood likelihood(Settings s) {
        if (s.oneOf("model.likelihood", "bernoulli", "gaussian").equals("bernoulli")) {
            return new BernoulliLikelihood();
        }
        double variance = s.wordOrPositive("model.gaussian-variance", "learned");
        return Double.isNaN(variance) ? GaussianLikelihood.learned() : new GaussianLikelihood(variance);
    }
}

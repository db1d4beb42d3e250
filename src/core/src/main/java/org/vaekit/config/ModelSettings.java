package org.vaekit.config;

import java.util.List;
import org.vaekit.model.BernoulliLikelihood;
import org.vaekit.model.GaussianLikelihood;
import org.vaekit.model.HiddenActivation;
import org.vaekit.model.Likelihood;
import org.vaekit.model.WeightInit;

/**
 * The VAE's architecture; the input size comes from the data.
 *
 * @param encoder       hidden layer sizes from the input to the latent code
 * @param decoder       hidden layer sizes from the latent code to the output
 * @param inputKeepProb probability of keeping each encoder input pixel during training (1 = no noise)
 * @param init          how weights and biases start
 * @param likelihood    the decoder's distribution p(x|z)
 */
public record ModelSettings(List<Integer> encoder, List<Integer> decoder, int latent,
                            HiddenActivation activation, double inputKeepProb, WeightInit init,
                            Likelihood likelihood) {
    public ModelSettings {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
    }

    /** A model with the Bernoulli likelihood. */
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
                likelihood(s));
    }

    private static Likelihood likelihood(Settings s) {
        if (s.oneOf("model.likelihood", "bernoulli", "gaussian").equals("bernoulli")) {
            return new BernoulliLikelihood();
        }
        double variance = s.wordOrPositive("model.gaussian-variance", "learned");
        return Double.isNaN(variance) ? GaussianLikelihood.learned() : new GaussianLikelihood(variance);
    }
}

package org.vaekit.config;

import java.util.List;
import org.vaekit.model.HiddenActivation;
import org.vaekit.model.WeightInit;

/**
 * The VAE's architecture; the input size comes from the data.
 *
 * @param encoder       hidden layer sizes from the input to the latent code
 * @param decoder       hidden layer sizes from the latent code to the output
 * @param inputKeepProb probability of keeping each encoder input pixel during training (1 = no noise)
 * @param init          how weights and biases start
 */
public record ModelSettings(List<Integer> encoder, List<Integer> decoder, int latent,
                            HiddenActivation activation, double inputKeepProb, WeightInit init) {
    public ModelSettings {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
    }

    static ModelSettings from(Settings s) {
        return new ModelSettings(
                s.positiveIntList("model.encoder"),
                s.positiveIntList("model.decoder"),
                s.intAtLeast("model.latent", 1),
                s.enumValue("model.activation", HiddenActivation.class),
                s.doubleIn("model.input-keep-prob", 0, false, 1, true),
                s.enumValue("model.init", WeightInit.class));
    }
}

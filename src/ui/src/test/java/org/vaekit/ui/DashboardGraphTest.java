package org.vaekit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.Fixtures;
import org.vaekit.config.VaeConfig;
import org.vaekit.model.Vae;

class DashboardGraphTest {
    @Test
    void everySameDiffParameterGetsTheUiKeyOfItsLayer() {
        VaeConfig cfg = Fixtures.miniConfig(Path.of("unused"));
        DashboardGraph g = new DashboardGraph(cfg.model(), cfg.train(), 784);
        assertEquals(Map.of("W1", "1_W", "b1", "1_b", "W2_mu", "2_mu_W", "b2_mu", "2_mu_b", "W2_logvar", "2_logvar_W",
                "b2_logvar", "2_logvar_b", "W3", "3_W", "b3", "3_b", "W4", "4_W", "b4", "4_b"), g.keyOfParameter());
        assertEquals(List.of("h1", "mu", "logvar", "z", "h3", "x_rec"), List.copyOf(g.layerOfActivation().keySet()));
    }

    @Test
    void theConfigurationIsAComputationGraphTheUiCanReadWithTheModelsSizes() {
        VaeConfig cfg = Fixtures.miniConfig(Path.of("unused"), "model.encoder=[64,32]", "model.decoder=[48]");
        DashboardGraph g = new DashboardGraph(cfg.model(), cfg.train(), 784);
        ComputationGraphConfiguration conf = ComputationGraphConfiguration.fromJson(g.configJson());
        assertEquals(List.of("input"), conf.getNetworkInputs());
        assertEquals(List.of("1"), conf.getVertexInputs().get("1_2"));
        assertEquals(List.of("1_2"), conf.getVertexInputs().get("2_logvar"));
        assertEquals(List.of("2_mu", "2_logvar"), conf.getVertexInputs().get("z"));
        assertEquals(List.of("z"), conf.getVertexInputs().get("3"));
        DenseLayer second = (DenseLayer) assertInstanceOf(LayerVertex.class, conf.getVertices().get("1_2"))
                .getLayerConf().getLayer();
        assertEquals(64, second.getNIn());
        assertEquals(32, second.getNOut());
        DenseLayer out = (DenseLayer) ((LayerVertex) conf.getVertices().get("4")).getLayerConf().getLayer();
        assertEquals(48, out.getNIn());
        assertEquals(784, out.getNOut());

        // the parameter count shown is the SameDiff model's
        Vae vae = Vae.create(cfg.model(), 784, 1);
        long actual = vae.parameters().values().stream().mapToLong(a -> a.length()).sum();
        assertEquals(actual, g.parameterCount());
        assertEquals(6, g.layerCount());
        assertTrue(g.keyOfParameter().containsKey("W1_2"));
        assertEquals("1_2_W", g.keyOfParameter().get("W1_2"));
    }

    @Test
    void aGaussianModelWithLearnedVariancesIsDescribedToo() {
        VaeConfig cfg = Fixtures.miniConfig(Path.of("unused"), "model.likelihood=gaussian", "data.binarization=none");
        DashboardGraph g = new DashboardGraph(cfg.model(), cfg.train(), 784);
        DenseLayer out = (DenseLayer) ((LayerVertex) ComputationGraphConfiguration.fromJson(g.configJson())
                .getVertices().get("4")).getLayerConf().getLayer();
        assertEquals("identity", out.getActivationFn().toString());
        Vae vae = Vae.create(cfg.model(), 784, 1);
        assertEquals(vae.parameters().values().stream().mapToLong(a -> a.length()).sum(), g.parameterCount());
        assertEquals(10, g.keyOfParameter().size());
        // the output layer's activation comes from the decoder's output as training computes it
        assertEquals("x_mean", g.outputName());
        INDArray values = Nd4j.createFromArray(-2f, 0f, 3f);
        assertEquals(values, g.outputMean(values));
        DashboardGraph bernoulli = new DashboardGraph(Fixtures.miniConfig(Path.of("unused")).model(), cfg.train(), 784);
        assertEquals("logits", bernoulli.outputName());
        assertEquals(0.5f, bernoulli.outputMean(values).getFloat(1), 0f);
        assertEquals(1 / (1 + Math.exp(2)), bernoulli.outputMean(values).getFloat(0), 1e-6);
    }
}

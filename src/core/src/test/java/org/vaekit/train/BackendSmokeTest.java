package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.config.VaeConfig;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;

/**
 * One training step on whatever ND4J backend is on the classpath (the CPU one by default, CUDA's with -Pcuda):
 * says which backend loaded, and checks the step changed the weights and left a finite bound.
 */
class BackendSmokeTest {
    @Test
    void oneTrainingStepOnTheLoadedBackend() {
        System.out.println("ND4J backend: " + Nd4j.getBackend().getClass().getName() + ", "
                + Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "?"));
        VaeConfig cfg = VaeConfig.builder().encoder(16).decoder(16).latent(2).learningRate(1e-2).build();
        Vae vae = Vae.create(cfg.model(), 20, 1);
        new Trainer(cfg.train(), 1).prepare(vae);
        INDArray x = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(2), 8, 20);
        INDArray before = vae.parameters().get("W1").dup();
        DataSetIterator one = new SingletonDataSetIterator(new DataSet(x, null));
        vae.graph().fit(one, 1);
        Elbo elbo = vae.elbo(List.of(new DataSet(x, null)));
        assertNotEquals(before, vae.parameters().get("W1"), "a step changes the weights");
        assertTrue(Double.isFinite(elbo.cost()) && elbo.cost() > 0, "negative ELBO " + elbo.cost());
    }
}

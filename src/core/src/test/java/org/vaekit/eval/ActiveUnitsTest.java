package org.vaekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.config.ModelSettings;
import org.vaekit.model.HiddenActivation;
import org.vaekit.model.Vae;
import org.vaekit.model.WeightInit;

class ActiveUnitsTest {
    @Test
    void onlyDimensionsWhoseMeanVariesWithTheInputAreActive() {
        ModelSettings settings = new ModelSettings(List.of(8), List.of(8), 3, HiddenActivation.TANH, 1.0,
                WeightInit.GLOROT);
        Vae vae = Vae.create(settings, 6, 1);
        INDArray w = vae.parameters().get("W2_mu");
        w.assign(0);
        w.getColumn(0).assign(2.0);   // mu_0 follows the hidden units
        w.getColumn(2).assign(0.001); // mu_2 barely moves: variance far below 0.01
        vae.parameters().get("b2_mu").assign(Nd4j.createFromArray(0f, 5f, 0f)); // mu_1 = 5 for every x
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 300, 6).gt(0.5).castTo(DataType.FLOAT);
        List<DataSet> batches = List.of(new DataSet(x.get(NDArrayIndex.interval(0, 100), NDArrayIndex.all()), null),
                new DataSet(x.get(NDArrayIndex.interval(100, 300), NDArrayIndex.all()), null));

        ActiveUnits active = ActiveUnits.of(vae, batches);
        assertEquals(1, active.count());
        assertEquals(3, active.latent());
        assertEquals(300, active.examples());
        INDArray mu = vae.encode(x).get("mu").castTo(DataType.DOUBLE);
        assertEquals(mu.getColumn(0).varNumber().doubleValue() * 299 / 300, active.variance()[0], 1e-9);
        assertTrue(active.variance()[0] > 0.01);
        assertEquals(0.0, active.variance()[1], 1e-9);
        assertTrue(active.variance()[2] < 1e-4);
    }
}

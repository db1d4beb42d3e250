package org.vaekit.train;

import java.nio.file.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.Fixtures;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.*;
import org.vaekit.model.Vae;

class ScratchTest {
    @TempDir
    Path runs;

    @Test
    void probe() throws Exception {
        VaeConfig cfg = Fixtures.miniConfig(runs);
        DataPipeline data = new DataPipeline(MnistSource.prepare(cfg.data(), s -> { }), cfg.data(), 100);
        INDArray g = data.evaluation(Split.TEST).get(0).getFeatures().dup();
        Binarizer b1 = new Binarizer(Binarization.STOCHASTIC, 0.5, 3);
        for (int i = 0; i < 3; i++) b1.binarize(g);
        long[] st = b1.rngState();
        INDArray x1 = b1.binarize(g);
        Binarizer b2 = new Binarizer(Binarization.STOCHASTIC, 0.5, 3);
        b2.restoreRngState(st);
        INDArray x2 = b2.binarize(g);
        System.out.println("PROBE binarizer continue same " + x1.equals(x2) + " " + java.util.Arrays.toString(st) + " " + java.util.Arrays.toString(b2.rngState()) + " " + java.util.Arrays.toString(b1.rngState()));
        for (String mode : new String[] {"threshold", "stochastic"}) {
            VaeConfig c2 = Fixtures.miniConfig(runs, "data.binarization=" + mode);
            DataPipeline d2 = new DataPipeline(MnistSource.prepare(c2.data(), s -> { }), c2.data(), 100);
            TrainingBatches a = d2.training(50, 1);
            a.reset();
            while (a.hasNext()) a.next();
            TrainingBatches.Position pos = a.endOfPass();
            a.reset();
            INDArray xa = a.next().getFeatures();
            TrainingBatches b = d2.training(50, 1);
            b.seek(pos);
            b.reset();
            INDArray xb = b.next().getFeatures();
            System.out.println("PROBE data " + mode + " same " + xa.equals(xb) + " " + xa.sumNumber() + " " + xb.sumNumber());
        }
        if (true) return;
        Vae vae = Vae.create(cfg.model(), 784, 1);
        Trainer t = new Trainer(cfg.train(), 1, false);
        t.prepare(vae);
        TrainingBatches c = data.training(50, 1);
        Vae.seed(1);
        c.reset();
        vae.graph().fit(c, 1);
        Vae copy = Vae.fromBytes(vae.toBytes(), "x", cfg.model());
        t.prepare(copy);
        copy.graph().getTrainingConfig().setIterationCount(vae.graph().getTrainingConfig().getIterationCount());
        copy.graph().getTrainingConfig().setEpochCount(vae.graph().getTrainingConfig().getEpochCount());
        TrainingBatches.Position p2 = c.endOfPass();
        long r = Nd4j.getRandom().rootState(), n = Nd4j.getRandom().nodeState();
        c.reset();
        vae.graph().fit(c, 1);
        TrainingBatches d = data.training(50, 1);
        d.seek(p2);
        Nd4j.getRandom().setStates(r, n);
        d.reset();
        copy.graph().fit(d, 1);
        for (String k : vae.parameters().keySet()) {
            System.out.println("PROBE " + k + " " + vae.parameters().get(k).equals(copy.parameters().get(k)) + " "
                + vae.parameters().get(k).sub(copy.parameters().get(k)).amaxNumber());
        }
    }
}

package org.vaekit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * A model's per-example outputs over a split, one z drawn per example: the two terms of the negative ELBO, the
 * posterior's parameters and the label (-1 when the data has none).
 *
 * @param rec    [n] -log p(x|z)
 * @param kl     [n] KL(q(z|x) || p(z))
 * @param mu     [n, latent] posterior means
 * @param logvar [n, latent] posterior log-variances
 * @param labels [n] digit labels
 */
public record ExampleScores(INDArray rec, INDArray kl, INDArray mu, INDArray logvar, int[] labels) {

    /** One pass of the model over the batches, drawing z from ND4J's global RNG. */
    public static ExampleScores of(Vae vae, List<DataSet> batches) {
        if (batches.isEmpty()) {
            throw new VaekitException("cannot evaluate an empty dataset");
        }
        List<INDArray> rec = new ArrayList<>();
        List<INDArray> kl = new ArrayList<>();
        List<INDArray> mu = new ArrayList<>();
        List<INDArray> logvar = new ArrayList<>();
        List<INDArray> labels = new ArrayList<>();
        for (DataSet batch : batches) {
            Map<String, INDArray> out = vae.evaluate(batch.getFeatures(), VaeGraph.REC, VaeGraph.KL, VaeGraph.MU,
                    VaeGraph.LOGVAR);
            rec.add(out.get(VaeGraph.REC).castTo(DataType.DOUBLE));
            kl.add(out.get(VaeGraph.KL).castTo(DataType.DOUBLE));
            mu.add(out.get(VaeGraph.MU));
            logvar.add(out.get(VaeGraph.LOGVAR));
            labels.add(batch.getLabels() == null ? Nd4j.valueArrayOf(new long[] {batch.numExamples()}, -1L, DataType.LONG)
                    : batch.getLabels().argMax(1));
        }
        return new ExampleScores(Nd4j.concat(0, rec.toArray(INDArray[]::new)),
                Nd4j.concat(0, kl.toArray(INDArray[]::new)), Nd4j.vstack(mu), Nd4j.vstack(logvar),
                Nd4j.concat(0, labels.toArray(INDArray[]::new)).toIntVector());
    }

    public int size() {
        return labels.length;
    }

    /** The mean negative ELBO and its parts over all examples. */
    public Elbo elbo() {
        return new Elbo(rec.meanNumber().doubleValue(), kl.meanNumber().doubleValue(), size());
    }

    /** The mean negative ELBO and its parts per label, in label order; empty without labels. */
    public Map<Integer, Elbo> elboByLabel() {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            if (labels[i] >= 0) {
                double[] s = sums.computeIfAbsent(labels[i], l -> new double[3]);
                s[0] += rec.getDouble(i);
                s[1] += kl.getDouble(i);
                s[2]++;
            }
        }
        Map<Integer, Elbo> out = new TreeMap<>();
        sums.forEach((label, s) -> out.put(label, new Elbo(s[0] / s[2], s[1] / s[2], (long) s[2])));
        return out;
    }
}

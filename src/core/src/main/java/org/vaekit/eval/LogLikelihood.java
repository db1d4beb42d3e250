package org.vaekit.eval;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.VaekitException;
import org.vaekit.model.Vae;

/**
 * The importance-sampled estimate of the mean log p(x) (the IWAE bound) with {@code k} samples per example.
 *
 * @param k             importance samples per example
 * @param mean          mean estimate of log p(x) over the examples, in nats (k = 1: the ELBO)
 * @param standardError standard error of that mean over the examples: the sample standard deviation of the
 *                      per-example estimates over sqrt(examples) (0 for a single example); it covers the spread
 *                      between examples and the sampling noise, not the bound's bias below log p(x)
 * @param examples      number of examples
 */
public record LogLikelihood(int k, double mean, double standardError, long examples) {

    /**
     * Estimates log p(x) on the first {@code examples} examples of the batches (0 = all) for each k, drawing z with
     * ND4J's RNG seeded with {@code seed} anew for each k.
     */
    public static List<LogLikelihood> estimate(Vae vae, List<DataSet> batches, List<Integer> ks, int examples,
                                               long seed) {
        INDArray x = firstExamples(batches, examples);
        List<LogLikelihood> out = new ArrayList<>();
        for (int k : ks) {
            Vae.seed(seed);
            INDArray perExample = vae.logLikelihood(x, k);
            long n = perExample.length();
            double standardError = n < 2 ? 0 : perExample.stdNumber().doubleValue() / Math.sqrt(n);
            out.add(new LogLikelihood(k, perExample.meanNumber().doubleValue(), standardError, n));
        }
        return out;
    }

    private static INDArray firstExamples(List<DataSet> batches, int examples) {
        List<INDArray> parts = new ArrayList<>();
        long taken = 0;
        for (DataSet batch : batches) {
            if (examples > 0 && taken >= examples) {
                break;
            }
            INDArray f = batch.getFeatures();
            long take = examples > 0 ? Math.min(f.size(0), examples - taken) : f.size(0);
            parts.add(take == f.size(0) ? f : f.get(NDArrayIndex.interval(0, take),
                    NDArrayIndex.all()));
            taken += take;
        }
        if (parts.isEmpty()) {
            throw new VaekitException("no examples to estimate log p(x) on");
        }
        return Nd4j.vstack(parts);
    }
}

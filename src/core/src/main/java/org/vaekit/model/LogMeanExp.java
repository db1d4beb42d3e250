package org.vaekit.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * log (1/k) sum_j exp(a_ij) for each row of an [n, k] array of log weights, shifted by the row's own maximum so
 * that exp() neither underflows nor overflows. ND4J's {@code reduce_logsumexp} is not used: a row more than about
 * 745 nats below the others comes out -inf from it.
 */
final class LogMeanExp {
    private LogMeanExp() {
    }

    /** The [n] row values of {@code logWeights} [n, k] (doubles for the precision of large negative logs). */
    static INDArray rows(INDArray logWeights) {
        INDArray max = logWeights.max(true, 1);
        INDArray sum = Transforms.exp(logWeights.sub(max), false).sum(true, 1);
        return Transforms.log(sum, false).addi(max).subi(Math.log(logWeights.size(1))).reshape(logWeights.size(0));
    }
}

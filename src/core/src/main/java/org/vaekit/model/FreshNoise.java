package org.vaekit.model;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.random.custom.DistributionUniform;
import org.nd4j.linalg.api.ops.random.custom.RandomNormal;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes the graph's random ops draw anew on every execution.
 *
 * <p>SameDiff M2.1 keeps one native op context per op and never reseeds its RNG, so {@code randomnormal}
 * and {@code distribution_uniform} return the very same numbers on every call: the reparameterisation
 * noise would be one fixed pattern per batch row. Before each random op this listener hands the op the
 * global RNG's state and advances it, so every batch gets fresh noise, reproducible from
 * {@code Nd4j.getRandom().setSeed(...)}.
 */
final class FreshNoise extends BaseListener {
    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        if (opContext != null && (op.getOp() instanceof RandomNormal || op.getOp() instanceof DistributionUniform)) {
            Random rng = Nd4j.getRandom();
            opContext.setRngStates(rng.rootState(), rng.nodeState());
            rng.nextLong();
        }
    }

    /** Adds the listener to {@code sd} unless it is there already. */
    static void attach(SameDiff sd) {
        if (sd.getListeners().stream().noneMatch(l -> l instanceof FreshNoise)) {
            sd.addListeners(new FreshNoise());
        }
    }
}

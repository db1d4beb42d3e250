package org.vaekit.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.PadMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.custom.DistributionUniform;
import org.nd4j.linalg.api.ops.random.custom.RandomNormal;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.config.ModelSettings;

/**
 * Builds the VAE's SameDiff graph.
 *
 * <p>Encoder {@code h = act(x W1 + b1)}, {@code mu = h W2_mu + b2_mu}, {@code logvar = h W2_logvar + b2_logvar};
 * reparameterisation {@code z = mu + exp(logvar / 2) * eps} with {@code eps ~ N(0, I)} drawn in the graph for the
 * actual batch; decoder {@code h' = act(z W3 + b3)}, {@code out = h' W4 + b4} and {@code x_rec} = the mean of
 * p(x|z) as the {@link Likelihood} defines it ({@code logits} and {@code sigmoid(logits)} for Bernoulli,
 * {@code x_mean} itself for Gaussian).
 * Deeper encoders name their further layers {@code W1_2, b1_2, ...}, deeper decoders {@code W3_2, b3_2, ...}
 * (encoder layer k is {@code W1_k}, decoder layer k is {@code W3_k}, for k >= 2).
 *
 * <p>ELBO loss per example: {@code -log p(x|z) + KL(q(z|x) || N(0, I))}, the first term from the likelihood and the
 * KL in closed form {@code -1/2 sum_j (1 + logvar - mu^2 - exp(logvar))}. {@code cost_rec} and {@code cost_KL} are
 * their batch means in nats; the training loss {@code cost} is {@code cost_rec + kl_weight * cost_KL}.
 *
 * <p>IWAE loss ({@code model.objective = iwae}): k draws z_i per example, {@code cost} = minus the batch mean of
 * {@code iwae_bound} = log (1/k) sum_i w_i with w_i = p(x, z_i) / q(z_i|x). {@code cost_rec} is then the mean of
 * -log p(x|z_i) over the batch's k samples per example and {@code cost_KL} the closed-form KL: their sum is the
 * negative ELBO averaged over the k samples, which {@code cost} never exceeds in expectation. Neither enters the loss.
 */
public final class VaeGraph {
    public static final String INPUT = "input";
    public static final String EPS = "eps";
    public static final String KEEP_PROB = "input_keep_prob";
    public static final String MU = "mu";
    public static final String LOGVAR = "logvar";
    public static final String Z = "z";
    public static final String LOGITS = "logits";
    public static final String X_REC = "x_rec";
    /** Per-example reconstruction cost -log p(x|z), shape [batch]. */
    public static final String REC = "rec";
    /** Per-example KL term, shape [batch]. */
    public static final String KL = "kl";
    public static final String COST_REC = "cost_rec";
    public static final String COST_KL = "cost_KL";
    public static final String COST = "cost";
    /** Per-example log importance weight log p(x|z) + log p(z) - log q(z|x), shape [batch]. */
    public static final String LOG_WEIGHT = "log_weight";
    /** Weight of the KL term in the training loss {@code cost}: 1 for the ELBO, set per epoch by the trainer. */
    public static final String KL_WEIGHT = "kl_weight";
    /** IWAE models only: samples z per example, shape [1]; evaluation sets it to 1. */
    public static final String IWAE_SAMPLES = "iwae_samples";
    /** IWAE models only: per-example bound log (1/k) sum_i exp(log_weight_i), shape [batch]. */
    public static final String IWAE_BOUND = "iwae_bound";

    private VaeGraph() {
    }

    /** How the reparameterisation noise enters the graph. */
    public enum Noise {
        /** Drawn inside the graph for every batch (training, evaluation). */
        SAMPLED,
        /** Fed as placeholder {@code eps} [batch, latent] (gradient checks, deterministic decoding). */
        PLACEHOLDER
    }

    /**
     * Builds the graph with freshly initialised weights ({@code model.init}) drawn from ND4J's
     * global RNG seeded with {@code seed}.
     */
    public static SameDiff build(ModelSettings m, int inputSize, long seed, DataType dataType, Noise noise) {
        Nd4j.getRandom().setSeed(seed);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, dataType, -1, inputSize);

        SDVariable encoderInput = x;
        if (m.inputKeepProb() < 1.0) {
            // The keep probability is a constant so evaluation can switch the noise off (set it to 1).
            SDVariable keep = sd.constant(KEEP_PROB, Nd4j.scalar(dataType, m.inputKeepProb()));
            SDVariable u = new DistributionUniform(sd, sd.shape(x), 0.0, 1.0, dataType).outputVariable();
            encoderInput = x.mul("input_noisy", sd.lt(u, keep).castTo(dataType));
        }

        ParameterSource fresh = (name, fanIn, fanOut) -> name.startsWith("W")
                ? m.init().weights(dataType, fanIn, fanOut) : m.init().bias(dataType, fanIn, fanOut);
        SDVariable h = encoderInput;
        int fanIn = inputSize;
        List<Integer> encoder = m.encoder();
        for (int i = 0; i < encoder.size(); i++) {
            String suffix = layerSuffix(1, i);
            h = m.activation().apply(sd, "h" + suffix, dense(sd, fresh, "a" + suffix, h, fanIn, encoder.get(i), suffix));
            fanIn = encoder.get(i);
        }
        SDVariable mu = dense(sd, fresh, MU, h, fanIn, m.latent(), "2_mu");
        SDVariable logvar = dense(sd, fresh, LOGVAR, h, fanIn, m.latent(), "2_logvar");

        boolean iwae = m.objective() == Objective.IWAE;
        // Under IWAE every example's input, mean and log-variance are repeated k times (row i*k + j is sample j of
        // example i), so everything from eps on has k rows per example; k is a constant evaluation sets to 1.
        SDVariable samples = iwae ? sd.constant(IWAE_SAMPLES, Nd4j.createFromArray(m.iwaeSamples())) : null;
        SDVariable xs = iwae ? repeatRows(sd, x, samples, inputSize) : x;
        SDVariable mus = iwae ? repeatRows(sd, mu, samples, m.latent()) : mu;
        SDVariable logvars = iwae ? repeatRows(sd, logvar, samples, m.latent()) : logvar;

        SDVariable eps;
        if (noise == Noise.PLACEHOLDER) {
            eps = sd.placeHolder(EPS, dataType, -1, m.latent());
        } else {
            eps = new RandomNormal(sd, sd.shape(mus), 0.0, 1.0).outputVariable(); // always FLOAT
            eps = dataType == DataType.FLOAT ? eps.rename(EPS) : eps.castTo(EPS, dataType);
        }
        SDVariable z = mus.add(Z, sd.math.exp(logvars.mul(0.5)).mul(eps));
        Likelihood likelihood = m.likelihood();
        SDVariable out = decoder(sd, m, z, inputSize, fresh);
        likelihood.mean(sd, out);
        SDVariable rec = likelihood.negLogLikelihood(sd, xs, out, inputSize, dataType);
        SDVariable kl = sd.math.exp(logvar).add(mu.mul(mu)).sub(logvar).sub(1.0).sum(1).mul(KL, 0.5);
        SDVariable costKl = kl.mean(COST_KL);
        SDVariable logWeight = logWeight(sd, rec, z, eps, logvars);
        SDVariable costRec = rec.mean(COST_REC);
        if (iwae) {
            SDVariable bound = logMeanExp(sd, logWeight, samples, dataType);
            bound.mean().neg(COST);
        } else {
            // The KL weight is a constant the trainer sets each epoch (beta, warm-up); the ELBO itself uses weight 1.
            SDVariable klWeight = sd.constant(KL_WEIGHT, Nd4j.scalar(dataType, 1.0));
            costRec.add(COST, costKl.mul(klWeight));
        }
        sd.setLossVariables(COST);
        FreshNoise.attach(sd);
        return sd;
    }

    /**
     * A graph of the decoder alone: placeholder {@code z} [batch, latent] to the decoder's output and {@code x_rec},
     * built on the given weight arrays (not copies), so it decodes with whatever the full graph has learnt.
     */
    public static SameDiff buildDecoder(ModelSettings m, int inputSize, Map<String, INDArray> parameters) {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder(Z, parameters.get("W4").dataType(), -1, m.latent());
        m.likelihood().mean(sd, decoder(sd, m, z, inputSize, (name, fanIn, fanOut) -> parameters.get(name)));
        return sd;
    }

    /** Adds {@code log_weight} to models saved before this output existed (all of them ELBO models). */
    static void addLogWeight(SameDiff sd) {
        if (!sd.hasVariable(LOG_WEIGHT)) {
            logWeight(sd, sd.getVariable(REC), sd.getVariable(Z), sd.getVariable(EPS), sd.getVariable(LOGVAR));
        }
    }

    /**
     * {@code log_weight}: log p(x|z) + log p(z) - log q(z|x) per sample, the importance weight of the drawn z.
     * As (z - mu) / sigma = eps, the Gaussian densities reduce to sums of z^2, logvar and eps^2 (the 2 pi terms
     * cancel).
     */
    private static SDVariable logWeight(SameDiff sd, SDVariable rec, SDVariable z, SDVariable eps, SDVariable logvar) {
        SDVariable logRatio = logvar.add(eps.mul(eps)).sub(z.mul(z)).sum(1).mul(0.5);
        return rec.neg().add(LOG_WEIGHT, logRatio);
    }

    /** Each row of {@code v} [batch, width] repeated {@code samples} times in a row: [batch * samples, width]. */
    private static SDVariable repeatRows(SameDiff sd, SDVariable v, SDVariable samples, int width) {
        SDVariable reps = sd.concat(0, sd.constant(Nd4j.createFromArray(1)), samples);
        return sd.reshape(sd.tile(v, reps), -1, width);
    }

    /**
     * {@code iwae_bound}: log (1/k) sum_i exp(log_weight_i) over each example's k rows, shifted by their maximum so
     * that exp() neither underflows nor overflows. Built from plain ops: the backward passes of SameDiff's
     * {@code reduce_logsumexp} and {@code log_softmax} take exp() unshifted, 0/0 at log weights of -100 nats in
     * float. A padding column of -1e30 (exp() of it is 0) keeps the reductions over at least two columns, as M2.1's
     * reductions fail over a dimension of size 1 (k = 1, as in evaluation).
     */
    private static SDVariable logMeanExp(SameDiff sd, SDVariable logWeight, SDVariable samples, DataType dataType) {
        SDVariable perExample = sd.reshape(logWeight, sd.concat(0, sd.constant(Nd4j.createFromArray(-1)), samples));
        SDVariable padding = sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {0, 1}}));
        SDVariable padded = sd.nn.pad(perExample, padding, PadMode.CONSTANT, -1e30);
        SDVariable max = padded.max(true, 1);
        SDVariable logSum = sd.math.log(sd.math.exp(padded.sub(max)).sum(1)).add(sd.reshape(max, -1));
        return logSum.sub(IWAE_BOUND, sd.math.log(samples.castTo(dataType)));
    }

    /**
     * Builds the graph's backward pass, once. SameDiff M2.1 prints a line per differentiated op to stdout while
     * doing so ("Added differentiated op ..."); the command line filters those lines out of its output.
     */
    public static synchronized void createGradFunction(SameDiff sd) {
        if (sd.getFunction("grad") == null) {
            sd.createGradFunction();
        }
    }

    /** The trainable variables' names, in layer order: W1 b1 W2_mu b2_mu W2_logvar b2_logvar W3 b3 W4 b4 for one layer each. */
    public static List<String> parameterNames(ModelSettings m) {
        return new ArrayList<>(parameterShapes(m, 1).keySet());
    }

    /** The trainable variables' shapes by name, in layer order, for inputs of {@code inputSize} values. */
    public static Map<String, long[]> parameterShapes(ModelSettings m, int inputSize) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        int fanIn = inputSize;
        for (int i = 0; i < m.encoder().size(); i++) {
            addLayer(shapes, layerSuffix(1, i), fanIn, m.encoder().get(i));
            fanIn = m.encoder().get(i);
        }
        addLayer(shapes, "2_mu", fanIn, m.latent());
        addLayer(shapes, "2_logvar", fanIn, m.latent());
        fanIn = m.latent();
        for (int i = 0; i < m.decoder().size(); i++) {
            addLayer(shapes, layerSuffix(3, i), fanIn, m.decoder().get(i));
            fanIn = m.decoder().get(i);
        }
        addLayer(shapes, "4", fanIn, inputSize);
        shapes.putAll(m.likelihood().parameterShapes(inputSize));
        return shapes;
    }

    private static void addLayer(Map<String, long[]> shapes, String suffix, int fanIn, int fanOut) {
        shapes.put("W" + suffix, new long[] {fanIn, fanOut});
        shapes.put("b" + suffix, new long[] {fanOut});
    }

    /** Layer {@code index} (0-based) of a stack named {@code stack}: 1, 1_2, 1_3, ... */
    private static String layerSuffix(int stack, int index) {
        return index == 0 ? String.valueOf(stack) : stack + "_" + (index + 1);
    }

    /** The decoder from {@code z} to its output (e.g. logits): hidden layers W3, W3_2, ..., then W4. */
    private static SDVariable decoder(SameDiff sd, ModelSettings m, SDVariable z, int inputSize, ParameterSource p) {
        SDVariable d = z;
        int fanIn = m.latent();
        List<Integer> decoder = m.decoder();
        for (int i = 0; i < decoder.size(); i++) {
            String suffix = layerSuffix(3, i);
            d = m.activation().apply(sd, "h" + suffix, dense(sd, p, "a" + suffix, d, fanIn, decoder.get(i), suffix));
            fanIn = decoder.get(i);
        }
        return dense(sd, p, m.likelihood().outputName(), d, fanIn, inputSize, "4");
    }

    /** Where a layer's arrays come from: fresh initialisation, or a trained model's arrays. */
    @FunctionalInterface
    private interface ParameterSource {
        INDArray get(String name, int fanIn, int fanOut);
    }

    /** {@code in W + b} with weights W{suffix} and bias b{suffix} from {@code p}. */
    private static SDVariable dense(SameDiff sd, ParameterSource p, String name, SDVariable in, int fanIn, int fanOut,
                                    String suffix) {
        SDVariable w = sd.var("W" + suffix, p.get("W" + suffix, fanIn, fanOut));
        SDVariable b = sd.var("b" + suffix, p.get("b" + suffix, fanIn, fanOut));
        return sd.nn.linear(name, in, w, b);
    }
}

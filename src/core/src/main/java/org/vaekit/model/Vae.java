package org.vaekit.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.AtomicWrite;
import org.vaekit.VaekitException;
import org.vaekit.config.ModelSettings;

/**
 * A VAE: its SameDiff graph plus what users ask of it (encode, decode, reconstruct, sample, the ELBO and the
 * importance-sampled log p(x) over data, save, load, weights in and out by name).
 * Evaluation switches the training-only input noise off.
 */
public final class Vae {
    private final SameDiff sd;
    private final ModelSettings settings;
    private final int inputSize;
    /** Rows per graph call when importance sampling (examples x samples), to bound memory. */
    private static final long MAX_ROWS = 1000;
    private SameDiff decoder;

    private Vae(SameDiff sd, ModelSettings settings, int inputSize) {
        this.sd = sd;
        this.settings = settings;
        this.inputSize = inputSize;
    }

    /** A new model with freshly initialised weights. */
    public static Vae create(ModelSettings settings, int inputSize, long seed) {
        return new Vae(VaeGraph.build(settings, inputSize, seed, DataType.FLOAT, VaeGraph.Noise.SAMPLED), settings,
                inputSize);
    }

    /** Loads a model saved by {@link #save}, checking it has the architecture {@code settings} describes. */
    public static Vae load(Path file, ModelSettings settings) {
        if (!Files.isRegularFile(file)) {
            throw new VaekitException("model file " + file + " not found");
        }
        try {
            return fromBytes(Files.readAllBytes(file), "model file " + file, settings);
        } catch (IOException e) {
            throw new VaekitException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A model from the bytes {@link #toBytes()} gave (SameDiff's FlatBuffers format, with the Adam state), checked
     * against the architecture {@code settings} describes.
     *
     * @param origin what the bytes are, for messages (e.g. "model file runs/x/model.sdz")
     */
    public static Vae fromBytes(byte[] bytes, String origin, ModelSettings settings) {
        SameDiff sd;
        try {
            FlatBufferBounds.check(bytes, origin);
            sd = SameDiff.fromFlatBuffers(ByteBuffer.wrap(bytes), true);
        } catch (VaekitException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new VaekitException(origin + " is corrupt or not a SameDiff model: " + rootCause(e), e);
        }
        SDVariable input = sd.getVariable(VaeGraph.INPUT);
        if (input == null || input.getShape() == null || input.getShape().length != 2) {
            throw new VaekitException(origin + " is not a vaekit VAE (no placeholder 'input' [batch, size])");
        }
        int inputSize = (int) input.getShape()[1];
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : VaeGraph.parameterNames(settings)) {
            SDVariable v = sd.getVariable(name);
            if (v != null && v.getArr() != null) {
                arrays.put(name, v.getArr());
            }
        }
        List<String> problems = shapeProblems(arrays, VaeGraph.parameterShapes(settings, inputSize), false);
        if (!problems.isEmpty()) {
            throw new VaekitException(origin + " does not fit the config's architecture: "
                    + String.join("; ", problems));
        }
        VaeGraph.addLogWeight(sd);
        FreshNoise.attach(sd); // listeners are not saved with the graph
        return new Vae(sd, settings, inputSize);
    }

    /** The innermost cause on one line: SameDiff wraps Jackson's and FlatBuffers' errors, some of them multi-line. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("\\s+", " ").trim();
        return root.getClass().getSimpleName() + message;
    }

    /**
     * A model of the architecture {@code settings} describes with the given weights (e.g. read from an .npz file),
     * its input size taken from the first weight matrix. Every missing, mis-shaped or unknown array is reported.
     *
     * @param source where the arrays come from, for messages
     */
    public static Vae fromWeights(ModelSettings settings, Map<String, INDArray> weights, String source) {
        String first = VaeGraph.parameterNames(settings).get(0);
        INDArray w = weights.get(first);
        if (w == null || w.rank() != 2) {
            throw new VaekitException(source + ": array '" + first + "' [input, units] is "
                    + (w == null ? "missing" : "of shape " + Arrays.toString(w.shape())) + ": cannot tell the input size");
        }
        int inputSize = (int) w.size(0);
        List<String> problems = shapeProblems(weights, VaeGraph.parameterShapes(settings, inputSize), true);
        if (!problems.isEmpty()) {
            throw new VaekitException(source + " does not fit the config's model: " + String.join("; ", problems));
        }
        Vae vae = create(settings, inputSize, 0);
        vae.parameters().forEach((name, arr) -> arr.assign(weights.get(name).castTo(arr.dataType())));
        return vae;
    }

    /** One line per array that is missing, has the wrong shape or (when {@code strict}) is not expected. */
    private static List<String> shapeProblems(Map<String, INDArray> actual, Map<String, long[]> expected,
                                              boolean strict) {
        List<String> problems = new ArrayList<>();
        expected.forEach((name, shape) -> {
            INDArray a = actual.get(name);
            if (a == null) {
                problems.add("array '" + name + "' is missing (expected shape " + Arrays.toString(shape) + ")");
            } else if (!Arrays.equals(a.shape(), shape)) {
                problems.add("array '" + name + "' has shape " + Arrays.toString(a.shape()) + " but the config's model"
                        + " needs " + Arrays.toString(shape));
            }
        });
        if (strict) {
            actual.keySet().stream().filter(name -> !expected.containsKey(name)).sorted().forEach(name ->
                    problems.add("array '" + name + "' is not part of the config's model"));
        }
        return problems;
    }

    /** Writes the weights by name (W1, b1, ...) as a NumPy .npz file. */
    public void exportNpz(Path file) {
        NpzWeights.write(parameters(), file);
    }

    /** The graph, weights and optimiser state in SameDiff's FlatBuffers format, as {@link #save} writes them. */
    public byte[] toBytes() {
        ByteBuffer fb = sd.asFlatBuffers(true);
        return Arrays.copyOfRange(fb.array(), fb.position(), fb.array().length);
    }

    /** Writes the graph, weights and optimiser state atomically: a crash leaves the previous file intact. */
    public void save(Path file) {
        try {
            AtomicWrite.bytes(file, toBytes());
        } catch (IOException | RuntimeException e) {
            throw new VaekitException("cannot save model to " + file + ": " + e.getMessage()
                    + " (the previous " + file.getFileName() + " is kept)", e);
        }
    }

    public SameDiff graph() {
        return sd;
    }

    public ModelSettings settings() {
        return settings;
    }

    public int inputSize() {
        return inputSize;
    }

    /** The trainable variables by name (W1, b1, ...), as views of the model's arrays. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : VaeGraph.parameterNames(settings)) {
            out.put(name, sd.getVariable(name).getArr());
        }
        return out;
    }

    /** Mean negative ELBO and its parts over the batches, with one z sample per example. */
    public Elbo elbo(List<DataSet> batches) {
        double rec = 0;
        double kl = 0;
        long n = 0;
        for (DataSet batch : batches) {
            Map<String, INDArray> out = evaluate(batch.getFeatures(), VaeGraph.REC, VaeGraph.KL);
            rec += out.get(VaeGraph.REC).sumNumber().doubleValue();
            kl += out.get(VaeGraph.KL).sumNumber().doubleValue();
            n += batch.numExamples();
        }
        if (n == 0) {
            throw new VaekitException("cannot compute the ELBO of an empty dataset");
        }
        return new Elbo(rec / n, kl / n, n);
    }

    /**
     * The negative ELBO of each example, -log p(x|z) + KL(q(z|x) || p(z)) with one z drawn from q(z|x): in nats,
     * [batch] doubles. Higher means the model explains the example worse.
     */
    public INDArray negativeElbo(INDArray x) {
        Map<String, INDArray> out = evaluate(x, VaeGraph.REC, VaeGraph.KL);
        return out.get(VaeGraph.REC).castTo(DataType.DOUBLE).addi(out.get(VaeGraph.KL).castTo(DataType.DOUBLE));
    }

    /** The posterior's mean and log-variance, each [batch, latent]. */
    public Map<String, INDArray> encode(INDArray x) {
        return evaluate(x, VaeGraph.MU, VaeGraph.LOGVAR);
    }

    /** Means of p(x|z) for one z drawn from q(z|x), [batch, inputSize]. */
    public INDArray reconstruct(INDArray x) {
        return evaluate(x, VaeGraph.X_REC).get(VaeGraph.X_REC);
    }

    /** Means of p(x|z) for the given codes z [batch, latent], [batch, inputSize]. */
    public INDArray decode(INDArray z) {
        if (z.rank() != 2 || z.size(1) != settings.latent()) {
            throw new VaekitException("z has shape " + Arrays.toString(z.shape()) + ", the model expects [batch, "
                    + settings.latent() + "]");
        }
        return decoder().output(Map.of(VaeGraph.Z, z.castTo(DataType.FLOAT)), VaeGraph.X_REC).get(VaeGraph.X_REC);
    }

    /** The decoder graph, rebuilt when the full graph's weight arrays were replaced (e.g. by loading). */
    private SameDiff decoder() {
        Map<String, INDArray> params = parameters();
        boolean current = decoder != null && params.entrySet().stream()
                .filter(e -> decoder.hasVariable(e.getKey()))
                .allMatch(e -> decoder.getVariable(e.getKey()).getArr() == e.getValue());
        if (!current) {
            decoder = VaeGraph.buildDecoder(settings, inputSize, params);
        }
        return decoder;
    }

    /** {@code n} draws z ~ N(0, I), the means of p(x|z) and one Bernoulli sample from each, all from {@code rng}. */
    public Samples sample(int n, Random rng) {
        INDArray z = Nd4j.randn(rng, n, settings.latent()).castTo(DataType.FLOAT);
        INDArray means = decode(z);
        return new Samples(z, means, settings.likelihood().draw(means, sd, rng));
    }

    /**
     * Importance-sampled estimate of log p(x) per example (the IWAE bound): log (1/k) sum_i p(x, z_i) / q(z_i|x) with
     * k draws z_i ~ q(z|x), through a stable log-sum-exp. k = 1 is the one-sample ELBO; the bound rises with k.
     * Examples go through the graph in chunks of about 1,000 rows (examples x k; one example per call when k is
     * larger). Each chunk's arrays are released as soon as it is done: left to the garbage collector, which sees only
     * their small Java handles, a k = 5000 evaluation held gigabytes of native memory.
     *
     * @return [batch] estimates in nats, as doubles
     */
    public INDArray logLikelihood(INDArray x, int k) {
        if (k < 1) {
            throw new VaekitException("importance samples k = " + k + ": expected k >= 1");
        }
        long n = x.size(0);
        INDArray out = Nd4j.create(DataType.DOUBLE, n);
        long perCall = Math.max(1, MAX_ROWS / k);
        for (long from = 0; from < n; from += perCall) {
            long to = Math.min(n, from + perCall);
            INDArray chunk = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            // Each example repeated k times in a row: row i*k + j holds sample j of example i.
            INDArray repeated = chunk.repeat(0, k);
            INDArray logWeights = evaluate(repeated, VaeGraph.LOG_WEIGHT).get(VaeGraph.LOG_WEIGHT);
            INDArray asDouble = logWeights.castTo(DataType.DOUBLE);
            INDArray bounds = LogMeanExp.rows(asDouble.reshape(to - from, k));
            out.get(NDArrayIndex.interval(from, to)).assign(bounds);
            release(repeated, logWeights, asDouble, bounds);
        }
        return out;
    }

    /** Frees the native memory of arrays no longer used (views and shared arrays are left to the collector). */
    private static void release(INDArray... arrays) {
        Set<INDArray> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (INDArray a : arrays) {
            if (done.add(a) && a.closeable()) {
                a.close();
            }
        }
    }

    /**
     * Runs the graph on {@code x} with the input noise off and, for IWAE models, one z per example, so every output
     * has one row per example whatever the training objective.
     */
    public Map<String, INDArray> evaluate(INDArray x, String... outputs) {
        if (x.rank() != 2 || x.size(1) != inputSize) {
            throw new VaekitException("input has shape " + Arrays.toString(x.shape())
                    + ", the model expects [batch, " + inputSize + "]");
        }
        INDArray keep = sd.hasVariable(VaeGraph.KEEP_PROB) ? sd.getVariable(VaeGraph.KEEP_PROB).getArr() : null;
        INDArray samples = sd.hasVariable(VaeGraph.IWAE_SAMPLES)
                ? sd.getVariable(VaeGraph.IWAE_SAMPLES).getArr() : null;
        double trainingKeep = keep == null ? 1.0 : keep.getDouble(0);
        int trainingSamples = samples == null ? 1 : samples.getInt(0);
        try {
            if (keep != null) {
                keep.assign(1.0);
            }
            if (samples != null) {
                samples.assign(1);
            }
            return sd.output(Map.of(VaeGraph.INPUT, x.castTo(DataType.FLOAT)), outputs);
        } finally {
            if (keep != null) {
                keep.assign(trainingKeep);
            }
            if (samples != null) {
                samples.assign(trainingSamples);
            }
        }
    }

    /** Sets the weight of the KL term in the training loss (1 = the ELBO); models saved without one accept only 1. */
    public void setKlWeight(double weight) {
        if (sd.hasVariable(VaeGraph.KL_WEIGHT)) {
            sd.getVariable(VaeGraph.KL_WEIGHT).getArr().assign(weight);
        } else if (weight != 1.0) {
            throw new VaekitException("this model has no KL weight (it was trained on the IWAE bound, or saved before"
                    + " the weight existed): train.kl-beta and train.kl-warmup-epochs need an ELBO model trained with"
                    + " them");
        }
    }

    /** Stops when data with {@code dataSize} values per example meets this model, naming both sizes. */
    public void requireInputSize(int dataSize, String data) {
        if (dataSize != inputSize) {
            throw new VaekitException("the model expects " + inputSize + " values per example but " + data + " has "
                    + dataSize);
        }
    }

    /** Seeds the RNG the graph draws its noise from (ND4J's global RNG). */
    public static void seed(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }
}

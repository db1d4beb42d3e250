package org.vaekit.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.config.ModelSettings;

/**
 * A VAE: its SameDiff graph plus what users ask of it (encode, reconstruct, the ELBO over data, save, load).
 * Evaluation switches the training-only input noise off.
 */
public final class Vae {
    private final SameDiff sd;
    private final ModelSettings settings;
    private final int inputSize;

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
        SameDiff sd;
        try {
            sd = SameDiff.load(file.toFile(), true);
        } catch (RuntimeException e) {
            throw new VaekitException("model file " + file + " is corrupt or not a SameDiff model: " + e.getMessage(), e);
        }
        SDVariable input = sd.getVariable(VaeGraph.INPUT);
        if (input == null || input.getShape() == null || input.getShape().length != 2) {
            throw new VaekitException("model file " + file + " is not a vaekit VAE (no placeholder 'input' [batch, size])");
        }
        int inputSize = (int) input.getShape()[1];
        Vae reference = new Vae(VaeGraph.build(settings, inputSize, 0, DataType.FLOAT, VaeGraph.Noise.SAMPLED),
                settings, inputSize);
        for (String name : VaeGraph.parameterNames(settings)) {
            SDVariable v = sd.getVariable(name);
            long[] expected = reference.sd.getVariable(name).getShape();
            if (v == null || v.getArr() == null) {
                throw new VaekitException("model file " + file + " lacks variable '" + name
                        + "' that the config's architecture needs");
            }
            if (!Arrays.equals(v.getArr().shape(), expected)) {
                throw new VaekitException("model file " + file + ": variable '" + name + "' has shape "
                        + Arrays.toString(v.getArr().shape()) + " but the config's architecture needs "
                        + Arrays.toString(expected));
            }
        }
        FreshNoise.attach(sd); // listeners are not saved with the graph
        return new Vae(sd, settings, inputSize);
    }

    /** Writes the graph, weights and optimiser state atomically: a crash leaves the previous file intact. */
    public void save(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            sd.save(tmp.toFile(), true);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the message below is what matters
            }
            throw new VaekitException("cannot save model to " + file + ": " + e.getMessage(), e);
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

    /** The posterior's mean and log-variance, each [batch, latent]. */
    public Map<String, INDArray> encode(INDArray x) {
        return evaluate(x, VaeGraph.MU, VaeGraph.LOGVAR);
    }

    /** Means of p(x|z) for one z drawn from q(z|x), [batch, inputSize]. */
    public INDArray reconstruct(INDArray x) {
        return evaluate(x, VaeGraph.X_REC).get(VaeGraph.X_REC);
    }

    /** Runs the graph on {@code x} with the input noise off. */
    public Map<String, INDArray> evaluate(INDArray x, String... outputs) {
        if (x.rank() != 2 || x.size(1) != inputSize) {
            throw new VaekitException("input has shape " + Arrays.toString(x.shape())
                    + ", the model expects [batch, " + inputSize + "]");
        }
        INDArray keep = sd.hasVariable(VaeGraph.KEEP_PROB) ? sd.getVariable(VaeGraph.KEEP_PROB).getArr() : null;
        double trainingKeep = keep == null ? 1.0 : keep.getDouble(0);
        try {
            if (keep != null) {
                keep.assign(1.0);
            }
            return sd.output(Map.of(VaeGraph.INPUT, x.castTo(DataType.FLOAT)), outputs);
        } finally {
            if (keep != null) {
                keep.assign(trainingKeep);
            }
        }
    }

    /** Sets the weight of the KL term in the training loss (1 = the ELBO); models saved without one accept only 1. */
    public void setKlWeight(double weight) {
        if (sd.hasVariable(VaeGraph.KL_WEIGHT)) {
            sd.getVariable(VaeGraph.KL_WEIGHT).getArr().assign(weight);
        } else if (weight != 1.0) {
            throw new VaekitException("this model was saved without a KL weight: train.kl-beta and"
                    + " train.kl-warmup-epochs need a model trained with them");
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

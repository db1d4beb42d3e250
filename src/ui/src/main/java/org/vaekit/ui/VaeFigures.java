package org.vaekit.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.config.ModelSettings;
import org.vaekit.data.Labels;
import org.vaekit.eval.ActiveUnits;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * The VAE page's figures of one epoch, computed on the page's writer thread from a copy of the weights: the
 * posterior means of a fixed validation subset (two dimensions, by label), each latent dimension's activity and
 * KL on that subset, and either images (reconstructions beside the originals, prior samples, and for a 2-D code
 * the manifold) or, for examples that are not square images, a table of feature values and their reconstructions.
 */
final class VaeFigures {
    /** Images per row; the reconstruction grid alternates a row of originals and a row of their reconstructions. */
    private static final int ROW = 10;
    private static final int RECONSTRUCTED = 2 * ROW;
    private static final int SAMPLES = 2 * ROW;
    private static final int MANIFOLD_SIDE = 15;
    private static final int TABLE_ROWS = 5;
    private static final int TABLE_COLUMNS = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ModelSettings settings;
    private final INDArray examples;
    private final int[] labels;
    private final Labels labelNames;
    private final List<Integer> dims;
    /** Fixed draws from the prior, so the samples of successive epochs can be compared. */
    private final INDArray priorDraws;
    private Vae copy;

    /**
     * @param examples   the fixed validation subset, [n, inputSize]
     * @param labels     their labels (-1 when unlabelled)
     * @param dims       the latent dimensions plotted (two, or one for a 1-D code)
     */
    VaeFigures(ModelSettings settings, INDArray examples, int[] labels, Labels labelNames, List<Integer> dims) {
        this.settings = settings;
        this.examples = examples;
        this.labels = labels;
        this.labelNames = labelNames;
        this.dims = List.copyOf(dims);
        Random rng = new Random(0);
        float[][] z = new float[SAMPLES][settings.latent()];
        for (float[] row : z) {
            for (int d = 0; d < row.length; d++) {
                row[d] = (float) rng.nextGaussian();
            }
        }
        this.priorDraws = Nd4j.create(z);
    }

    /** The figures for a model with these weights (copies, by name: W1, b1, ...). */
    ObjectNode compute(Map<String, INDArray> weights) {
        if (copy == null) {
            copy = Vae.fromWeights(settings, weights, "the VAE page's copy of the weights");
        } else {
            copy.parameters().forEach((name, array) -> array.assign(weights.get(name)));
        }
        Map<String, INDArray> posterior = copy.encode(examples);
        INDArray mu = posterior.get(VaeGraph.MU).castTo(DataType.DOUBLE);
        INDArray logvar = posterior.get(VaeGraph.LOGVAR).castTo(DataType.DOUBLE);
        ObjectNode out = NODES.objectNode();
        out.set("dims", array(dims.stream().mapToDouble(Integer::doubleValue).toArray()));
        out.set("points", points(mu));
        double[] activity = mu.var(false, 0).toDoubleVector();
        out.set("activity", array(activity));
        out.put("active", (int) Arrays.stream(activity).filter(a -> a > ActiveUnits.THRESHOLD).count());
        // KL(q(z_d|x) || N(0, 1)) per dimension, averaged over the subset
        INDArray kl = Nd4j.math.exp(logvar).addi(mu.mul(mu)).subi(logvar).subi(1.0).muli(0.5).mean(0);
        out.set("klPerDim", array(kl.toDoubleVector()));
        int n = (int) examples.size(0);
        if (PngGrid.isSquare(copy.inputSize())) {
            out.set("images", images(mu, n));
        } else {
            out.set("table", table(mu, n));
        }
        return out;
    }

    private ObjectNode points(INDArray mu) {
        ObjectNode points = NODES.objectNode();
        double[] x = mu.getColumn(dims.get(0)).toDoubleVector();
        double[] y = dims.size() > 1 ? mu.getColumn(dims.get(1)).toDoubleVector() : new double[x.length];
        points.set("x", array(x));
        points.set("y", array(y));
        ArrayNode label = points.putArray("label");
        ArrayNode names = points.putArray("names");
        for (int l : labels) {
            label.add(l);
        }
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        for (int l = 0; l < classes; l++) {
            names.add(labelNames.legend(l));
        }
        return points;
    }

    private ObjectNode images(INDArray mu, int n) {
        ObjectNode images = NODES.objectNode();
        int shown = Math.min(RECONSTRUCTED, n);
        INDArray originals = examples.get(NDArrayIndex.interval(0, shown), NDArrayIndex.all());
        float[][] x = originals.castTo(DataType.FLOAT).toFloatMatrix();
        float[][] rec = decode(mu.get(NDArrayIndex.interval(0, shown), NDArrayIndex.all()));
        float[][] grid = new float[2 * shown][];
        for (int i = 0; i < shown; i++) {
            int row = i / ROW;
            int col = i % ROW;
            grid[2 * row * ROW + col] = x[i];
            grid[(2 * row + 1) * ROW + col] = rec[i];
        }
        images.put("reconstructions", PngGrid.dataUri(compact(grid), ROW));
        images.put("samples", PngGrid.dataUri(decode(priorDraws), ROW));
        if (settings.latent() == 2) {
            images.put("manifold", PngGrid.dataUri(decode(manifoldGrid()), MANIFOLD_SIDE));
        }
        return images;
    }

    /** Drops the empty slots of a last, partly filled pair of rows. */
    private static float[][] compact(float[][] grid) {
        return Arrays.stream(grid).filter(Objects::nonNull).toArray(float[][]::new);
    }

    /** Codes on a grid of prior quantiles 0.05 .. 0.95 in both dimensions, the first row at the top (largest z2). */
    private static INDArray manifoldGrid() {
        NormalDistribution prior = new NormalDistribution(0, 1);
        float[][] z = new float[MANIFOLD_SIDE * MANIFOLD_SIDE][2];
        for (int row = 0; row < MANIFOLD_SIDE; row++) {
            for (int col = 0; col < MANIFOLD_SIDE; col++) {
                double px = 0.05 + 0.9 * col / (MANIFOLD_SIDE - 1);
                double py = 0.95 - 0.9 * row / (MANIFOLD_SIDE - 1);
                z[row * MANIFOLD_SIDE + col][0] = (float) prior.inverseCumulativeProbability(px);
                z[row * MANIFOLD_SIDE + col][1] = (float) prior.inverseCumulativeProbability(py);
            }
        }
        return Nd4j.create(z);
    }

    private ObjectNode table(INDArray mu, int n) {
        ObjectNode table = NODES.objectNode();
        int rows = Math.min(TABLE_ROWS, n);
        int columns = (int) Math.min(TABLE_COLUMNS, examples.size(1));
        table.put("features", (int) examples.size(1));
        float[][] x = examples.get(NDArrayIndex.interval(0, rows), NDArrayIndex.interval(0, columns))
                .castTo(DataType.FLOAT).toFloatMatrix();
        float[][] rec = decode(mu.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()));
        ArrayNode out = table.putArray("rows");
        for (int i = 0; i < rows; i++) {
            ObjectNode row = out.addObject();
            row.set("x", floats(x[i], columns));
            row.set("rec", floats(rec[i], columns));
        }
        return table;
    }

    private float[][] decode(INDArray z) {
        return copy.decode(z).castTo(DataType.FLOAT).toFloatMatrix();
    }

    private static ArrayNode floats(float[] values, int count) {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            a.add(values[i]);
        }
        return a;
    }

    static ArrayNode array(double[] values) {
        ArrayNode a = NODES.arrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}

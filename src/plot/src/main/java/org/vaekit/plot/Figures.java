package org.vaekit.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.VaekitException;
import org.vaekit.config.PlotSettings;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.Labels;
import org.vaekit.data.Split;
import org.vaekit.eval.ExampleScores;
import org.vaekit.model.Samples;
import org.vaekit.model.Vae;

/**
 * All figures of a trained model, as PNG files in one folder: cost curves, the latent space, reconstructions and
 * samples, the 2-D manifold, and the reconstruction error per digit and against the posterior variance.
 */
public final class Figures {
    /** Images per row in the reconstruction and sample figures. */
    public static final int ROW = 20;

    private Figures() {
    }

    /**
     * Writes every figure into {@code dir} (created if needed) and returns their paths. z is drawn from ND4J's RNG
     * seeded with {@code seed}; {@code metricsCsv} may be absent (an imported model), then the cost curves are
     * skipped, as are the latent figures for a one-dimensional code; {@code note} hears why.
     */
    public static List<Path> write(Vae vae, DataPipeline data, PlotSettings settings, Path metricsCsv, Path dir,
                                   long seed, Consumer<String> note) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new VaekitException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(metricsCsv)) {
            out.add(CostCurves.write(metricsCsv, dir.resolve("cost.png")));
        } else {
            note.accept("no " + metricsCsv.getFileName() + " (not trained here): cost curves skipped");
        }

        Vae.seed(seed);
        Map<Split, ExampleScores> scores = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            scores.put(split, ExampleScores.of(vae, data.evaluation(split)));
        }
        Labels labels = data.source().labels();
        int latent = vae.settings().latent();
        int dx = latent == 2 ? 0 : settings.latentDims().get(0);
        int dy = latent == 2 ? 1 : settings.latentDims().get(1);
        if (latent >= 2) {
            for (Split split : Split.values()) {
                out.add(LatentSpace.write(scores.get(split), labels, dx, dy, settings.latentExamples(),
                        "Latent space, " + split.label() + " split: q(z|x) per example",
                        dir.resolve("latent-" + split.label() + ".png")));
            }
        } else {
            note.accept("latent size 1: latent-space and manifold figures skipped");
        }

        if (ImageGrid.isSquare(vae.inputSize())) {
            out.addAll(imageFigures(vae, data, settings, scores, dx, dy, dir, seed));
        } else {
            note.accept("examples of " + vae.inputSize() + " values are not square grayscale images: reconstructions,"
                    + " samples and manifolds skipped");
        }

        out.add(DigitErrors.write(scores, labels, dir.resolve("error-per-digit.png")));
        out.add(ErrorVsVariance.write(scores.get(Split.TEST), labels, "Reconstruction error vs posterior variance, test split",
                dir.resolve("error-vs-variance.png")));
        return out;
    }

    /** Reconstructions, samples and (for codes of 2 or more dimensions) the manifolds, as image grids. */
    private static List<Path> imageFigures(Vae vae, DataPipeline data, PlotSettings settings,
                                           Map<Split, ExampleScores> scores, int dx, int dy, Path dir, long seed) {
        List<Path> out = new ArrayList<>();
        int latent = vae.settings().latent();
        for (Split split : Split.values()) {
            INDArray x = firstRows(data.evaluation(split).get(0).getFeatures(), ROW);
            INDArray rec = vae.reconstruct(x);
            out.add(Charts.save(ImageGrid.titled(ImageGrid.of(Nd4j.vstack(x, rec), ROW, 3, false),
                    "Reconstructions, " + split.label() + " split: data above, means of p(x|z) for a sampled z below",
                    List.of("data", "reconstruction"), rowHeight(vae)), dir.resolve("reconstructions-"
                    + split.label() + ".png")));
        }

        Samples s = vae.sample(ROW, Nd4j.getRandomFactory().getNewRandomInstance(seed));
        out.add(Charts.save(ImageGrid.titled(ImageGrid.of(Nd4j.vstack(s.means(), s.draws()), ROW, 3, false),
                "Samples: z ~ N(0, I), the means of p(x|z), and a " + vae.settings().likelihood().distribution()
                        + " draw from each", List.of("means", vae.settings().likelihood().distribution() + " draws"),
                rowHeight(vae)), dir.resolve("samples.png")));

        if (latent >= 2) {
            int n = settings.manifoldSize();
            out.add(Manifold.overRange(scores.get(Split.TRAIN).mu(), dx, dy, n).write(vae,
                    "2-D manifold over the range of the training set's latent means",
                    dir.resolve("manifold.png")));
            if (settings.gaussianManifold()) {
                out.add(Manifold.overQuantiles(dx, dy, latent, n).write(vae,
                        "2-D manifold over the prior's quantiles", dir.resolve("manifold-gaussian.png")));
            }
        }
        return out;
    }

    private static int rowHeight(Vae vae) {
        return 3 * ImageGrid.side(vae.inputSize());
    }

    private static INDArray firstRows(INDArray x, int n) {
        return x.get(NDArrayIndex.interval(0, Math.min(n, x.size(0))), NDArrayIndex.all());
    }
}

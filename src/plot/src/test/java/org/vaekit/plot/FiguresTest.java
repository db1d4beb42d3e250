package org.vaekit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.Fixtures;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.MnistSource;
import org.vaekit.model.Vae;
import org.vaekit.train.RunFolder;
import org.vaekit.train.TrainingRun;

class FiguresTest {
    private static Vae vae;
    private static VaeConfig cfg;
    private static RunFolder run;

    @BeforeAll
    static void loadTrainedFixture() {
        TrainingRun trained = Fixtures.trainedMini();
        run = trained.folder();
        cfg = ConfigLoader.load(run.file(RunFolder.CONFIG), List.of());
        vae = Vae.load(run.file(RunFolder.MODEL), cfg.model());
    }

    @Test
    void everyFigureIsWrittenWithItsSizeAndIsNotBlank(@TempDir Path dir) throws Exception {
        DataPipeline data = new DataPipeline(MnistSource.prepare(cfg.data()), cfg.data(), 100);
        List<String> notes = new ArrayList<>();
        List<Path> written = Figures.write(vae, data, cfg.plot(), run.file(RunFolder.METRICS), dir, 7, notes::add);
        Map<String, int[]> expected = Map.ofEntries(
                Map.entry("cost.png", new int[] {1000, 700}),
                Map.entry("latent-train.png", new int[] {900, 900}),
                Map.entry("latent-validation.png", new int[] {900, 900}),
                Map.entry("latent-test.png", new int[] {900, 900}),
                Map.entry("reconstructions-train.png", new int[] {0, 234}),
                Map.entry("reconstructions-validation.png", new int[] {0, 234}),
                Map.entry("reconstructions-test.png", new int[] {0, 234}),
                Map.entry("samples.png", new int[] {0, 234}),
                Map.entry("manifold.png", new int[] {860, 900}),
                Map.entry("manifold-gaussian.png", new int[] {860, 900}),
                Map.entry("error-per-digit.png", new int[] {1000, 600}),
                Map.entry("error-vs-variance.png", new int[] {1000, 750}));
        assertEquals(expected.keySet(), Set.copyOf(written.stream().map(p -> p.getFileName().toString()).toList()));
        assertEquals(List.of(), notes);
        for (Path png : written) {
            BufferedImage img = ImageIO.read(png.toFile());
            int[] size = expected.get(png.getFileName().toString());
            if (size[0] > 0) {
                assertEquals(size[0], img.getWidth(), png.toString());
            } else {
                // 20 images of 3 x 28 pixels 2 apart, plus the row labels
                assertTrue(img.getWidth() > 20 * 86, png + " width " + img.getWidth());
            }
            assertEquals(size[1], img.getHeight(), png.toString());
            assertTrue(distinctColours(img) > 40, png + " looks blank: " + distinctColours(img) + " colours");
        }
    }

    @Test
    void theManifoldShowsTheDecodedMeanOfTheCodeItsAxesClaim() {
        INDArray mu = Nd4j.createFromArray(new float[][] {{-2f, 1f}, {3f, -1f}, {0f, 0.5f}});
        Manifold m = Manifold.overRange(mu, 0, 1, 5);
        assertArrayEquals(new double[] {-2, -0.75, 0.5, 1.75, 3}, m.xs(), 1e-9);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, m.ys(), 1e-9);
        BufferedImage image = m.image(vae);
        assertEquals(5 * 28 * 2, image.getWidth());
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                // The tile in row r (from the top), column c must be the decoding of z = (xs[c], ys[4 - r]).
                INDArray z = Nd4j.createFromArray(new float[][] {{(float) m.xs()[c], (float) m.ys()[4 - r]}});
                INDArray mean = vae.decode(z);
                for (int p = 0; p < 784; p += 13) {
                    int gray = image.getRGB(c * 56 + (p % 28) * 2, r * 56 + (p / 28) * 2) & 0xff;
                    assertEquals(Math.round(255 * mean.getDouble(0, p)), gray, 1, "tile " + r + "," + c + " pixel " + p);
                }
            }
        }
    }

    @Test
    void theGaussianManifoldHasEqualPriorMassPerCell() {
        Manifold m = Manifold.overQuantiles(0, 1, 2, 20);
        NormalDistribution normal = new NormalDistribution();
        for (int i = 0; i < 20; i++) {
            assertEquals((i + 0.5) / 20, normal.cumulativeProbability(m.xs()[i]), 1e-9);
        }
        assertEquals(-m.xs()[0], m.xs()[19], 1e-9);
    }

    @Test
    void withMoreLatentDimensionsTheOthersAreHeldAtZero() {
        Manifold m = Manifold.overQuantiles(2, 0, 4, 3);
        INDArray codes = m.codes();
        assertArrayEquals(new long[] {9, 4}, codes.shape());
        assertEquals(0.0, codes.getColumn(1).norm1Number().doubleValue());
        assertEquals(0.0, codes.getColumn(3).norm1Number().doubleValue());
        assertEquals(m.xs()[2], codes.getDouble(2, 2), 1e-6, "row 0, column 2: z3 = xs[2]");
        assertEquals(m.ys()[2], codes.getDouble(2, 0), 1e-6, "top row: z1 = the largest ys");
        assertEquals(DataType.FLOAT, codes.dataType());
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

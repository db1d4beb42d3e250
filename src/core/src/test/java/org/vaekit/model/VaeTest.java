package org.vaekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.ModelSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.MnistSource;
import org.vaekit.data.Split;
import org.vaekit.train.RunFolder;
import org.vaekit.train.TrainingRun;

class VaeTest {
    private static Vae vae;
    private static ModelSettings settings;
    private static INDArray test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadTrainedFixture() {
        TrainingRun run = Fixtures.trainedMini();
        VaeConfig cfg = ConfigLoader.load(run.folder().file(RunFolder.CONFIG), List.of());
        settings = cfg.model();
        vae = Vae.load(run.folder().file(RunFolder.MODEL), settings);
        DataPipeline data = new DataPipeline(MnistSource.prepare(cfg.data()), cfg.data(), 1000);
        test = data.evaluation(Split.TEST).get(0).getFeatures(); // all 200 test images
    }

    @Test
    void decodingTheGraphsZGivesTheGraphsReconstruction() {
        Map<String, INDArray> out = vae.evaluate(test, VaeGraph.Z, VaeGraph.X_REC);
        INDArray decoded = vae.decode(out.get(VaeGraph.Z));
        assertArrayEquals(new long[] {200, 784}, decoded.shape());
        assertTrue(decoded.equalsWithEps(out.get(VaeGraph.X_REC), 1e-5));
        assertThrows(VaekitException.class, () -> vae.decode(Nd4j.zeros(DataType.FLOAT, 3, 5)));
    }

    @Test
    void importanceSamplingWithOneSampleIsTheElboEstimate() {
        Vae.seed(11);
        INDArray ll = vae.logLikelihood(test, 1);
        Vae.seed(11); // the same z: the reconstruction terms agree, only the KL is exact here and sampled there
        Map<String, INDArray> out = vae.evaluate(test, VaeGraph.REC, VaeGraph.KL);
        INDArray elbo = out.get(VaeGraph.REC).add(out.get(VaeGraph.KL)).negi().castTo(DataType.DOUBLE);
        INDArray diff = ll.sub(elbo); // sampled minus exact KL: zero mean
        double se = diff.stdNumber().doubleValue() / Math.sqrt(diff.length());
        assertTrue(se > 0 && se < 1, "standard error " + se);
        assertEquals(0.0, diff.meanNumber().doubleValue(), 4 * se);
        assertTrue(diff.amaxNumber().doubleValue() < 20, "per example only the KL sample differs");
    }

    @Test
    void importanceSamplingTightensWithMoreSamples() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : new int[] {1, 5, 50}) {
            Vae.seed(3);
            double ll = vae.logLikelihood(test, k).meanNumber().doubleValue();
            assertTrue(ll > previous, "k=" + k + ": " + ll + " after " + previous);
            assertTrue(ll < 0);
            previous = ll;
        }
    }

    @Test
    void importanceSamplingStaysFiniteForImprobableImages() {
        INDArray inverted = test.get(NDArrayIndex.interval(0, 20), NDArrayIndex.all()).rsub(1.0);
        Vae.seed(4);
        INDArray ll = vae.logLikelihood(inverted, 20);
        // Log-weights of several hundred nats below zero: exp() underflows, a naive log(mean(exp)) is -inf.
        assertTrue(ll.maxNumber().doubleValue() < -745, "improbable: " + ll.maxNumber());
        assertTrue(Double.isFinite(ll.minNumber().doubleValue()), "finite: " + ll.minNumber());
    }

    @Test
    void samplesDecodeTheirCodesAndDrawBinaryImagesFromTheMeans() {
        Samples s = vae.sample(500, Nd4j.getRandomFactory().getNewRandomInstance(8));
        assertArrayEquals(new long[] {500, 2}, s.z().shape());
        assertEquals(1.0, s.z().stdNumber().doubleValue(), 0.1);
        assertTrue(s.means().equalsWithEps(vae.decode(s.z()), 1e-6));
        INDArray draws = s.draws();
        assertEquals(draws.length(), draws.eq(0).castTo(DataType.INT).sumNumber().longValue()
                + draws.eq(1).castTo(DataType.INT).sumNumber().longValue(), "0/1 only");
        assertEquals(s.means().meanNumber().doubleValue(), draws.meanNumber().doubleValue(), 0.01);
        Samples again = vae.sample(500, Nd4j.getRandomFactory().getNewRandomInstance(8));
        assertEquals(s.draws(), again.draws(), "reproducible from the seed");
    }

    @Test
    void exportThenImportGivesTheSameModel() {
        Path npz = tmp.resolve("weights.npz");
        vae.exportNpz(npz);
        Map<String, INDArray> read = NpzWeights.read(npz);
        assertEquals(VaeGraph.parameterNames(settings), List.copyOf(read.keySet()));
        Vae imported = Vae.fromWeights(settings, read, npz.toString());
        vae.parameters().forEach((name, arr) -> assertEquals(arr, imported.parameters().get(name), name));
        assertEquals(vae.encode(test), imported.encode(test));
        INDArray z = Nd4j.randn(DataType.FLOAT, 7, 2);
        assertEquals(vae.decode(z), imported.decode(z));
        Vae.seed(1);
        INDArray before = vae.logLikelihood(test, 3);
        Vae.seed(1);
        assertEquals(before, imported.logLikelihood(test, 3));
        VaekitException e = assertThrows(VaekitException.class, () -> vae.exportNpz(npz));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void importNamesEachMissingMisshapedOrUnknownArray() {
        Map<String, INDArray> weights = new LinkedHashMap<>(vae.parameters());
        weights.put("W3", Nd4j.zeros(DataType.FLOAT, 3, 64));
        weights.remove("b4");
        weights.put("W9", Nd4j.zeros(DataType.FLOAT, 1));
        VaekitException e = assertThrows(VaekitException.class, () -> Vae.fromWeights(settings, weights, "w.npz"));
        assertEquals("w.npz does not fit the config's model: array 'W3' has shape [3, 64] but the config's model"
                + " needs [2, 64]; array 'b4' is missing (expected shape [784]); array 'W9' is not part of the"
                + " config's model", e.getMessage());
    }

    @Test
    void unreadableWeightFilesAreReportedByName() throws Exception {
        Path text = Files.writeString(tmp.resolve("not.npz"), "hello");
        VaekitException e = assertThrows(VaekitException.class, () -> NpzWeights.read(text));
        assertTrue(e.getMessage().startsWith(text + " is not an .npz file"), e.getMessage());
        VaekitException missing = assertThrows(VaekitException.class, () -> NpzWeights.read(tmp.resolve("no.npz")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void readsWeightsWrittenByNumpy() throws Exception {
        Path npz = Path.of(VaeTest.class.getResource("/weights/numpy-tiny.npz").toURI());
        Map<String, INDArray> w = NpzWeights.read(npz);
        List<String> names = List.of("W1", "b1", "W2_mu", "b2_mu", "W2_logvar", "b2_logvar", "W3", "b3", "W4", "b4");
        assertEquals(names, List.copyOf(w.keySet()));
        assertArrayEquals(new long[] {6, 5}, w.get("W1").shape());
        assertArrayEquals(new long[] {5}, w.get("b1").shape());
        assertEquals(0.007, w.get("W1").getDouble(1, 2), 1e-12, "Fortran-ordered W1[1, 2] is C index 7");
        assertEquals(6.011, w.get("W3").getDouble(2, 3), 1e-6);
        ModelSettings tiny = new ModelSettings(List.of(5), List.of(4), 3, HiddenActivation.TANH, 1.0,
                WeightInit.GLOROT);
        Vae imported = Vae.fromWeights(tiny, w, npz.toString());
        assertEquals(6, imported.inputSize());
        for (int a = 0; a < names.size(); a++) {
            INDArray arr = imported.parameters().get(names.get(a));
            assertEquals(a + (arr.length() - 1) / 1000.0, arr.reshape(arr.length()).getDouble(arr.length() - 1),
                    1e-6, names.get(a));
        }
    }

    @Test
    void loadingWithAnotherArchitectureNamesTheArrayAndBothShapes() {
        ModelSettings wider = new ModelSettings(List.of(64), List.of(80), 2, HiddenActivation.TANH, 1.0,
                WeightInit.GLOROT);
        Path model = Fixtures.trainedMini().folder().file(RunFolder.MODEL);
        VaekitException e = assertThrows(VaekitException.class, () -> Vae.load(model, wider));
        assertTrue(e.getMessage().contains("array 'W3' has shape [2, 64] but the config's model needs [2, 80]"),
                e.getMessage());
    }
}

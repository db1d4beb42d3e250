package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.VaeConfig;

class DataPipelineTest {
    @TempDir
    Path runs;

    private DataPipeline pipeline(String... overrides) {
        VaeConfig c = Fixtures.miniConfig(runs, overrides);
        return new DataPipeline(MnistSource.prepare(c.data()), c.data(), 64);
    }

    @Test
    void splitsFollowTheConfiguredSizes() {
        DataPipeline p = pipeline("data.train-size=300", "data.test-size=150");
        assertEquals(300, p.source().size(Split.TRAIN));
        assertEquals(100, p.source().size(Split.VALIDATION));
        assertEquals(150, p.source().size(Split.TEST));
        assertEquals(784, p.source().inputSize());
        int n = p.evaluation(Split.VALIDATION).stream().mapToInt(DataSet::numExamples).sum();
        assertEquals(100, n);
    }

    @Test
    void trainingBatchesAreBinaryUnlabelledAndReshuffledEachEpoch() {
        DataSetIterator it = pipeline().training(50, 3);
        DataSet first = it.next();
        assertEquals(50, first.numExamples());
        assertEquals(784, first.getFeatures().size(1));
        assertNull(first.getLabels());
        INDArray x = first.getFeatures();
        assertEquals(x.length(), x.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue()
                + x.eq(1).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue());
        int batches = 1;
        while (it.hasNext()) {
            it.next();
            batches++;
        }
        assertEquals(18, batches); // 900 examples / 50
        it.reset();
        assertNotEquals(x, it.next().getFeatures(), "a new epoch brings a new order and new draws");
    }

    @Test
    void theSameSeedGivesTheSameEpochs() {
        INDArray a = pipeline().training(50, 11).next().getFeatures();
        INDArray b = pipeline().training(50, 11).next().getFeatures();
        assertEquals(a, b);
    }

    @Test
    void evaluationDataIsBinarizedOnceAndKeepsLabels() {
        DataPipeline p = pipeline();
        List<DataSet> v1 = p.evaluation(Split.TEST);
        DataSet b = v1.get(0);
        assertEquals(10, b.getLabels().size(1));
        assertEquals(7, b.getLabels().getRow(0).argMax().getInt(0)); // first MNIST test digit is a 7
        List<DataSet> fresh = pipeline().evaluation(Split.TEST);
        assertEquals(b.getFeatures(), fresh.get(0).getFeatures(), "fixed seed: same binarization every time");
    }

    @Test
    void splitSizesBeyondTheDataAreErrorsNamingTheKey() {
        VaekitException e = assertThrows(VaekitException.class, () -> pipeline("data.train-size=950"));
        assertTrue(e.getMessage().contains("'data.train-size' = 950 exceeds the 900 training images"), e.getMessage());
        VaekitException v = assertThrows(VaekitException.class, () -> pipeline("data.validation-size=1000"));
        assertTrue(v.getMessage().contains("data.validation-size"), v.getMessage());
    }

    @Test
    void evaluationBatchesReadAfreshOnEveryPassAreTheSameAsKeptOnes() {
        DataPipeline p = pipeline();
        DataSource source = p.source();
        VaeConfig c = Fixtures.miniConfig(runs);
        int batch = 64;
        java.util.function.Function<Boolean, List<DataSet>> batches = keep -> new EvaluationBatches(
                () -> new org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator(
                        source.reader(Split.TEST, false, 0), batch, 1, 10),
                () -> new Binarizer(c.data().binarization(), c.data().threshold(), 99), (200 + batch - 1) / batch, keep);
        List<DataSet> streamed = batches.apply(false);
        List<DataSet> kept = batches.apply(true);
        assertEquals(4, streamed.size());
        List<DataSet> pass1 = List.copyOf(streamed);
        List<DataSet> pass2 = List.copyOf(streamed);
        List<DataSet> keptPass1 = List.copyOf(kept);
        List<DataSet> keptPass2 = List.copyOf(kept);
        for (int i = 0; i < 4; i++) {
            assertEquals(pass1.get(i).getFeatures(), pass2.get(i).getFeatures(), "the same draws on every pass");
            assertTrue(pass1.get(i) != pass2.get(i), "read afresh, not kept");
            assertEquals(pass1.get(i).getFeatures(), keptPass1.get(i).getFeatures());
            assertTrue(keptPass1.get(i) == keptPass2.get(i), "kept after the first pass");
        }
        assertEquals(pass1.get(2).getFeatures(), streamed.get(2).getFeatures(), "get(i) reads the batches before it");
        assertEquals(8, pass1.get(3).numExamples());
    }
}

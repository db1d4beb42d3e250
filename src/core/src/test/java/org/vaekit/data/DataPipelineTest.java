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
}

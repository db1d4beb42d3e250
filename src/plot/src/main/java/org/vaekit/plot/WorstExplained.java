package org.vaekit.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The examples a model explains worst, each above its reconstruction, ten per row pair, worst first. */
public final class WorstExplained {
    private static final int ROW = 10;
    private static final int SCALE = 3;

    private WorstExplained() {
    }

    /**
     * Writes the figure.
     *
     * @param x               [n, side*side] the examples, worst first
     * @param reconstructions [n, side*side] what the model makes of them
     * @param title           e.g. "20 worst-explained test examples (highest negative ELBO)"
     */
    public static Path write(INDArray x, INDArray reconstructions, String title, Path png) {
        int n = (int) x.size(0);
        List<INDArray> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int from = 0; from < n; from += ROW) {
            int to = Math.min(n, from + ROW);
            rows.add(padded(x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())));
            rows.add(padded(reconstructions.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())));
            labels.add("#" + (from + 1) + "-" + to);
            labels.add("reconstruction");
        }
        int rowHeight = SCALE * ImageGrid.side((int) x.size(1));
        return ImageGrid.write(ImageGrid.titled(ImageGrid.of(Nd4j.vstack(rows), ROW, SCALE, false), title, labels,
                rowHeight), png);
    }

    /** A full row of {@value #ROW} images: a short last row is filled with black ones. */
    private static INDArray padded(INDArray images) {
        if (images.size(0) == ROW) {
            return images;
        }
        return Nd4j.vstack(images, Nd4j.zeros(images.dataType(), ROW - images.size(0), images.size(1)));
    }
}

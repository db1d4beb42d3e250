package org.vaekit.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.data.Labels;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * Writes the posterior q(z|x) = N(mu, exp(logvar)) of every example of a stream as CSV, block by block:
 * {@code index,label,mu_0,...,logvar_0,...} (no label column for unlabelled data). The posterior has no noise,
 * so the rows depend on the block's binarization alone.
 */
public final class StreamingEncoder {
    private final Vae vae;
    private final Labels labels;

    public StreamingEncoder(Vae vae, Labels labels) {
        this.vae = vae;
        this.labels = labels;
    }

    /** The header line's cells. */
    public List<String> header(boolean labelled) {
        List<String> h = new ArrayList<>(List.of("index"));
        if (labelled) {
            h.add("label");
        }
        int latent = vae.settings().latent();
        for (int j = 0; j < latent; j++) {
            h.add("mu_" + j);
        }
        for (int j = 0; j < latent; j++) {
            h.add("logvar_" + j);
        }
        return h;
    }

    /** The rows of one block, in example order. */
    public List<List<String>> rows(ExampleBlock block) {
        Map<String, INDArray> posterior = vae.encode(block.features());
        INDArray mu = posterior.get(VaeGraph.MU);
        INDArray logvar = posterior.get(VaeGraph.LOGVAR);
        int latent = (int) mu.size(1);
        List<List<String>> rows = new ArrayList<>(block.size());
        for (int i = 0; i < block.size(); i++) {
            List<String> row = new ArrayList<>(2 + 2 * latent);
            row.add(Long.toString(block.first() + i));
            if (block.labels() != null) {
                row.add(labels.name(block.labels()[i]));
            }
            for (int j = 0; j < latent; j++) {
                row.add(Float.toString(mu.getFloat(i, j)));
            }
            for (int j = 0; j < latent; j++) {
                row.add(Float.toString(logvar.getFloat(i, j)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Encodes every block into the new file {@code out} and returns the number of rows written. */
    public long write(ExampleBlocks blocks, Path out) {
        try (CsvTable table = CsvTable.create(out, header(blocks.labelled()))) {
            while (blocks.hasNext()) {
                rows(blocks.next()).forEach(table::row);
            }
            table.commit();
            return table.rows();
        }
    }
}

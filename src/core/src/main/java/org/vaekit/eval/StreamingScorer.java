package org.vaekit.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.VaekitException;
import org.vaekit.data.Labels;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;

/**
 * Scores every example of a stream, block by block: the negative ELBO and its parts, and with {@code k >= 1}
 * importance samples the IWAE estimate of log p(x); writes them as CSV
 * ({@code index,label,neg_elbo,rec,kl[,log_px]}), keeps the worst-explained examples and, when asked, how well
 * the ranking finds one label. Before each block ND4J's RNG is seeded from (seed, block), so a block's rows are
 * the same whichever blocks are scored with it.
 */
public final class StreamingScorer {
    private final Vae vae;
    private final Labels labels;
    private final BlockNoise noise;
    private final int k;

    /**
     * @param k importance samples for log p(x), or 0 for none
     */
    public StreamingScorer(Vae vae, Labels labels, BlockNoise noise, int k) {
        if (k < 0) {
            throw new VaekitException("importance samples k = " + k + ": expected k >= 1 (or none)");
        }
        this.vae = vae;
        this.labels = labels;
        this.noise = noise;
        this.k = k;
    }

    /** What a scoring pass leaves besides its file. */
    public record Summary(Path file, long rows, WorstExamples worst, Optional<HeldOutRanking> ranking) {
    }

    /** The header line's cells. */
    public List<String> header(boolean labelled) {
        List<String> h = new ArrayList<>(List.of("index"));
        if (labelled) {
            h.add("label");
        }
        h.addAll(List.of("neg_elbo", "rec", "kl"));
        if (k > 0) {
            h.add("log_px");
        }
        return h;
    }

    /** The scores of one block's examples, in order, with the block's own noise. */
    public List<ScoredExample> score(ExampleBlock block) {
        Vae.seed(noise.modelSeed(block.index()));
        Map<String, INDArray> out = vae.evaluate(block.features(), VaeGraph.REC, VaeGraph.KL);
        INDArray rec = out.get(VaeGraph.REC).castTo(DataType.DOUBLE);
        INDArray kl = out.get(VaeGraph.KL).castTo(DataType.DOUBLE);
        INDArray logPx = k > 0 ? vae.logLikelihood(block.features(), k) : null;
        List<ScoredExample> scores = new ArrayList<>(block.size());
        for (int i = 0; i < block.size(); i++) {
            double r = rec.getDouble(i);
            double d = kl.getDouble(i);
            scores.add(new ScoredExample(block.first() + i, block.labels() == null ? -1 : block.labels()[i], r + d,
                    r, d, logPx == null ? Double.NaN : logPx.getDouble(i)));
        }
        return scores;
    }

    /** One example's row. The terms are the graph's floats; their sum and log p(x) are doubles. */
    public List<String> row(ScoredExample s, boolean labelled) {
        List<String> row = new ArrayList<>(6);
        row.add(Long.toString(s.index()));
        if (labelled) {
            row.add(labels.name(s.label()));
        }
        row.add(Double.toString(s.negativeElbo()));
        row.add(Float.toString((float) s.rec()));
        row.add(Float.toString((float) s.kl()));
        if (k > 0) {
            row.add(Double.toString(s.logPx()));
        }
        return row;
    }

    /**
     * Scores every block into the new file {@code out}, keeping the {@code top} worst-explained examples and, when
     * {@code heldOut} is given, the ranking quality for that label.
     */
    public Summary write(ExampleBlocks blocks, Path out, int top, Optional<Integer> heldOut) {
        if (top < 0) {
            throw new VaekitException("top " + top + ": expected a number of examples >= 0");
        }
        WorstExamples worst = new WorstExamples(top);
        Optional<HeldOutRanking> ranking = heldOut.map(HeldOutRanking::new);
        boolean labelled = blocks.labelled();
        try (CsvTable table = CsvTable.create(out, header(labelled))) {
            while (blocks.hasNext()) {
                ExampleBlock block = blocks.next();
                for (ScoredExample s : score(block)) {
                    table.row(row(s, labelled));
                    int i = (int) (s.index() - block.first());
                    worst.offer(s, () -> block.features().getRow(i).toFloatVector());
                    ranking.ifPresent(r -> r.add(s));
                }
            }
            return new Summary(table.commit(), table.rows(), worst, ranking);
        }
    }
}

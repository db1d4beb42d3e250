package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.VaekitException;
import org.vaekit.data.Labels;
import org.vaekit.eval.CsvTable;
import org.vaekit.eval.StreamingScorer;
import org.vaekit.eval.WorstExamples;
import org.vaekit.model.Vae;
import org.vaekit.model.VaeGraph;
import org.vaekit.plot.ImageGrid;
import org.vaekit.plot.WorstExplained;
import org.vaekit.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code score RUN_DIR --out FILE}: per example the negative ELBO, its parts and optionally log p(x), streamed to
 * CSV; the worst-explained examples as a table and, for images, a figure.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Write the negative ELBO, reconstruction and KL terms (and with --iwae-samples the"
                + " importance-sampled log p(x)) of every example of a split (default: the run's test split) or of"
                + " given data as CSV: index,label,neg_elbo,rec,kl[,log_px]. Streamed block by block, seeded per block.",
                "Prints the N worst-explained examples (highest negative ELBO, or lowest log p(x)); for images also"
                        + " draws them above their reconstructions in FILE's folder (FILE's name + -worst.png)."})
final class ScoreCommand implements Callable<Integer> {
    /** Ranks at which --held-out reports the precision, besides the held-out label's count. */
    private static final int[] PRECISION_AT = {100, 500};

    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by train or import.")
    Path runDir;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (must not"
            + " exist).")
    Path out;

    @Option(names = "--iwae-samples", paramLabel = "K",
            description = "Also estimate log p(x) with K importance samples per example (K >= 1), and rank by it.")
    Integer k;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "How many worst-explained examples to show (default: ${DEFAULT-VALUE}; 0 = none).")
    int top;

    @Option(names = "--held-out", paramLabel = "LABEL",
            description = "A label (by name, e.g. a digit left out of training with data.exclude-labels): print the"
                    + " precision among the worst-explained examples and the ROC AUC of the ranking for it.")
    String heldOut;

    @Override
    public Integer call() {
        if (k != null && k < 1) {
            throw new VaekitException("--iwae-samples " + k + ": expected a number of importance samples >= 1");
        }
        if (top < 0) {
            throw new VaekitException("--top " + top + ": expected a number of examples >= 0");
        }
        CsvTable.requireAbsent(out);
        TrainedRun run = TrainedRun.open(runDir);
        Vae vae = run.vae();
        Path figure = top > 0 && ImageGrid.isSquare(vae.inputSize()) ? figureFile() : null;
        if (figure != null) {
            CsvTable.requireAbsent(figure);
        }
        DataOptions.Input input = data.open(run);
        Labels labels = input.source().labels();
        Optional<Integer> label = Optional.ofNullable(heldOut).map(name -> labelIndex(name, input));
        StreamingScorer scorer = new StreamingScorer(vae, labels, input.noise(), k == null ? 0 : k);
        StreamingScorer.Summary summary = scorer.write(input.blocks(), out, top, label);
        System.out.println("wrote " + summary.rows() + " rows to " + out);
        if (top > 0) {
            String ranking = k == null ? "highest negative ELBO" : "lowest log p(x), k = " + k;
            System.out.println(top + " worst-explained examples of " + input.origin() + " (" + ranking + "):");
            System.out.println(summary.worst().table(labels));
            if (figure != null) {
                drawWorst(vae, summary.worst(), top + " worst-explained examples (" + ranking + ")", figure);
                System.out.println("wrote " + figure);
            }
        }
        summary.ranking().ifPresent(r -> System.out.println(r.table(labels.legend(r.label()), PRECISION_AT)));
        return 0;
    }

    private Path figureFile() {
        String name = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return out.resolveSibling(name + "-worst.png");
    }

    private int labelIndex(String name, DataOptions.Input input) {
        return IntStream.range(0, input.source().numClasses())
                .filter(i -> input.source().labels().name(i).equals(name)).boxed().findFirst()
                .orElseThrow(() -> new VaekitException("--held-out " + name + ": not a label of " + input.origin()));
    }

    /** The worst examples above the means of p(x|z) at z = their posterior means. */
    private static void drawWorst(Vae vae, WorstExamples worst, String title, Path png) {
        List<WorstExamples.Entry> entries = worst.worstFirst();
        INDArray x = Nd4j.vstack(entries.stream().map(e -> Nd4j.createFromArray(e.features())
                .reshape(1, e.features().length)).toList());
        INDArray rec = vae.decode(vae.encode(x).get(VaeGraph.MU));
        WorstExplained.write(x, rec, title, png);
    }
}

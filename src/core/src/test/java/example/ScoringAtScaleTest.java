package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.data.DataSource;
import org.vaekit.data.Split;
import org.vaekit.eval.BlockNoise;
import org.vaekit.eval.ExampleBlock;
import org.vaekit.eval.ExampleBlocks;
import org.vaekit.eval.ScoredExample;
import org.vaekit.eval.StreamingEncoder;
import org.vaekit.eval.StreamingScorer;
import org.vaekit.train.TrainedRun;

/** The streamed encode and score of docs/library.md, as a program would write them. */
class ScoringAtScaleTest {
    @Test
    void scoreAndEncodeASplitThenOnePartitionOfIt(@TempDir Path dir) throws IOException {
        Path runDir = Fixtures.trainedMini().folder().dir();
        Path scoresCsv = dir.resolve("scores.csv");
        Path codesCsv = dir.resolve("codes.csv");

        TrainedRun trained = TrainedRun.open(runDir);
        DataSource source = trained.source();
        BlockNoise noise = new BlockNoise(trained.config().data().evalSeed(), 50);
        ExampleBlocks blocks = ExampleBlocks.of(source, Split.TEST, trained.config().data(), noise, "test split");
        StreamingScorer scorer = new StreamingScorer(trained.vae(), source.labels(), noise, 10);
        StreamingScorer.Summary summary = scorer.write(blocks, scoresCsv, 20, Optional.of(7));
        System.out.println(summary.worst().table(source.labels()));
        System.out.println(summary.ranking().orElseThrow().rocAuc());

        new StreamingEncoder(trained.vae(), source.labels()).write(
                ExampleBlocks.of(source, Split.TEST, trained.config().data(), noise, "test split"), codesCsv);

        // a partition of a larger job: blocks 2 and 3 alone, the same rows as in the whole file
        ExampleBlocks part = ExampleBlocks.range(source, Split.TEST, trained.config().data(), noise, "test split",
                2, 2);
        List<String> lines = new ArrayList<>();
        while (part.hasNext()) {
            ExampleBlock block = part.next();
            for (ScoredExample s : scorer.score(block)) {
                lines.add(String.join(",", scorer.row(s, part.labelled())));
            }
        }

        assertEquals(Files.readAllLines(scoresCsv).subList(1 + 100, 1 + 200), lines);
        assertEquals(201, Files.readAllLines(codesCsv).size());
        assertEquals(20, summary.worst().worstFirst().size());
    }
}

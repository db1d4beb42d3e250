package org.vaekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.Fixtures;
import org.vaekit.data.Split;
import org.vaekit.model.Elbo;
import org.vaekit.model.Vae;
import org.vaekit.train.TrainedRun;
import org.vaekit.train.TrainingRun;

class EvaluationTest {
    @Test
    void trainingEndsWithTheEvaluationInTheRunFolder() throws Exception {
        TrainingRun run = Fixtures.trainedMini();
        Evaluation evaluation = run.evaluation();
        JsonNode json = new ObjectMapper().readTree(Files.readString(run.folder().file(Evaluation.FILE)));

        for (Split split : Split.values()) {
            Elbo e = evaluation.get(split);
            JsonNode s = json.get("negative_elbo").get(split.label());
            assertEquals(e.cost(), s.get("cost").asDouble(), 1e-9);
            assertEquals(e.reconstruction() + e.kl(), s.get("cost").asDouble(), 1e-9);
            assertEquals(e.count(), s.get("examples").asLong());
            // The digits partition the split: counts add up, and their weighted mean is the split's cost.
            JsonNode digits = s.get("by_label");
            assertEquals(10, digits.size(), split.label());
            long n = 0;
            double sum = 0;
            for (int d = 0; d < 10; d++) {
                JsonNode dj = digits.get(String.valueOf(d));
                n += dj.get("examples").asLong();
                sum += dj.get("examples").asLong() * dj.get("cost").asDouble();
            }
            assertEquals(e.count(), n);
            assertEquals(e.cost(), sum / n, 1e-6);
        }
        assertEquals(List.of(900L, 100L, 200L), List.of(evaluation.get(Split.TRAIN).count(),
                evaluation.get(Split.VALIDATION).count(), evaluation.get(Split.TEST).count()));

        JsonNode ll = json.get("log_likelihood");
        assertEquals("test", ll.get("split").asText());
        assertEquals(200, ll.get("examples").asInt());
        JsonNode estimates = ll.get("estimates");
        assertEquals(1, estimates.get(0).get("k").asInt());
        assertEquals(10, estimates.get(1).get("k").asInt());
        double k1 = estimates.get(0).get("log_px").asDouble();
        double k10 = estimates.get(1).get("log_px").asDouble();
        assertTrue(k10 > k1, k1 + " -> " + k10);
        // k = 1 estimates the ELBO (other draws of z, a sampled KL): close to minus the test cost
        assertEquals(-evaluation.get(Split.TEST).cost(), k1, 3.0);

        String table = evaluation.table();
        assertTrue(table.contains("negative ELBO per digit:"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("digit\\s+0\\s+1\\s+2\\s+3\\s+4\\s+5\\s+6\\s+7\\s+8\\s+9")),
                table);
        assertTrue(table.lines().anyMatch(l -> l.matches("10\\s+-\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d")), table);

        // The standard error is that of the mean over the examples of their own estimates, drawn the same way.
        TrainedRun opened = TrainedRun.open(run.folder().dir());
        INDArray x = Nd4j.vstack(opened.data().evaluation(Split.TEST).stream().map(DataSet::getFeatures).toList());
        Vae.seed(opened.config().data().evalSeed());
        INDArray perExample = opened.vae().logLikelihood(x, 1);
        assertEquals(perExample.stdNumber().doubleValue() / Math.sqrt(200),
                estimates.get(0).get("standard_error").asDouble(), 1e-9);
        assertTrue(estimates.get(1).get("standard_error").asDouble() > 0);

        JsonNode active = json.get("active_units");
        assertEquals(200, active.get("examples").asInt());
        int count = 0;
        for (JsonNode v : active.get("variance")) {
            count += v.asDouble() > 0.01 ? 1 : 0;
        }
        assertEquals(count, active.get("count").asInt());
        assertEquals(2, active.get("latent").asInt());
        assertTrue(table.contains("active units (variance of the posterior mean over 200 test examples > 0.01): "
                + count + " of 2"), table);
    }
}

package org.vaekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vaekit.Fixtures;
import org.vaekit.data.Split;
import org.vaekit.eval.Evaluation;
import org.vaekit.train.TrainingRun;

/**
 * This module runs vaekit-core on Spark's Jackson (2.15) rather than the 2.10 Deeplearning4j brings: the fixture
 * run, trained in this JVM, wrote its run.json and evaluation.json with it.
 */
class JacksonOnSparkTest {
    @Test
    void theClassPathHoldsSparksJackson() {
        assertEquals("2.15", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion() + "."
                + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion());
        assertEquals(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(),
                com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
    }

    @Test
    void coreWritesItsRunFilesWithIt() throws IOException {
        TrainingRun run = Fixtures.trainedMini();
        Path dir = run.folder().dir();
        String provenance = Files.readString(dir.resolve("run.json"));
        assertTrue(provenance.contains("\"dl4j\" : \"1.0.0-M2.1\""), provenance);

        JsonNode evaluation = new ObjectMapper().readTree(dir.resolve(Evaluation.FILE).toFile());
        JsonNode test = evaluation.path("negative_elbo").path("test");
        assertEquals(run.evaluation().get(Split.TEST).cost(), test.path("cost").asDouble(), 0.0);
        assertEquals(200, test.path("examples").asInt());
        assertEquals(10, test.path("by_label").size());
        assertEquals(2, evaluation.path("log_likelihood").path("estimates").size());
    }
}

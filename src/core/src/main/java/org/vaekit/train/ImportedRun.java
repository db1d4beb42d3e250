package org.vaekit.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaekit.VaekitException;
import org.vaekit.data.DataFiles;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.config.VaeConfig;
import org.vaekit.model.NpzWeights;
import org.vaekit.model.Vae;

/**
 * A run folder made from imported weights instead of training: the config, the model and its provenance (the
 * weight file and its SHA-256), so that evaluation, figures, sampling and export work on it as on a trained run.
 *
 * @param folder the run folder written
 * @param vae    the imported model
 */
public record ImportedRun(RunFolder folder, Vae vae) {

    /** Reads and checks the weights, then creates the run folder; bad weights leave nothing behind. */
    public static ImportedRun execute(VaeConfig config, Path npz) {
        Vae vae = Vae.fromWeights(config.model(), NpzWeights.read(npz), npz.toString());
        // The weights expect data prepared as in training: what training learned from the data is learned again
        // from the same training split (deterministic), and saved with the run.
        DataSource learned = DataSources.learnsFromData(config.data())
                ? DataSources.open(config.data()) : null;
        RunFolder run = RunFolder.create(config.run(), config.label() + "-import");
        run.write(RunFolder.CONFIG, config.render());
        if (learned != null) {
            learned.saveLearned(run.dir());
            run.log("learned the feature scaling (data.csv.scale = minmax) from the training split, as training did");
        }
        vae.save(run.file(RunFolder.MODEL));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("config", config.label());
        p.put("imported_from", npz.toAbsolutePath().toString());
        p.put("imported_sha256", sha256(npz));
        p.put("imported", Instant.now().toString());
        p.put("parameters", vae.parameters().keySet());
        try {
            run.write(RunFolder.PROVENANCE, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        run.log("imported " + npz + " (" + String.join(" ", vae.parameters().keySet()) + ") into " + run.dir());
        return new ImportedRun(run, vae);
    }

    private static String sha256(Path file) {
        try {
            return DataFiles.sha256(file);
        } catch (IOException e) {
            throw new VaekitException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

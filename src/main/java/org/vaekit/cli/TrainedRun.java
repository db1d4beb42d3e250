package org.vaekit.cli;

import java.nio.file.Path;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.DataSource;
import org.vaekit.data.DataSources;
import org.vaekit.model.Vae;
import org.vaekit.train.RunFolder;

/** A run folder opened for inspection: its resolved config and its model. */
record TrainedRun(RunFolder folder, VaeConfig config, Vae vae) {

    static TrainedRun open(Path dir) {
        RunFolder run = RunFolder.open(dir, System.out);
        VaeConfig cfg = run.config();
        return new TrainedRun(run, cfg, Vae.load(run.file(RunFolder.MODEL), cfg.model()));
    }

    /** The run's data, split, scaled and binarized as in training; a model of another input size is refused. */
    DataPipeline data() {
        DataSource source = DataSources.open(config.data(), folder.dir(), System.out::println);
        vae.requireInputSize(source.inputSize(), "the data (data.source = " + config.data().source() + ")");
        return new DataPipeline(source, config.data(), config.train().evalBatchSize());
    }
}

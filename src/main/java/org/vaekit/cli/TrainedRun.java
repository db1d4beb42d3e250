package org.vaekit.cli;

import java.nio.file.Path;
import java.util.List;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataPipeline;
import org.vaekit.data.MnistSource;
import org.vaekit.model.Vae;
import org.vaekit.train.RunFolder;

/** A run folder opened for inspection: its resolved config and its model. */
record TrainedRun(RunFolder folder, VaeConfig config, Vae vae) {

    static TrainedRun open(Path dir) {
        RunFolder run = RunFolder.open(dir, System.out);
        VaeConfig cfg = ConfigLoader.load(run.file(RunFolder.CONFIG), List.of());
        return new TrainedRun(run, cfg, Vae.load(run.file(RunFolder.MODEL), cfg.model()));
    }

    /** The run's data, split and binarized as in training. */
    DataPipeline data() {
        MnistSource source = MnistSource.prepare(config.data(), System.out::println);
        return new DataPipeline(source, config.data(), config.train().evalBatchSize());
    }
}

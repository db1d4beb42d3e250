package org.vaekit.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.nd4j.autodiff.listeners.Listener;
import org.vaekit.VaekitException;
import org.vaekit.config.VaeConfig;
import org.vaekit.model.Vae;
import org.vaekit.train.RunFolder;
import org.vaekit.train.VaeTrainer;

/**
 * The training UI of one {@code train}: the server, and for the run a {@link StatsBridge} (Overview, Model and
 * System pages) and a {@link VaePageListener} (the VAE page) writing their reports to {@value #STATS_FILE} in the
 * run folder, which the server shows live under the run's name. {@link #watch} connects both to a trainer.
 */
public final class TrainingDashboard implements AutoCloseable {
    /** The run folder's DL4J stats file (a {@link FileStatsStorage}). */
    public static final String STATS_FILE = "ui-stats.dl4j";

    private final VaeConfig config;
    private final TrainingUi ui;
    private FileStatsStorage storage;
    private StatsBridge bridge;
    private final VaePageListener vaePage;

    private TrainingDashboard(VaeConfig config, TrainingUi ui) {
        this.config = config;
        this.ui = ui;
        this.vaePage = new VaePageListener(config.ui(), config.plot(), config.train().kl());
    }

    /** Starts the UI server as {@code config.ui()} says and prints its address. */
    public static TrainingDashboard start(VaeConfig config, PrintStream console) {
        return new TrainingDashboard(config, TrainingUi.start(config.ui(), console));
    }

    public TrainingUi ui() {
        return ui;
    }

    /** The run's stats storage once {@link #listeners} made it. */
    StatsStorage stats() {
        return storage;
    }

    /** Has {@code trainer} report to this dashboard: its SameDiff listeners and the VAE page's epoch listener. */
    public VaeTrainer watch(VaeTrainer trainer) {
        return trainer.graphListeners(this::listeners).listener(vaePage);
    }

    /**
     * The VAE page's listener: a {@link org.vaekit.train.TrainingListener} that {@link #watch} registers; callers
     * that drive {@code fit} themselves call its {@code dataReady} before {@link #listeners} and its
     * {@code epochDone} after each epoch.
     */
    public VaePageListener vaePage() {
        return vaePage;
    }

    /** The SameDiff listeners for {@code run}: creates its stats file and shows it in the UI. */
    public List<Listener> listeners(RunFolder run, Vae vae) {
        storage = openOrSetAside(run);
        ui.attach(storage);
        DashboardGraph graph = new DashboardGraph(vae.settings(), config.train(), vae.inputSize());
        String session = run.dir().getFileName().toString();
        bridge = new StatsBridge(storage, session, graph, config.ui().reportEvery());
        vaePage.start(storage, session, vae);
        return List.of(bridge, vaePage);
    }

    /**
     * The run's stats file, continued on {@code train --resume}. One that cannot be opened (e.g. damaged by a
     * crash) is renamed, not deleted, and a new one started.
     */
    private static FileStatsStorage openOrSetAside(RunFolder run) {
        Path file = run.file(STATS_FILE);
        try {
            return new FileStatsStorage(file.toFile());
        } catch (RuntimeException e) {
            Path aside = file.resolveSibling(STATS_FILE + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                throw new VaekitException(file + " cannot be opened (" + e.getMessage() + ") nor moved aside ("
                        + moveFailed.getMessage() + "); set ui.enabled = false to train without the UI", e);
            }
            run.log("ui: " + file + " cannot be opened (" + e + "); kept as " + aside.getFileName()
                    + ", the UI starts a new one");
            return new FileStatsStorage(file.toFile());
        }
    }

    /** Opens a finished run's stats file, e.g. to show it again with {@link TrainingUi#attach}. */
    public static FileStatsStorage openStats(Path runDir) {
        Path file = runDir.resolve(STATS_FILE);
        if (!Files.isDirectory(runDir)) {
            throw new VaekitException("run folder " + runDir + " not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new VaekitException(runDir + " has no " + STATS_FILE + " (was it trained with ui.enabled = false?)");
        }
        FileStatsStorage stats;
        try {
            stats = new FileStatsStorage(file.toFile());
        } catch (RuntimeException e) {
            throw new VaekitException(file + " cannot be opened as a DL4J stats file (" + e.getMessage()
                    + "); is the run still training in another process?", e);
        }
        if (stats.listSessionIDs().isEmpty()) {
            stats.close();
            throw new VaekitException(file + " holds no training reports");
        }
        return stats;
    }

    /** Stores the last reports, stops the server and closes the run's stats file. */
    @Override
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
        vaePage.close();
        ui.close();
        if (storage != null) {
            storage.close();
        }
    }
}

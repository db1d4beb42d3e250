package org.vaekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.UiSettings;
import org.vaekit.ui.TrainingDashboard;
import org.vaekit.ui.TrainingUi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ui RUN_DIR...}: serves finished runs in the DL4J training UI. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Serve the training reports of one or several runs in the DL4J training UI (session selector)"
                + " until Ctrl+C.")
final class UiCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders (with ui-stats.dl4j).")
    List<Path> runs;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a ui.* key, e.g. --set ui.port=9001 --set ui.host=0.0.0.0. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        UiSettings settings = ConfigLoader.fromString("", overrides).ui();
        List<FileStatsStorage> stats = new ArrayList<>();
        try {
            Map<String, Path> sessions = new HashMap<>();
            for (Path run : runs) {
                FileStatsStorage s = TrainingDashboard.openStats(run);
                stats.add(s);
                for (String session : s.listSessionIDs()) {
                    Path other = sessions.put(session, run);
                    if (other != null) {
                        throw new VaekitException(other + " and " + run + " both hold session '" + session
                                + "': the UI would mix them; open them one at a time");
                    }
                }
            }
            try (TrainingUi ui = TrainingUi.start(settings, System.out)) {
                for (int i = 0; i < runs.size(); i++) {
                    ui.attach(stats.get(i));
                    System.out.println(runs.get(i) + ": session " + String.join(", ", stats.get(i).listSessionIDs()));
                }
                ui.serveUntilStopped(System.out);
            }
        } finally {
            stats.forEach(FileStatsStorage::close);
        }
        return 0;
    }
}

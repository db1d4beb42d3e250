package org.vaekit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.UiSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.train.TrainingRun;
import org.vaekit.train.VaeTrainer;

class TrainingUiTest {
    @TempDir
    Path runs;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(out, true);

    private UiSettings settings(String... overrides) {
        return Fixtures.miniConfig(runs, overrides).ui();
    }

    @Test
    void listensOnLoopbackOnlyByDefaultWithTheRemoteListenerOff() throws Exception {
        try (TrainingUi ui = TrainingUi.start(settings("ui.port=0"), console)) {
            assertTrue(out.toString().contains("training UI: http://127.0.0.1:" + ui.port() + "/train/overview"),
                    out.toString());
            assertTrue(connects(InetAddress.getLoopbackAddress(), ui.port()));
            Optional<InetAddress> external = nonLoopbackAddress();
            // every machine with a network interface other than lo must be refused
            external.ifPresent(a -> assertFalse(connects(a, ui.port()), "reachable on " + a));
            HttpURLConnection post = (HttpURLConnection) URI.create(ui.address() + "/remoteReceive").toURL()
                    .openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(403, post.getResponseCode());
        }
    }

    @Test
    void aTakenPortIsReportedInOneLineAndThenSkippedOrFatalAsConfigured() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            try (TrainingUi ui = TrainingUi.start(settings("ui.port=" + port), console)) {
                assertTrue(ui.port() > port, "port " + ui.port());
                assertTrue(out.toString().contains("ui: port " + port + " on 127.0.0.1 is in use; took port "
                        + ui.port()), out.toString());
            }
            VaekitException e = assertThrows(VaekitException.class,
                    () -> TrainingUi.start(settings("ui.port=" + port, "ui.port-taken=stop"), console));
            assertEquals("config: key 'ui.port' = " + port + ": port " + port + " on 127.0.0.1 is in use (set another"
                    + " ui.port, ui.port = 0 for any free port, or ui.port-taken = next)", e.getMessage());
        }
    }

    @Test
    void trainingWithTheUiLeavesNoThreadThatKeepsTheJvmAlive() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=threads", "train.epochs=1", "ui.port=0");
        try (TrainingDashboard dashboard = TrainingDashboard.start(cfg, console)) {
            dashboard.watch(VaeTrainer.of(cfg)).train();
        }
        Set<Thread> left = Collections.emptySet();
        for (int i = 0; i < 50; i++) { // Vert.x threads end shortly after close returns
            left = nonDaemonThreads();
            left.removeAll(before);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()));
        assertTrue(runs.resolve("threads").resolve(TrainingDashboard.STATS_FILE).toFile().length() > 0);
    }

    @Test
    void finishedRunsAreServedAgainSideBySide() throws Exception {
        for (String name : List.of("first", "second")) {
            VaeConfig cfg = Fixtures.miniConfig(runs, "run.name=" + name, "train.epochs=1", "ui.port=0",
                    "ui.report-every=10");
            try (TrainingDashboard dashboard = TrainingDashboard.start(cfg, console)) {
                dashboard.watch(VaeTrainer.of(cfg)).train();
            }
        }
        FileStatsStorage first = TrainingDashboard.openStats(runs.resolve("first"));
        FileStatsStorage second = TrainingDashboard.openStats(runs.resolve("second"));
        try (TrainingUi ui = TrainingUi.start(settings("ui.port=0"), console)) {
            ui.attach(first);
            ui.attach(second);
            HttpClient http = HttpClient.newHttpClient();
            String sessions = get(http, ui.address() + "/train/sessions/info");
            assertTrue(sessions.contains("\"first\"") && sessions.contains("\"second\""), sessions);
            for (String name : List.of("first", "second")) {
                get(http, ui.address() + "/train/sessions/set/" + name);
                assertEquals(name, get(http, ui.address() + "/train/sessions/current"));
                // 900 examples / batch 50 = 18 iterations, reported every 10th: iterations 0 and 10
                String data = get(http, ui.address() + "/train/overview/data");
                assertTrue(data.replaceAll("\\s", "").contains("\"scoresIter\":[0,10]"), data);
            }
        } finally {
            first.close();
            second.close();
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    @Test
    void aRunWithoutStatsIsOneClearLine() {
        VaekitException e = assertThrows(VaekitException.class, () -> TrainingDashboard.openStats(runs));
        assertEquals(runs + " has no ui-stats.dl4j (was it trained with ui.enabled = false?)", e.getMessage());
        e = assertThrows(VaekitException.class, () -> TrainingDashboard.openStats(runs.resolve("nope")));
        assertEquals("run folder " + runs.resolve("nope") + " not found", e.getMessage());
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }
}

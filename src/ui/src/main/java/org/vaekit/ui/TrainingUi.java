package org.vaekit.ui;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.BindException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.VertxUIServer;
import org.vaekit.VaekitException;
import org.vaekit.config.UiSettings;

/**
 * The DL4J training UI server for this process, on {@code ui.host}:{@code ui.port} (or the next free port, as
 * {@code ui.port-taken} says), with DL4J's remote-listener endpoint off unless {@code ui.remote-listener}.
 * Closing it stops the server and its threads.
 */
public final class TrainingUi implements AutoCloseable {
    /** Ports tried above {@code ui.port} when it is taken and the policy is {@code next}. */
    private static final int PORTS_TRIED = 100;

    static {
        // Vert.x logs through java.util.logging unless told to use SLF4J (and so logback.xml)
        if (System.getProperty("vertx.logger-delegate-factory-class-name") == null) {
            System.setProperty("vertx.logger-delegate-factory-class-name",
                    "io.vertx.core.logging.SLF4JLogDelegateFactory");
        }
    }

    private final Vertx vertx;
    private final VertxUIServer server;
    private final String address;

    private TrainingUi(Vertx vertx, VertxUIServer server, String host) {
        this.vertx = vertx;
        this.server = server;
        this.address = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
    }

    /** Starts the server and prints its address in one line (and, before it, one line if the port was taken). */
    public static TrainingUi start(UiSettings settings, PrintStream console) {
        int port = settings.port();
        int last = settings.portTaken() == UiSettings.PortTaken.NEXT && port != 0
                ? Math.min(65535, port + PORTS_TRIED) : port;
        for (int p = port; ; p++) {
            try {
                TrainingUi ui = deploy(settings.host(), p);
                if (p != port) {
                    console.println("ui: port " + port + " on " + settings.host() + " is in use; took port " + p);
                }
                if (settings.remoteListener()) {
                    ui.server.enableRemoteListener();
                }
                console.println("training UI: " + ui.address + "/train/overview (VAE page: " + ui.address + "/train/vae)");
                return ui;
            } catch (PortInUse e) {
                if (p >= last) {
                    throw new VaekitException("config: key 'ui.port' = " + port + ": "
                            + (p == port ? "port " + port + " on " + settings.host() + " is in use"
                            : "ports " + port + " to " + p + " on " + settings.host() + " are in use")
                            + " (set another ui.port, ui.port = 0 for any free port, or ui.port-taken = next)");
                }
            }
        }
    }

    private static TrainingUi deploy(String host, int port) throws PortInUse {
        VertxUIServer.getMultiSession().set(false);
        String property = DL4JSystemProperties.UI_SERVER_PORT_PROPERTY;
        String before = System.getProperty(property);
        // VertxUIServer reads its port from this property (or takes 9000): set it only while it starts
        System.setProperty(property, String.valueOf(port));
        Vertx vertx = Vertx.vertx();
        BoundUiServer server = new BoundUiServer(host);
        CompletableFuture<String> started = new CompletableFuture<>();
        vertx.deployVerticle(server, result -> {
            if (result.succeeded()) {
                started.complete(result.result());
            } else {
                started.completeExceptionally(result.cause());
            }
        });
        try {
            started.get(60, TimeUnit.SECONDS);
            return new TrainingUi(vertx, server, host);
        } catch (ExecutionException | TimeoutException e) {
            close(vertx);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new PortInUse();
                }
            }
            throw new VaekitException("the training UI could not start on " + host + ":" + port + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(vertx);
            throw new VaekitException("interrupted while starting the training UI", e);
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    /** The base address, e.g. {@code http://127.0.0.1:9000}. */
    public String address() {
        return address;
    }

    public int port() {
        return server.getPort();
    }

    /** Shows the sessions of {@code storage} (live or finished) in the UI's session selector. */
    public void attach(StatsStorage storage) {
        server.attach(storage);
    }

    /** Blocks until the process is stopped (Ctrl+C), serving the UI. */
    public void serveUntilStopped(PrintStream console) {
        console.println("serving the training UI at " + address + "/train/overview until stopped (Ctrl+C)");
        try {
            new CompletableFuture<Void>().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server; attached storages stay open (their owners close them). */
    @Override
    public void close() {
        for (StatsStorage s : server.getStatsStorageInstances()) {
            server.detach(s);
        }
        close(vertx);
    }

    private static void close(Vertx vertx) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        vertx.close(result -> closed.complete(null));
        try {
            closed.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the training UI did not stop", e);
        }
    }

    /** The port is taken by another process. */
    private static final class PortInUse extends Exception {
    }
}

package org.vaekit.config;

/**
 * The DL4J training UI during {@code train}.
 *
 * @param enabled        write the training reports to the run folder and serve them live
 * @param host           interface the UI listens on (loopback unless asked otherwise)
 * @param port           TCP port; 0 takes any free port
 * @param portTaken      what to do when the port is in use
 * @param keep           keep serving after training ends, until the process is stopped
 * @param reportEvery    report parameter, update, gradient and activation statistics every N iterations
 * @param remoteListener accept reports posted by other processes (DL4J's remote-listener endpoint)
 * @param vaeEveryEpochs draw the VAE page's figures (latent means, reconstructions, samples, manifold) every N
 *                       epochs and after the last; 0 = never
 * @param vaeExamples    validation examples (the first N) whose posterior means the VAE page plots
 */
public record UiSettings(boolean enabled, String host, int port, PortTaken portTaken, boolean keep,
                         int reportEvery, boolean remoteListener, int vaeEveryEpochs, int vaeExamples) {
    /** The policy when {@code ui.port} is in use. */
    public enum PortTaken {
        /** Take the next free port above it. */
        NEXT,
        /** Stop with an error. */
        STOP
    }

    static UiSettings from(Settings s) {
        return new UiSettings(
                s.bool("ui.enabled"),
                s.string("ui.host"),
                s.intIn("ui.port", 0, 65535),
                s.enumValue("ui.port-taken", PortTaken.class),
                s.bool("ui.keep"),
                s.intAtLeast("ui.report-every", 1),
                s.bool("ui.remote-listener"),
                s.intAtLeast("ui.vae-every-epochs", 0),
                s.intAtLeast("ui.vae-examples", 1));
    }
}

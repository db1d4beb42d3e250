package org.vaekit.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) or a plain {@code kill} (SIGTERM) during training into a checkpoint: a shutdown hook asks
 * the training thread to write one at its next minibatch boundary and holds the JVM's exit until it has.
 */
final class Interruption implements AutoCloseable {
    /** How long the hook waits for the training thread: longer than an epoch's validation and a checkpoint. */
    private static final long WAIT_MINUTES = 5;

    private final CountDownLatch handled = new CountDownLatch(1);
    private final Thread hook = new Thread(this::awaitCheckpoint, "vaekit-checkpoint-on-exit");
    private volatile boolean requested;
    private boolean installed;

    private Interruption() {
    }

    /** Never asks for a checkpoint: for library callers who handle shutdown themselves. */
    static Interruption none() {
        return new Interruption();
    }

    /** Listens for the JVM's shutdown until {@link #close()}. */
    static Interruption install() {
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        i.installed = true;
        return i;
    }

    /** True once the JVM has begun shutting down: the trainer should checkpoint and stop. */
    boolean requested() {
        return requested;
    }

    /** The trainer has written its checkpoint (or has stopped otherwise): the JVM may exit. */
    void handled() {
        handled.countDown();
    }

    private void awaitCheckpoint() {
        requested = true;
        try {
            handled.await(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        handled();
        if (!installed) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and returns now that handled() was called
        }
    }
}

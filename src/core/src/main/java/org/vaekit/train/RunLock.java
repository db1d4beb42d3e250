package org.vaekit.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vaekit.VaekitException;

/**
 * An exclusive lock on a run folder while one process trains it, so that a second {@code train --resume} of the
 * same folder stops before it touches metrics or checkpoints. The lock is the OS's advisory lock on the folder's
 * config.conf (never written through it): it goes away with the process, even after {@code kill -9}.
 */
final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(RunFolder run) {
        Path file = run.file(RunFolder.CONFIG);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new RunLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: the same answer as for another process
        } catch (IOException e) {
            close(channel);
            throw new VaekitException("cannot lock run folder " + run.dir() + " (" + file + "): " + e.getMessage(), e);
        }
        close(channel);
        throw new VaekitException("run folder " + run.dir() + " is being trained by another process (" + file
                + " is locked): wait for it to end or stop it first; nothing was changed");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel below
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}

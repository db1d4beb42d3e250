package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;

/**
 * A training JVM killed with SIGKILL, or stopped with SIGINT, in the middle of an epoch: resuming it gives the
 * same metrics, evaluation and weights as the uninterrupted run.
 */
class ProcessFaultTest {
    @TempDir
    static Path runs;
    private static TrainingRun reference;

    @BeforeAll
    static void trainWithoutInterruption() {
        reference = VaeTrainer.of(ResumeTest.config(runs, "reference")).train();
    }

    @Test
    void sigkillMidEpochThenResumeMatchesTheUninterruptedRun() throws Exception {
        Process child = startTraining("killed");
        Path dir = runs.resolve("killed");
        awaitMidEpochCheckpoint(child, dir);
        child.destroyForcibly(); // SIGKILL on Linux
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue());
        assertResumesToTheReference(dir);
    }

    @Test
    void sigintWritesACheckpointAndExitsThenResumeMatches() throws Exception {
        assertSignalWritesACheckpointThenResumeMatches("INT", 130); // 128 + SIGINT: the JVM's exit after the hook
    }

    @Test
    void sigtermWritesACheckpointAndExitsThenResumeMatches() throws Exception {
        assertSignalWritesACheckpointThenResumeMatches("TERM", 143); // 128 + SIGTERM, e.g. a plain kill
    }

    private static void assertSignalWritesACheckpointThenResumeMatches(String signal, int exitCode) throws Exception {
        String name = "signal-" + signal;
        Process child = startTraining(name);
        Path dir = runs.resolve(name);
        awaitMidEpochCheckpoint(child, dir);
        new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start().waitFor();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(exitCode, child.exitValue());
        String log = Files.readString(dir.resolve(RunFolder.LOG));
        assertTrue(log.contains("interrupted at ") && log.contains("continue with: train --resume " + dir), log);
        List<Path> files = new Checkpoints(dir.resolve(Checkpoints.DIR), 1).list();
        String newest = files.get(files.size() - 1).getFileName().toString();
        assertTrue(log.contains(newest + " written"), "the newest checkpoint is the one written on SIG" + signal + ": " + log);
        assertResumesToTheReference(dir);
    }

    private static Process startTraining(String name) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.vaekit.cli.Main", "train", "--no-progress"));
        for (String s : Fixtures.miniSettings(runs, ResumeTest.settings(name))) {
            cmd.add("--set");
            cmd.add(s);
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(runs.resolve(name + ".out").toFile()).start();
    }

    /** Waits until the child has written a checkpoint inside epoch 2 or 3 (not at an epoch's end). */
    private static void awaitMidEpochCheckpoint(Process child, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Checkpoints checkpoints = new Checkpoints(dir.resolve(Checkpoints.DIR), 1);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "training ended before it could be interrupted");
            if (checkpoints.list().stream().map(p -> p.getFileName().toString())
                    .anyMatch(n -> !n.startsWith("epoch-0000") && !n.endsWith("-batch-000000.ckpt"))) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no mid-epoch checkpoint within 5 minutes");
    }

    private static void assertResumesToTheReference(Path dir) throws Exception {
        TrainingRun resumed = VaeTrainer.resume(dir);
        Path ref = reference.folder().dir();
        assertEquals(ResumeTest.metricsWithoutTimes(ref), ResumeTest.metricsWithoutTimes(dir));
        assertEquals(reference.evaluation().table(), resumed.evaluation().table());
        ResumeTest.assertSameParameters(ref.resolve(RunFolder.MODEL), dir.resolve(RunFolder.MODEL));
    }
}

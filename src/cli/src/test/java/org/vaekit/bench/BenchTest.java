package org.vaekit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.cli.Main;
import org.vaekit.config.VaeConfig;

/**
 * The benchmark harness on the fixture: every figure measured, settings reaching the child processes, the report
 * written; no speed is asserted.
 */
class BenchTest {
    @Test
    void defaultModelCostsAboutFourPointSevenMegaflopPerTrainingExample(@TempDir Path runs) {
        VaeConfig c = Fixtures.miniConfig(runs, "model.encoder=[500]", "model.decoder=[500]");
        // (784*500 + 2*500*2 + 2*500 + 500*784) weights x 6 FLOP
        assertEquals(4_722_000, Throughput.flopsPerExample(c.model(), 784));
    }

    @Test
    void singleSettingMeasuresEveryFigureInThisJvmAndSavesTheReport(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        String out = bench("--single", "--runs", "1", "--warmup", "1", "--batch", "50,300", "--results",
                results.toString());
        assertTrue(out.contains("PyTorch skipped: absent: none of no-such-python-here can import torch"), out);
        // each Java subject trains whole epochs for the warm-up's second before its first figure
        assertTrue(out.matches("(?s).*warm-up +vaekit \\(SameDiff\\) +[1-9][0-9]* epochs in [0-9]+ s.*"), out);
        assertTrue(out.matches("(?s).*warm-up +DL4J VAE layer +[1-9][0-9]* epochs in [0-9]+ s.*"), out);
        String md = onlyReport(results);
        for (String figure : List.of("training", "inference")) {
            for (int batch : List.of(50, 300)) {
                // vaekit and DL4J measured (a number), PyTorch absent (-), ratio vs DL4J present
                assertTrue(md.matches("(?s).*\\| " + figure + " \\| " + batch + " \\| [0-9,]+ \\| [0-9,]+ \\| - \\| "
                        + "[0-9.]+x \\| - \\|.*"), figure + " " + batch + "\n" + md);
            }
        }
        assertTrue(md.contains("| pipeline | 50 |"), md);
        assertTrue(md.matches("(?s).*\\| vaekit \\(SameDiff\\) \\| [0-9,]+ MB \\| [0-9,]+ MB \\|.*"), md);
        assertTrue(md.contains("each subject first trained for 1 s"), md);
        assertTrue(md.contains("-Dexec.args=\"bench --single --runs 1 --warmup 1 --batch 50,300"), md);
        assertMachineLine(md);
    }

    @Test
    void gridRunsEachSettingInChildrenThatSeeItAndReportsEachSubjectsBest(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        String out = bench("--grid", "OMP_WAIT_POLICY=passive;OMP_NUM_THREADS=1,2", "--passes", "1", "--runs", "1",
                "--warmup", "0", "--batch", "50", "--results", results.toString());
        assertTrue(out.contains("PyTorch skipped: absent: none of no-such-python-here can import torch"), out);
        String md = onlyReport(results);
        // each child JVM loaded ND4J with the thread count of its own setting
        for (int threads : List.of(1, 2)) {
            assertTrue(md.contains("| `OMP_WAIT_POLICY=passive OMP_NUM_THREADS=" + threads + "` | ND4J " + threads
                    + " (master " + threads + "), OpenMP " + threads + ", BLAS " + threads + " | absent:"), md);
            for (String figure : List.of("training", "inference")) {
                // vaekit and DL4J measured under this setting (median and the one pass), PyTorch absent
                assertTrue(md.matches("(?s).*\\| `OMP_WAIT_POLICY=passive OMP_NUM_THREADS=" + threads + "` \\| "
                        + figure + " \\| 50 \\| ([0-9,]+ \\([0-9,]+\\) \\| ){2}- \\|.*"), md);
            }
        }
        for (String figure : List.of("training", "inference")) {
            for (String subject : List.of("vaekit \\(SameDiff\\)", "DL4J VAE layer")) {
                assertTrue(md.matches("(?s).*\\| " + figure + " \\| 50 \\| " + subject + " \\| [0-9,]+ \\| "
                        + "`OMP_WAIT_POLICY=passive OMP_NUM_THREADS=[12]` \\|.*"), figure + " " + subject + "\n" + md);
            }
            assertTrue(md.contains("| " + figure + " | 50 | PyTorch | - | - |"), md);
            assertTrue(md.matches("(?s).*\\| " + figure + " \\| 50 \\| [0-9.]+x \\| - \\|.*"), md);
        }
        assertTrue(md.contains("grid: OMP_WAIT_POLICY=passive x OMP_NUM_THREADS=1,2 (2 settings)"), md);
        assertTrue(md.matches("(?s).*\\| `OMP_WAIT_POLICY=passive OMP_NUM_THREADS=1` \\| vaekit \\(SameDiff\\) \\| "
                + "[0-9,]+ MB \\|.*"), md);
        assertMachineLine(md);
    }

    /** Runs {@code bench} on the fixture with no PyTorch; returns what it printed. */
    private static String bench(String... options) {
        List<String> args = new ArrayList<>(List.of("bench", "--python", "no-such-python-here",
                "--config", "conf/mnist-vae.conf", "--set", "data.dir=" + Fixtures.mnistMini(),
                "--set", "data.fetch=false", "--set", "data.verify-checksums=false",
                "--set", "data.validation-size=100", "--set", "data.train-size=300",
                "--set", "model.encoder=[16]", "--set", "model.decoder=[16]"));
        args.addAll(1, List.of(options));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(buf, true));
        int code;
        try {
            code = Main.run(args.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString();
        assertEquals(0, code, out);
        return out;
    }

    private static String onlyReport(Path results) throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.list(results)) {
            reports = files.toList();
        }
        assertEquals(1, reports.size());
        return Files.readString(reports.get(0));
    }

    /** The CPU's model and the vector extensions that matter, and the load average at the start and end. */
    private static void assertMachineLine(String md) {
        assertTrue(md.matches("(?s).*- CPU: .+, flags ((avx2|avx512f|fma)( |,))+.*"
                + "|(?s).*- CPU: .+, flags without avx2, avx512f or fma,.*"), md);
        assertTrue(md.matches("(?s).*- load average \\(1, 5, 15 min\\): [0-9.]+ [0-9.]+ [0-9.]+ at the start, "
                + "[0-9.]+ [0-9.]+ [0-9.]+ at the end.*"), md);
    }

    @Test
    void profileSplitsTheStepIntoTheGraphsOpsTheUpdaterAndTheRest(@TempDir Path runs) {
        VaeConfig c = Fixtures.miniConfig(runs, "model.encoder=[16]", "model.decoder=[16]", "data.train-size=300");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<StepProfile.Step> steps = new StepProfile(c, 2, 0, new PrintStream(buf, true)).run(List.of(50, 100));
        String out = buf.toString();
        assertEquals(List.of(50, 100), steps.stream().map(StepProfile.Step::batch).toList());
        for (StepProfile.Step s : steps) {
            assertEquals(2 * 300 / s.batch(), s.steps(), out);
            // one xw_plus_b per dense layer (1, 2_mu, 2_logvar, 3, 4); the reconstruction cost's softplus once per
            // step, differentiated through a sigmoid (the rest of the graph has neither)
            assertEquals(5.0, s.byOp().get("xw_plus_b").calls(), 1e-9, out);
            assertEquals(1.0, s.byOp().get("softplus").calls(), 1e-9, out);
            assertEquals(1.0, s.byOp().get("sigmoid").calls(), 1e-9, out);
            assertEquals(s.ops(), s.byOp().values().stream().mapToDouble(StepProfile.OpTime::ms).sum(), 1e-6, out);
            assertTrue(s.ops() > 0 && s.ops() < s.wall() && s.updater() > 0, out);
            assertTrue(out.contains("batch " + s.batch() + ": " + s.steps() + " steps"), out);
        }
        assertTrue(out.contains("updater step (timed apart)"), out);
    }

    @Test
    void badCountsAreRejected() {
        PrintStream saved = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            assertEquals(2, Main.run("bench", "--runs", "0"));
            assertEquals(2, Main.run("bench", "--warmup", "-1"));
            assertEquals(2, Main.run("bench", "--passes", "0"));
            assertEquals(2, Main.run("bench", "--grid", "OMP_WAIT_POLICY"));
            // the old knob relied on Environment.setMaxThreads, which libnd4j ignores: thread counts go through --grid
            assertEquals(2, Main.run("bench", "--threads", "1"));
        } finally {
            System.setErr(saved);
        }
    }
}
